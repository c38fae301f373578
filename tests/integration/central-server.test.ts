// The reference central server over real HTTP on 127.0.0.1, with its SQLite store in memory.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../central/main';
import { isLoopbackAddress, startCentralServer, type CentralServer } from '../../central/server';
import { MAX_DOWNLOAD_BYTES } from '../../central/speed';
import {
  adminEventsResponseSchema,
  enrollResponseSchema,
  eventBatchResponseSchema,
  type WireEvent,
} from '../../shared/central-api';

let server: CentralServer;

beforeEach(async () => {
  server = await startCentralServer({ port: 0 });
});

afterEach(async () => {
  await server.close();
});

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function enroll(): Promise<{ deviceId: string; token: string }> {
  const response = await postJson('/v1/enroll', { code: 'DEMO' });
  expect(response.status).toBe(201);
  return enrollResponseSchema.parse(await response.json());
}

async function adminEvents() {
  const response = await fetch(`${server.url}/admin/events`);
  expect(response.status).toBe(200);
  return adminEventsResponseSchema.parse(await response.json()).events;
}

function checkIn(id: string, seq: number): WireEvent {
  return {
    id,
    stream: 'attendance',
    seq,
    type: 'attendance.check_in',
    occurredAt: 1_767_229_200_000 + seq,
    payload: { sessionId: `session-${seq}`, mode: 'wfh', startedAt: 1_767_229_200_000 + seq, endedAt: null },
  };
}

describe('enrollment', () => {
  it('enrolls with the DEMO code', async () => {
    const { deviceId, token } = await enroll();

    expect(deviceId).not.toBe('');
    // 32 random bytes in base64url are 43 characters.
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives each enrollment its own token', async () => {
    const first = await enroll();
    const second = await enroll();

    expect(second.deviceId).not.toBe(first.deviceId);
    expect(second.token).not.toBe(first.token);
  });

  it('rejects a wrong code with 403', async () => {
    const response = await postJson('/v1/enroll', { code: 'WRONG' });

    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('enrollment_code_rejected');
    expect(body.message).toMatch(/enrollment code is not valid/);
  });

  it('names the missing field with 400', async () => {
    const response = await postJson('/v1/enroll', { kode: 'DEMO' });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_request');
    expect(body.message).toContain('code');
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await fetch(`${server.url}/v1/enroll`, { method: 'POST', body: '{"code": ' });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_json');
  });
});

describe('events', () => {
  it('answers 401 without a token', async () => {
    const response = await postJson('/v1/events', { events: [checkIn('a', 1)] });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await response.json()) as { error: string }).error).toBe('unauthorized');
  });

  it('answers 401 with an unknown token', async () => {
    const response = await postJson('/v1/events', { events: [checkIn('a', 1)] }, 'not-a-token-this-server-issued');

    expect(response.status).toBe(401);
    expect(await adminEvents()).toEqual([]);
  });

  it('accepts a batch once and reports the repeat as duplicates', async () => {
    const { deviceId, token } = await enroll();
    const batch = [checkIn('0190a000-0000-7000-8000-000000000001', 1), checkIn('0190a000-0000-7000-8000-000000000002', 2)];

    const first = eventBatchResponseSchema.parse(await (await postJson('/v1/events', { events: batch }, token)).json());
    const second = eventBatchResponseSchema.parse(await (await postJson('/v1/events', { events: batch }, token)).json());

    expect(first.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
    expect(second.results.map((result) => result.status)).toEqual(['duplicate', 'duplicate']);
    const serverIds = (results: typeof first.results) => results.map((result) => ('serverId' in result ? result.serverId : null));
    expect(serverIds(second.results)).toEqual(serverIds(first.results));

    const stored = await adminEvents();
    expect(stored).toHaveLength(2);
    expect(stored.map((event) => event.id)).toEqual(batch.map((event) => event.id));
    expect(stored.map((event) => event.serverId)).toEqual(serverIds(first.results));
    expect(stored.every((event) => event.deviceId === deviceId)).toBe(true);
    expect(stored[0]?.payload).toEqual(batch[0]?.payload);
    expect(stored.map((event) => [event.stream, event.seq])).toEqual([
      ['attendance', 1],
      ['attendance', 2],
    ]);
  });

  it('treats a repeated id within one batch as a duplicate', async () => {
    const { token } = await enroll();
    const event = checkIn('same-id', 1);

    const response = eventBatchResponseSchema.parse(await (await postJson('/v1/events', { events: [event, event] }, token)).json());

    expect(response.results.map((result) => result.status)).toEqual(['accepted', 'duplicate']);
    expect(await adminEvents()).toHaveLength(1);
  });

  it('rejects a malformed item and accepts the rest', async () => {
    const { token } = await enroll();
    const good1 = checkIn('good-1', 1);
    const bad = { ...checkIn('bad-2', 2), payload: { sessionId: 'session-2', mode: 'beach', startedAt: 5, endedAt: null } };
    const good3 = checkIn('good-3', 3);

    const response = await postJson('/v1/events', { events: [good1, bad, good3] }, token);
    expect(response.status).toBe(200);
    const { results } = eventBatchResponseSchema.parse(await response.json());

    expect(results.map((result) => result.status)).toEqual(['accepted', 'rejected', 'accepted']);
    const rejected = results[1];
    expect(rejected?.status === 'rejected' ? rejected.reason : '').toContain('payload.mode');
    expect((await adminEvents()).map((event) => event.id)).toEqual(['good-1', 'good-3']);
  });

  it('rejects an item of unknown type by name', async () => {
    const { token } = await enroll();
    const unknownType = { ...checkIn('odd-1', 1), type: 'attendance.lunch' };

    const { results } = eventBatchResponseSchema.parse(await (await postJson('/v1/events', { events: [unknownType] }, token)).json());

    expect(results[0]?.status).toBe('rejected');
    expect(results[0]?.status === 'rejected' ? results[0].reason : '').toContain('type');
  });

  it('answers 400 for an item without an id', async () => {
    const { token } = await enroll();
    const { id: _id, ...withoutId } = checkIn('x', 1);

    const response = await postJson('/v1/events', { events: [checkIn('ok', 1), withoutId] }, token);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('events.1.id');
    expect(await adminEvents()).toEqual([]);
  });

  it('answers 400 for an empty batch', async () => {
    const { token } = await enroll();

    const response = await postJson('/v1/events', { events: [] }, token);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('events');
  });
});

describe('routing', () => {
  it('answers health checks', async () => {
    const response = await fetch(`${server.url}/v1/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers unknown paths with JSON 404', async () => {
    const response = await fetch(`${server.url}/v2/nothing`);

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as { error: string }).error).toBe('not_found');
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await fetch(`${server.url}/v1/events`);

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('lists events to loopback callers', async () => {
    const response = await fetch(`${server.url}/admin/events`);

    expect(response.status).toBe(200);
    expect(adminEventsResponseSchema.parse(await response.json()).events).toEqual([]);
  });
});

describe('admin loopback check', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['192.168.1.20', false],
    ['1127.0.0.1', false],
    ['::2', false],
    [undefined, false],
  ])('treats %s as loopback: %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});

describe('speed endpoints', () => {
  it('sends exactly the requested bytes', async () => {
    const bytes = 5 * 1024 * 1024 + 123;

    const response = await fetch(`${server.url}/__down?bytes=${bytes}`);
    const body = new Uint8Array(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-length')).toBe(String(bytes));
    expect(body.byteLength).toBe(bytes);
  });

  it('sends an empty body for zero bytes', async () => {
    const response = await fetch(`${server.url}/__down?bytes=0`);

    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['missing', ''],
    ['not a number', '?bytes=ten'],
    ['negative', '?bytes=-5'],
    ['above the cap', `?bytes=${MAX_DOWNLOAD_BYTES + 1}`],
  ])('rejects a %s byte count with 400', async (_case, query) => {
    const response = await fetch(`${server.url}/__down${query}`);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('bytes');
  });

  it('counts uploaded bytes', async () => {
    const body = new Uint8Array(3 * 1024 * 1024 + 7);

    const response = await fetch(`${server.url}/__up`, { method: 'POST', body });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ bytes: body.byteLength });
  });
});

describe('database file', () => {
  it('keeps devices and events across restarts', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'asn-central-'));
    try {
      const dbPath = join(folder, 'central.sqlite3');
      const first = await startCentralServer({ port: 0, dbPath });
      const enrolled = enrollResponseSchema.parse(
        await (await fetch(`${first.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) })).json(),
      );
      const send = (url: string) =>
        fetch(`${url}/v1/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${enrolled.token}` },
          body: JSON.stringify({ events: [checkIn('kept-1', 1)] }),
        });
      expect((await send(first.url)).status).toBe(200);
      await first.close();

      const second = await startCentralServer({ port: 0, dbPath });
      const again = eventBatchResponseSchema.parse(await (await send(second.url)).json());
      await second.close();

      expect(again.results.map((result) => result.status)).toEqual(['duplicate']);
      expect(readFileSync(dbPath).includes(enrolled.token)).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('runCentralCli', () => {
  it('serves until stopped with its codes', async () => {
    const lines: string[] = [];
    let enrollStatuses: number[] = [];
    const exitCode = await runCentralCli(['--port', '0', '--enrollment-code', 'ALPHA', '--enrollment-code', 'BETA'], {
      stdout: (line) => lines.push(line),
      stderr: (line) => lines.push(`stderr: ${line}`),
      untilStopped: async () => {
        const url = /ready at (http:\/\/\S+) /.exec(lines.join('\n'))?.[1] ?? '';
        const enrollWith = async (code: string) =>
          (await fetch(`${url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code }) })).status;
        enrollStatuses = [await enrollWith('BETA'), await enrollWith('DEMO')];
      },
    });

    expect(exitCode).toBe(0);
    expect(enrollStatuses).toEqual([201, 403]);
    expect(lines.some((line) => line.includes('Central server stopped'))).toBe(true);
  });

  it.each([
    [['--port', 'eighty'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be a whole number'],
    [['--enrollment-code', ' '], '--enrollment-code must not be empty'],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('rejects %j with exit code 2', async (argv, expected) => {
    const errors: string[] = [];

    const exitCode = await runCentralCli(argv, { stdout: () => {}, stderr: (line) => errors.push(line) });

    expect(exitCode).toBe(2);
    expect(errors.join('\n')).toContain(expected);
    expect(errors.join('\n')).toContain('Usage: central');
  });
});
