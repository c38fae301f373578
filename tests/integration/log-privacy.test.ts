// The log after a full working day against the reference central server on loopback: enroll, check
// in, a daily report, delivery, check out. Neither the device token nor the report's text may appear
// in any log file.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Companion } from '../../electron/core/companion';
import { deviceTokenAccount } from '../../electron/core/central/enrollment';
import { createLogger, silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { DEMO_ENROLLMENT_CODE, startDemoCentral, type DemoCentral } from '../../electron/main/demo';

const REPORT_ACTIVITY = 'Menyusun telaah staf mutasi pegawai golongan III nomor 4471';
const REPORT_OUTPUT = 'Draf telaah 7 halaman untuk Kepala Biro';
const REPORT_PLAN = 'Rapat koordinasi anggaran triwulan dengan Bagian Keuangan';

let dataDir: string;
let centralDir: string;
let central: DemoCentral;
let token: string;
let logText: string;
let logFiles: string[];
let accepted = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'log-privacy-'));
  centralDir = mkdtempSync(join(tmpdir(), 'log-privacy-central-'));
  central = await startDemoCentral(centralDir, createLogger(silentSink));
  const secrets = new MemorySecretStore();

  // No logSink: the companion writes its own log files in the data folder, as the app does.
  // Tuesday 1 December 2026, 09.00 WIB: a working day, whatever day the test runs on.
  const now = () => Date.UTC(2026, 11, 1, 2, 0);
  const companion = await Companion.open({ dataDir, secretStore: secrets, now });
  try {
    const enrollment = await companion.enroll(central.url, DEMO_ENROLLMENT_CODE);
    token = (await secrets.get(deviceTokenAccount(enrollment.deviceId)))!;

    companion.checkIn('wfh');
    const today = companion.status().attendance.today;
    companion.reports.daily.saveDraft(today, {
      activities: [{ description: REPORT_ACTIVITY, output: REPORT_OUTPUT, status: 'done' }],
      obstacles: 'Tidak ada',
      plan: REPORT_PLAN,
    });
    companion.reports.daily.submit(today);
    accepted += (await companion.flush()).accepted;
    companion.checkOut();
    accepted += (await companion.flush()).accepted;
  } finally {
    companion.close();
  }

  const folder = join(dataDir, 'logs');
  logFiles = readdirSync(folder);
  logText = logFiles.map((file) => readFileSync(join(folder, file), 'utf8')).join('\n');
});

afterAll(async () => {
  await central?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(centralDir, { recursive: true, force: true });
});

describe('log after a working day', () => {
  it('records the day', () => {
    expect(logFiles).toContain('companion.log');
    expect(logText).toContain('Device enrolled');
    expect(token.length).toBeGreaterThan(16);
    // Check-in, report and check-out reached the server, so the token was used on every request.
    expect(accepted).toBeGreaterThanOrEqual(3);
  });

  it('never contains the device token', () => {
    expect(logText).not.toContain(token);
  });

  it('never contains the report text', () => {
    expect(logText).not.toContain(REPORT_ACTIVITY);
    expect(logText).not.toContain(REPORT_OUTPUT);
    expect(logText).not.toContain(REPORT_PLAN);
  });

  it('is JSON lines', () => {
    const lines = logText.split('\n').filter((line) => line !== '');

    expect(lines.every((line) => typeof JSON.parse(line).message === 'string')).toBe(true);
  });
});
