// `asn-companion requests`, `requests ack` and `requests respond` as a person runs them: a child
// process per command, a real data folder, the reference central server on 127.0.0.1 and the
// keychain inside its own D-Bus session, so the token written by enroll is read back later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { adminEventsResponseSchema } from '../../shared/central-api';
import { requestsListSchema } from '../../shared/requests';
import { runCli, runCliSteps } from '../harness/cli-process';


let central: CentralServer;
let dataDir: string;

async function postEmergency(subject: string): Promise<string> {
  const response = await fetch(`${central.url}/admin/requests`, {
    method: 'POST',
    body: JSON.stringify({ level: 'emergency', sender: 'Sekretaris Dinas', subject, body: 'Mohon segera.' }),
  });
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  central = await startCentralServer({ port: 0 });
});

afterAll(async () => {
  await central.close();
});

describe('asn-companion requests', () => {
  let id: string;
  let outputs: string[];
  let codes: number[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'asnc-cli-requests-'));
    id = await postEmergency('Data pegawai WFH hari ini');
    ({ outputs, codes } = await runCliSteps([
      `enroll --central ${central.url} --code DEMO`,
      'requests --json',
      'requests',
      `requests ack ${id}`,
      `requests respond ${id} --text "Sudah dikirim lewat surel."`,
      `requests respond ${id} --text "Tambahan."`,
      'requests --lang en',
      'flush',
    ], dataDir));
  }, 180_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the request as JSON', () => {
    const list = requestsListSchema.parse(JSON.parse(outputs[1]!));

    expect(list.requests.map((request) => [request.id, request.level, request.state])).toEqual([[id, 'emergency', 'open']]);
  });

  it('lists the request with level and deadline', () => {
    expect(outputs[2]).toContain(`[DARURAT] Data pegawai WFH hari ini — Sekretaris Dinas (ID ${id})`);
    expect(outputs[2]).toMatch(/Tenggat: \d{2}\.\d{2} WIB · Status: belum diterima/);
  });

  it('acknowledges with the time', () => {
    expect(codes[3]).toBe(0);
    expect(outputs[3]).toMatch(/^Permintaan "Data pegawai WFH hari ini" diterima pukul \d{2}\.\d{2} WIB; konfirmasi masuk antrean pengiriman\./);
  });

  it('records the answer', () => {
    expect(codes[4]).toBe(0);
    expect(outputs[4]).toContain('(tepat waktu) dan masuk antrean pengiriman.');
  });

  it('rejects a second answer', () => {
    expect(codes[5]).toBe(2);
    expect(outputs[5]).toContain('sudah dijawab pukul');
  });

  it('lists in English with the answer', () => {
    expect(outputs[6]).toContain('[EMERGENCY] Data pegawai WFH hari ini');
    expect(outputs[6]).toContain('Answered');
    expect(outputs[6]).toContain('(on time): Sudah dikirim lewat surel.');
  });

  it('delivers acknowledgement and answer', async () => {
    const response = await fetch(`${central.url}/admin/events`);
    const { events } = adminEventsResponseSchema.parse(await response.json());

    expect(events.filter((event) => event.stream === 'requests').map((event) => event.type)).toEqual(['request.acknowledged', 'request.answered']);
  });
});

describe('asn-companion requests errors', () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'asnc-cli-requests-new-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('names an unknown id', async () => {
    const result = await runCli(['requests', 'ack', 'tidak-ada'], dataDir);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Tidak ada permintaan dengan ID "tidak-ada"');
  });

  it('requires --text for respond', async () => {
    const result = await runCli(['requests', 'respond', 'abc'], dataDir);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Opsi --text TEKS wajib untuk "requests respond"');
  });

  it('requires an id for ack', async () => {
    const result = await runCli(['requests', 'ack', '--lang', 'en'], dataDir);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Name the request: "requests ack ID"');
  });

  it('lists nothing on a new device', async () => {
    const result = await runCli(['requests'], dataDir);

    expect(result.stdout.trim()).toBe('Tidak ada permintaan.');
  });
});
