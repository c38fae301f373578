// The asn-companion command line as a person runs it: a child process per command, a real data
// folder, the reference central server on loopback, and the keychain inside its own D-Bus session.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer } from '../../central/server';
import { complianceSnapshotSchema } from '../../shared/domain';
import { runCli, runInKeyringSession } from '../harness/cli-process';


let central: Awaited<ReturnType<typeof startCentralServer>>;
let dataDir: string;

async function adminEvents(): Promise<{ type: string; id: string }[]> {
  const response = await fetch(`${central.url}/admin/events`);
  const body = (await response.json()) as { events: { type: string; id: string }[] };
  return body.events;
}

beforeAll(async () => {
  central = await startCentralServer({ port: 0 });
});

afterAll(async () => {
  await central.close();
});

describe('asn-companion check', () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'asnc-cli-check-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints one snapshot as JSON', async () => {
    const result = await runCli(['check', '--json', '--speed-endpoint', central.url], dataDir);
    const snapshot = complianceSnapshotSchema.parse(JSON.parse(result.stdout));

    expect(snapshot.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
    for (const check of snapshot.checks) {
      expect(check.verdict).toMatch(/^(pass|warn|fail|unknown|error)$/);
      expect(Object.keys(check.evidence).length).toBeGreaterThan(0);
      expect(Object.keys(check.policy).length).toBeGreaterThan(0);
    }
    expect(snapshot.checks[0]?.verdict).toBe('pass');
  });

  it('fails power on a machine without battery', async () => {
    const hasBattery = existsSync('/sys/class/power_supply') && spawnSync('sh', ['-c', 'ls /sys/class/power_supply | grep -qi bat']).status === 0;
    const result = await runCli(['check', '--json', '--no-speed'], dataDir);
    const snapshot = complianceSnapshotSchema.parse(JSON.parse(result.stdout));
    const power = snapshot.checks.find((check) => check.check === 'power')!;

    if (hasBattery) {
      expect(power.verdict).not.toBe('error');
      return;
    }
    expect(power.verdict).toBe('fail');
    expect(result.status).toBe(1);
  });

  it('prints Indonesian by default and English on request', async () => {
    const indonesian = await runCli(['check', '--no-speed'], dataDir);
    expect(indonesian.stdout).toContain('Daya cadangan');
    expect(indonesian.stdout).toContain('Hasil keseluruhan');

    const english = await runCli(['check', '--no-speed', '--lang', 'en'], dataDir);
    expect(english.stdout).toContain('Backup power');
  });

  it('exits 2 with a clear message on a bad option', async () => {
    const result = await runCli(['checkin', '--mode', 'beach'], dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Mode "beach" tidak valid');
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['dance'], dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Perintah tidak dikenal');
  });
});

describe('asn-companion delivery', () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'asnc-cli-flush-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers one check-in and one check-out once', async () => {
    const before = (await adminEvents()).length;
    const steps = [
      `enroll --central ${central.url} --code DEMO`,
      'checkin --mode wfh',
      'checkout',
      'flush',
      'flush',
      'status --json',
    ];
    // One D-Bus session with an unlocked keyring for all steps, as on a desktop: the token
    // written by enroll is read back from the keychain by the later processes.
    const script = steps.map((step) => `"$TSX" "$CLI" ${step} --data-dir "${dataDir}" || exit $?`).join('\n');
    const result = await runInKeyringSession(script);

    expect(result.stderr).not.toContain('Gagal');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Terdaftar di');
    expect(result.stdout).toContain('Terkirim: 2 diterima');
    expect(result.stdout).toContain('Terkirim: 0 diterima, 0 sudah ada di server');

    const events = (await adminEvents()).slice(before);
    expect(events.map((event) => event.type)).toEqual(['attendance.check_in', 'attendance.check_out']);

    const status = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
    expect(status.secureStorage.backend).toBe('keychain');
    expect(status.outbox).toEqual({ queued: 0, inFlight: 0, sent: 2, dead: 0 });
  });
});
