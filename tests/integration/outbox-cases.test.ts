// Cases C11, C13, C14 and C24 of the outbox, and the delivery rules behind them: backoff with full
// jitter, Retry-After, batch splitting, compression, coalesced flush requests, per-stream order at the
// server and urgent requests. Real database, real reference server on 127.0.0.1.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFaultSpec } from '../../central/faults';
import { runCentralCli } from '../../central/main';
import { startCentralServer, type CentralServer } from '../../central/server';
import { CentralClient, encodeBody } from '../../electron/core/central/client';
import { EnrollmentService } from '../../electron/core/central/enrollment';
import { createLogger, silentSink } from '../../electron/core/logger';
import { Outbox, type OutboxEvent } from '../../electron/core/outbox/outbox';
import { backoffDelay, OutboxSender, retryDelay, type OutboxSenderOptions } from '../../electron/core/outbox/sender';
import type { FlushResult } from '../../shared/domain';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { openDatabase, type Database } from '../../electron/core/storage/database';
import {
  adminEventsResponseSchema,
  enrollResponseSchema,
  eventBatchResponseSchema,
  urgentRequestsResponseSchema,
} from '../../shared/central-api';
import { startCentralProxy, type CentralProxy } from '../harness/central-proxy';

const execFileAsync = promisify(execFile);
const logger = createLogger(silentSink);
const START = Date.parse('2026-03-02T01:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

let dataDir: string;
let db: Database;
let central: CentralServer;
let proxies: CentralProxy[];
let clock: number;
const now = () => clock;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-outbox-cases-'));
  db = openDatabase(dataDir);
  central = await startCentralServer({ port: 0 });
  proxies = [];
  clock = START;
});

afterEach(async () => {
  if (db.open) db.close();
  for (const proxy of proxies) await proxy.close();
  await central.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function stack(url: string, sender: Partial<OutboxSenderOptions> = {}, timeoutMs = 2000) {
  const outbox = new Outbox(db, now);
  const enrollment = new EnrollmentService({
    db,
    secrets: new MemorySecretStore(),
    now,
    createClient: (baseUrl, token) => new CentralClient({ baseUrl, token, timeoutMs }),
    logger,
  });
  await enrollment.enroll(url, 'DEMO');
  return { outbox, enrollment, sender: new OutboxSender({ outbox, client: () => enrollment.client(), now, logger, ...sender }) };
}

function queueCheckIns(outbox: Outbox, count: number, stream = 'attendance'): OutboxEvent[] {
  return Array.from({ length: count }, (_, index) =>
    outbox.enqueue({
      stream,
      type: 'attendance.check_in',
      occurredAt: START + index,
      payload: { sessionId: `session-${index + 1}`, mode: 'wfh', startedAt: START + index, endedAt: null },
    }),
  );
}

async function serverEvents() {
  return adminEventsResponseSchema.parse(await (await fetch(`${central.url}/admin/events`)).json()).events;
}

function rows(): { id: string; state: string; attempts: number; payload_json: string; server_id: string | null; last_error: string | null }[] {
  return db.prepare('SELECT id, state, attempts, payload_json, server_id, last_error FROM outbox_events ORDER BY stream, seq').all() as ReturnType<typeof rows>;
}

/** Flushes, moving the clock past every wait, until nothing is queued; returns the number of flushes. */
async function drain(outbox: Outbox, sender: OutboxSender, limit = 100): Promise<number> {
  let flushes = 0;
  while (outbox.counts().queued > 0) {
    if (++flushes > limit) throw new Error(`Still ${outbox.counts().queued} queued after ${limit} flushes.`);
    await sender.flush();
    const next = outbox.nextAttemptAt();
    if (next !== null && next > clock) clock = next;
  }
  return flushes;
}

describe('C11: reply lost after the server stored the check-in', () => {
  it('keeps one check-in at the server and stores its server id locally', async () => {
    const { outbox, sender } = await stack(central.url);
    const [checkIn] = queueCheckIns(outbox, 1);
    central.faults.script('drop_after_commit');

    const first = await sender.flush();
    expect(first.failed).toBe(1);
    expect(rows()[0]?.state).toBe('queued');

    clock += DAY_MS;
    const second = await sender.flush();
    expect(second.duplicates).toBe(1);

    const stored = await serverEvents();
    expect(stored.map((event) => event.id)).toEqual([checkIn!.id]);
    expect(rows()[0]).toMatchObject({ state: 'sent', server_id: stored[0]!.serverId });
  });
});

describe('C13: 500, timeout and refused connection', () => {
  it('keeps all three queued, byte-identical, with their attempts raised, also across a restart', async () => {
    const { outbox, sender } = await stack(central.url, {}, 300);
    queueCheckIns(outbox, 3);
    const before = rows();

    central.faults.configure({ rate: 0, kinds: ['timeout'], hangMs: 1000 });
    central.faults.script('error500', 'timeout');
    const results = [await sender.flush()];
    clock += DAY_MS;
    results.push(await sender.flush());
    clock += DAY_MS;
    await central.close();
    results.push(await sender.flush());

    expect(results.map((result) => result.stoppedBecause?.en)).toEqual([
      expect.stringContaining('HTTP error 500'),
      expect.stringContaining('did not respond in time'),
      expect.stringContaining('could not be reached'),
    ]);
    const after = rows();
    expect(after.map((row) => [row.state, row.attempts])).toEqual([
      ['queued', 3],
      ['queued', 3],
      ['queued', 3],
    ]);
    expect(after.map((row) => row.payload_json)).toEqual(before.map((row) => row.payload_json));

    // A process killed while the batch was in flight: the next start finds the items again.
    clock += DAY_MS;
    outbox.lease(10, clock, clock + 60_000);
    db.close();
    db = openDatabase(dataDir);
    const reopened = new Outbox(db, now);
    expect(reopened.counts()).toMatchObject({ inFlight: 3, sent: 0, dead: 0 });
    expect(reopened.releaseExpiredLeases(clock + 60_000)).toBe(3);
    expect(rows().map((row) => [row.state, row.payload_json])).toEqual(before.map((row) => ['queued', row.payload_json]));
    central = await startCentralServer({ port: 0 });
  });
});

describe('after a network outage', () => {
  it('sends the backlog in full batches again', async () => {
    const { outbox, sender } = await stack(central.url, { batchSize: 10 }, 200);
    queueCheckIns(outbox, 10);
    central.faults.configure({ rate: 0, kinds: ['timeout'], hangMs: 1000 });
    central.faults.script('timeout', 'timeout', 'timeout');

    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await sender.flush()).failed).toBe(10);
      clock += DAY_MS;
    }
    const requestsBefore = central.faults.requests;
    const result = await sender.flush();

    expect(result.accepted).toBe(10);
    expect(central.faults.requests - requestsBefore).toBe(1);
  });
});

describe('C14: an item the server always fails on, 401 and a refused batch', () => {
  it('dead-letters item 3 after the configured attempts and delivers items 1, 2 and 4 to 10', async () => {
    let itemThree = '';
    const proxy = await startCentralProxy(central.url, (batch) =>
      batch.events.some((event) => event.id === itemThree) ? { status: 500, body: { error: 'test', message: 'Item 3 breaks the server.' } } : null,
    );
    proxies.push(proxy);
    const { outbox, sender } = await stack(proxy.url, { batchSize: 10, maxAttempts: 5 });
    const items = queueCheckIns(outbox, 10);
    itemThree = items[2]!.id;

    await drain(outbox, sender);

    const dead = outbox.list({ states: ['dead'] });
    expect(dead.map((event) => event.id)).toEqual([itemThree]);
    expect(dead[0]?.lastError).toContain('Gave up after 5 failed attempts');
    expect(dead[0]?.lastError).toContain('Item 3 breaks the server.');
    const stored = await serverEvents();
    expect(stored.map((event) => event.id)).toEqual(items.filter((_, index) => index !== 2).map((event) => event.id));

    // Once the server is fixed, the user sends item 3 again: it goes at the end of its stream.
    const failingId = itemThree;
    itemThree = '';
    expect(outbox.retryDead([failingId, items[0]!.id])).toBe(1);
    expect(outbox.get(failingId)).toMatchObject({ state: 'queued', seq: 11, attempts: 0 });
    await drain(outbox, sender);
    const after = await serverEvents();
    expect(after.map((event) => event.id)).toEqual([...stored.map((event) => event.id), failingId]);
    expect(after.at(-1)?.seq).toBe(11);
    expect(outbox.counts()).toMatchObject({ sent: 10, dead: 0 });
  });

  it('splits a batch refused with 400 until the bad record stands alone', async () => {
    let bad = '';
    const proxy = await startCentralProxy(central.url, (batch) =>
      batch.events.some((event) => event.id === bad) ? { status: 400, body: { error: 'invalid_request', message: 'Record 6 is malformed.' } } : null,
    );
    proxies.push(proxy);
    const { outbox, sender } = await stack(proxy.url, { batchSize: 10 });
    const items = queueCheckIns(outbox, 10);
    bad = items[5]!.id;

    const result = await sender.flush();

    expect(result).toMatchObject({ accepted: 9, rejected: 1, failed: 0, stoppedBecause: null });
    expect(outbox.get(bad)).toMatchObject({ state: 'dead', lastError: expect.stringContaining('Record 6 is malformed.') });
    expect((await serverEvents()).map((event) => event.id)).toEqual(items.filter((_, index) => index !== 5).map((event) => event.id));
    // 1–10, 1–5, 6–10, 6–8, 6–7, 6, 7, 8, 9–10: about two per halving, not one per item.
    expect(proxy.batches.map((batch) => batch.events.length)).toEqual([10, 5, 5, 3, 2, 1, 1, 1, 2]);
  });
});

describe('backoff and Retry-After', () => {
  it('draws the delay from the whole doubling window, capped', () => {
    const backoff = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(0, backoff, () => 0.999)).toBe(999);
    expect(backoffDelay(3, backoff, () => 0.5)).toBe(4000);
    expect(backoffDelay(20, backoff, () => 0.999)).toBe(59_940);
    expect(backoffDelay(5, backoff, () => 0)).toBe(0);
  });

  it('waits at least as long as Retry-After, up to the cap', () => {
    const options = { backoff: { baseMs: 1000, capMs: 60_000 }, maxRetryAfterMs: 10 * 60_000, random: () => 0.5 };
    expect(retryDelay(0, 30_000, options)).toBe(30_000);
    expect(retryDelay(6, 1_000, options)).toBe(30_000);
    expect(retryDelay(0, 5 * 60 * 60_000, options)).toBe(10 * 60_000);
  });

  it('honours Retry-After as seconds and as an HTTP date', async () => {
    central.faults.configure({ rate: 0, kinds: ['status429'], retryAfterSeconds: 120 });
    central.faults.script('status429', 'status429');
    const { outbox, sender } = await stack(central.url, { random: () => 0 });
    const [item] = queueCheckIns(outbox, 1);

    await sender.flush();
    expect(outbox.get(item!.id)?.nextAttemptAt).toBe(clock + 120_000);

    clock += 120_000;
    await sender.flush();
    // The date form has whole seconds, so the wait is within a second or two of 120 s plus the rounding.
    const wait = outbox.get(item!.id)!.nextAttemptAt! - clock;
    expect(wait).toBeGreaterThanOrEqual(119_000);
    expect(wait).toBeLessThanOrEqual(123_000);

    clock += wait;
    expect((await sender.flush()).accepted).toBe(1);
  });
});

describe('batch size and compression', () => {
  it('keeps each batch under the byte limit', async () => {
    const proxy = await startCentralProxy(central.url, () => null);
    proxies.push(proxy);
    const { outbox, sender } = await stack(proxy.url, { batchSize: 100, maxBatchBytes: 2048 });
    queueCheckIns(outbox, 30);

    expect((await sender.flush()).accepted).toBe(30);
    expect(proxy.batches.length).toBeGreaterThan(3);
    for (const batch of proxy.batches) expect(JSON.stringify(batch).length).toBeLessThanOrEqual(2048);
  });

  it('compresses a large batch only when that pays, and the server takes it', async () => {
    expect(encodeBody('{"events":[]}', 1024).headers['Content-Encoding']).toBeUndefined();
    const large = JSON.stringify({ note: randomBytes(4000).toString('base64') });
    const encoded = encodeBody(large, 1024);
    expect(encoded.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(encoded.body as Uint8Array).toString()).toBe(large);

    const { outbox, sender } = await stack(central.url);
    queueCheckIns(outbox, 50);
    const [sample] = outbox.list({ limit: 1 });
    const json = JSON.stringify({ events: [sample] });
    expect(encodeBody(json.repeat(20), 1024).headers['Content-Encoding']).toBe('gzip');
    expect((await sender.flush()).accepted).toBe(50);
  });

  it('answers a body that is not gzip with 400 and an unknown encoding with 415', async () => {
    const { token } = enrollResponseSchema.parse(
      await (await fetch(`${central.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) })).json(),
    );
    const post = (body: Uint8Array, encoding: string) =>
      fetch(`${central.url}/v1/events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Encoding': encoding, 'Content-Type': 'application/json' },
        body,
      });

    const notGzip = await post(new TextEncoder().encode('{"events": []}'), 'gzip');
    expect(notGzip.status).toBe(400);
    expect(((await notGzip.json()) as { message: string }).message).toContain('not valid gzip');
    expect((await post(new Uint8Array(gzipSync('{}')), 'br')).status).toBe(415);
  });
});

describe('flush requests', () => {
  it('runs one follow-up flush for every request made during a flush', async () => {
    const holder: { outbox?: Outbox; sender?: OutboxSender; followUps: Promise<FlushResult>[] } = { followUps: [] };
    // While the first batch is at the server, a new event arrives and three triggers fire.
    const proxy = await startCentralProxy(central.url, () => {
      if (holder.followUps.length === 0) {
        queueCheckIns(holder.outbox!, 1, 'compliance');
        holder.followUps = [holder.sender!.requestFlush('new_event'), holder.sender!.requestFlush('online'), holder.sender!.requestFlush('timer')];
      }
      return null;
    });
    proxies.push(proxy);
    const { outbox, sender } = await stack(proxy.url);
    Object.assign(holder, { outbox, sender });
    queueCheckIns(outbox, 2);

    const first = await sender.requestFlush('user');
    const [a, b, c] = holder.followUps;

    expect(a).toBe(b);
    expect(b).toBe(c);
    // The running flush picks the new event up in its next lease; the shared follow-up finds nothing left.
    expect(first.accepted).toBe(3);
    expect((await a!).attempted).toBe(0);
    expect(proxy.batches.map((batch) => batch.events.length)).toEqual([2, 1]);
    expect(outbox.counts().queued).toBe(0);
  });
});

describe('reference server', () => {
  async function enrollDevice(): Promise<string> {
    const response = await fetch(`${central.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) });
    return enrollResponseSchema.parse(await response.json()).token;
  }

  it('rejects an event whose seq is not above the stream\'s last, and allows gaps', async () => {
    const token = await enrollDevice();
    const event = (id: string, seq: number) => ({
      id,
      stream: 'attendance',
      seq,
      type: 'attendance.check_in',
      occurredAt: START,
      payload: { sessionId: id, mode: 'wfh', startedAt: START, endedAt: null },
    });
    const response = await fetch(`${central.url}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: [event('a', 1), event('b', 3), event('c', 2), event('a', 1)] }),
    });
    const { results } = eventBatchResponseSchema.parse(await response.json());

    expect(results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'rejected', 'duplicate']);
    expect(results[2]).toMatchObject({ reason: expect.stringContaining('Out of order: stream "attendance" of this device already holds seq 3') });
  });

  it('stores urgent requests posted on loopback and lists them to the device', async () => {
    const token = await enrollDevice();
    // The server runs on the real clock and rejects a deadline that has already passed.
    const dueAt = Date.now() + 3_600_000;
    const posted = await fetch(`${central.url}/admin/requests`, {
      method: 'POST',
      body: JSON.stringify({ level: 'urgent', sender: 'Kepala Bidang', subject: 'Laporan harian', body: 'Kirim laporan sebelum 15:00.', dueAt }),
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };

    const auth = { Authorization: `Bearer ${token}` };
    const listed = urgentRequestsResponseSchema.parse(await (await fetch(`${central.url}/v1/requests`, { headers: auth })).json());
    expect(listed.requests).toEqual([expect.objectContaining({ id, subject: 'Laporan harian', dueAt })]);

    const client = new CentralClient({ baseUrl: central.url, token });
    const fetched = await client.fetchUrgentRequests(null);
    expect(fetched.status === 'updated' ? fetched.requests.map((request) => request.id) : fetched.status).toEqual([id]);

    const retired = await fetch(`${central.url}/v1/requests/ack`, { method: 'POST', headers: auth, body: JSON.stringify({ ids: [id] }) });
    expect(retired.status).toBe(410);
    const missingLevel = await fetch(`${central.url}/admin/requests`, { method: 'POST', body: JSON.stringify({ sender: 'x', subject: 'x', body: 'x' }) });
    expect(((await missingLevel.json()) as { message: string }).message).toContain('level');
  });
});

describe('fault injection from the command line', () => {
  it('starts with a valid --faults spec and refuses an invalid one with the reason', async () => {
    const lines: string[] = [];
    const io = { stdout: (line: string) => lines.push(line), stderr: (line: string) => lines.push(line), untilStopped: async () => {} };

    expect(await runCentralCli(['--port', '0', '--faults', 'rate=0.3,kinds=error500+status429,retry-after=2'], io)).toBe(0);
    expect(lines).toContain('Injecting faults into 30% of event requests: error500, status429.');

    lines.length = 0;
    expect(await runCentralCli(['--faults', 'rate=2,kinds=boom'], io)).toBe(2);
    expect(lines.join('\n')).toMatch(/--faults "rate=2,kinds=boom" is invalid: rate: .*kinds\.0: /s);
    expect(() => parseFaultSpec('rate')).toThrow('"rate" is not key=value');
  });
});

describe('policy fetch with ETag', () => {
  it('sends the policy once, then 304 while it is unchanged', async () => {
    const policyServer = await startCentralServer({ port: 0, policy: { id: 'wfh-asn-2026', version: '2', profile: { weeklyCapMinutes: 2250 } } });
    try {
      const { token } = enrollResponseSchema.parse(
        await (await fetch(`${policyServer.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) })).json(),
      );
      const client = new CentralClient({ baseUrl: policyServer.url, token });

      const first = await client.fetchPolicy(null);
      expect(first).toMatchObject({ status: 'updated', document: { id: 'wfh-asn-2026', version: '2' } });
      const etag = first.status === 'updated' ? first.etag : null;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(await client.fetchPolicy(etag)).toEqual({ status: 'unchanged' });
      expect(await client.fetchPolicy('"stale"')).toMatchObject({ status: 'updated' });

      const withoutPolicy = new CentralClient({ baseUrl: central.url, token: await enrollAt(central.url) });
      expect(await withoutPolicy.fetchPolicy(null)).toEqual({ status: 'none' });
    } finally {
      await policyServer.close();
    }
  });
});

async function enrollAt(url: string): Promise<string> {
  const response = await fetch(`${url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) });
  return enrollResponseSchema.parse(await response.json()).token;
}

describe('C24: two connections writing the outbox', () => {
  it('runs 1,000 read-then-write transactions each without SQLITE_BUSY', async () => {
    const writer = join(import.meta.dirname, '..', 'harness', 'outbox-writer.ts');
    const run = (label: string) => execFileAsync(process.execPath, ['--import', 'tsx', writer, dataDir, '1000', label]);

    const outputs = await Promise.all([run('one'), run('two')]);

    expect(outputs.map((output) => output.stdout.trim())).toEqual(['ok', 'ok']);
    const seqs = (db.prepare(`SELECT seq FROM outbox_events WHERE stream = 'attendance' ORDER BY seq`).pluck().all() as number[]);
    expect(seqs).toEqual(Array.from({ length: 2000 }, (_, index) => index + 1));
  });
});
