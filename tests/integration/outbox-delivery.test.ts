// The path from a queued event to the central server: a real database in a temporary data folder,
// the Outbox, the OutboxSender and the CentralClient against the reference server on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { CentralClient } from '../../electron/core/central/client';
import { deviceTokenAccount, EnrollmentService } from '../../electron/core/central/enrollment';
import { CompanionError } from '../../electron/core/errors';
import { createLogger, silentSink } from '../../electron/core/logger';
import { Outbox, type OutboxEvent } from '../../electron/core/outbox/outbox';
import { NOT_ENROLLED, OutboxSender, SIGN_IN_AGAIN, type OutboxSenderOptions } from '../../electron/core/outbox/sender';
import { MemorySecretStore, type SecretStore } from '../../electron/core/secrets/secret-store';
import { openDatabase, writeTransaction, type Database } from '../../electron/core/storage/database';
import { adminEventsResponseSchema } from '../../shared/central-api';

const logger = createLogger(silentSink);
const START = Date.parse('2026-03-02T01:00:00Z'); // Monday 08:00 WIB

let dataDir: string;
let db: Database;
let central: CentralServer;
let clock: number;
let extraServers: Server[];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-outbox-'));
  db = openDatabase(dataDir);
  central = await startCentralServer({ port: 0 });
  clock = START;
  extraServers = [];
});

afterEach(async () => {
  if (db.open) db.close();
  await central.close();
  for (const server of extraServers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

const now = () => clock;

/** Longer than any backoff or Retry-After the sender may choose with its defaults. */
const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

interface Stack {
  outbox: Outbox;
  secrets: SecretStore;
  enrollment: EnrollmentService;
  sender: OutboxSender;
}

/** Builds the delivery path the way the composition root does. */
function openStack(options: { secrets?: SecretStore; sender?: Partial<OutboxSenderOptions> } = {}): Stack {
  const outbox = new Outbox(db, now);
  const secrets = options.secrets ?? new MemorySecretStore();
  const enrollment = new EnrollmentService({
    db,
    secrets,
    now,
    createClient: (baseUrl, token) => new CentralClient({ baseUrl, token, timeoutMs: 2000 }),
    logger,
  });
  const sender = new OutboxSender({ outbox, client: () => enrollment.client(), now, logger, ...options.sender });
  return { outbox, secrets, enrollment, sender };
}

function queueCheckIn(outbox: Outbox, sessionId: string, at: number): OutboxEvent {
  return outbox.enqueue({
    stream: 'attendance',
    type: 'attendance.check_in',
    occurredAt: at,
    payload: { sessionId, mode: 'wfh', startedAt: at, endedAt: null },
  });
}

function queueCheckOut(outbox: Outbox, sessionId: string, startedAt: number, at: number): OutboxEvent {
  return outbox.enqueue({
    stream: 'attendance',
    type: 'attendance.check_out',
    occurredAt: at,
    payload: { sessionId, mode: 'wfh', startedAt, endedAt: at },
  });
}

function queueSnapshot(outbox: Outbox, id: string, at: number): OutboxEvent {
  return outbox.enqueue({
    stream: 'compliance',
    type: 'compliance.snapshot',
    occurredAt: at,
    payload: { id, createdAt: at, policyId: 'wfh-asn-2026-article', policyVersion: '1', overall: 'unknown', checks: [] },
  });
}

async function serverEvents() {
  const response = await fetch(`${central.url}/admin/events`);
  return adminEventsResponseSchema.parse(await response.json()).events;
}

function rawRows(): { id: string; state: string; attempts: number; payload_json: string; last_error: string | null }[] {
  return db.prepare('SELECT id, state, attempts, payload_json, last_error FROM outbox_events ORDER BY stream, seq').all() as ReturnType<
    typeof rawRows
  >;
}

/** Starts a loopback server that responds to every request with `status`, or never responds when status is null. */
async function startFaultyServer(status: number | null): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    if (status === null) return;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: 'test', message: `Test server responds ${status}.` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  extraServers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('outbox delivery', () => {
  it('delivers a check-in and check-out once', async () => {
    const { outbox, enrollment, sender } = openStack();
    await enrollment.enroll(central.url, 'DEMO');
    const checkIn = queueCheckIn(outbox, 'session-1', START);
    clock += 60_000;
    const checkOut = queueCheckOut(outbox, 'session-1', START, clock);

    const result = await sender.flush();

    expect(result).toEqual({ attempted: 2, accepted: 2, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: null });
    const received = await serverEvents();
    expect(received.map((event) => event.id)).toEqual([checkIn.id, checkOut.id]);
    expect(received.map((event) => event.type)).toEqual(['attendance.check_in', 'attendance.check_out']);
    expect(received.map((event) => event.seq)).toEqual([1, 2]);
    expect(received[1]?.payload).toEqual(checkOut.payload);

    const local = outbox.list();
    expect(local.map((event) => event.state)).toEqual(['sent', 'sent']);
    expect(local.map((event) => event.serverId)).toEqual(received.map((event) => event.serverId));
    expect(local.every((event) => event.sentAt === clock)).toBe(true);
    expect(outbox.counts()).toEqual({ queued: 0, inFlight: 0, sent: 2, dead: 0 });
  });

  it('sends nothing on a second flush', async () => {
    const { outbox, enrollment, sender } = openStack();
    await enrollment.enroll(central.url, 'DEMO');
    queueCheckIn(outbox, 'session-1', START);
    queueCheckOut(outbox, 'session-1', START, START + 60_000);
    await sender.flush();

    const again = await sender.flush();

    expect(again).toEqual({ attempted: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: null });
    expect(await serverEvents()).toHaveLength(2);
  });

  it('shares one run between concurrent flushes', async () => {
    const { outbox, enrollment, sender } = openStack();
    await enrollment.enroll(central.url, 'DEMO');
    queueCheckIn(outbox, 'session-1', START);
    queueCheckOut(outbox, 'session-1', START, START + 60_000);

    const first = sender.flush();
    const second = sender.flush();
    const results = await Promise.all([first, second]);

    expect(second).toBe(first);
    expect(results[0].accepted).toBe(2);
    expect(await serverEvents()).toHaveLength(2);
    expect(sender.flush()).not.toBe(first);
  });

  it('sends every item over several batches in stream order', async () => {
    const { outbox, enrollment, sender } = openStack({ sender: { batchSize: 2 } });
    await enrollment.enroll(central.url, 'DEMO');
    const queued = [
      queueCheckIn(outbox, 'session-1', START),
      queueSnapshot(outbox, 'snapshot-1', START + 1000),
      queueCheckOut(outbox, 'session-1', START, START + 2000),
      queueCheckIn(outbox, 'session-2', START + 3000),
      queueSnapshot(outbox, 'snapshot-2', START + 4000),
    ];

    const result = await sender.flush();

    expect(result.accepted).toBe(5);
    const received = await serverEvents();
    expect(new Set(received.map((event) => event.id))).toEqual(new Set(queued.map((event) => event.id)));
    for (const stream of ['attendance', 'compliance']) {
      const seqs = received.filter((event) => event.stream === stream).map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
  });

  it('holds a stream behind an item that waits', async () => {
    const { outbox, enrollment, sender } = openStack();
    await enrollment.enroll(central.url, 'DEMO');
    const checkIn = queueCheckIn(outbox, 'session-1', START);
    const checkOut = queueCheckOut(outbox, 'session-1', START, START + 60_000);
    const snapshot = queueSnapshot(outbox, 'snapshot-1', START);
    // The check-in waits for a later attempt, as a backoff would leave it.
    db.prepare('UPDATE outbox_events SET next_attempt_at = ? WHERE id = ?').run(START + 60_000, checkIn.id);

    const early = await sender.flush();

    expect(early.accepted).toBe(1);
    expect((await serverEvents()).map((event) => event.id)).toEqual([snapshot.id]);
    expect(outbox.get(checkOut.id)?.state).toBe('queued');

    clock = START + 60_000;
    const later = await sender.flush();

    expect(later.accepted).toBe(2);
    expect((await serverEvents()).map((event) => event.id)).toEqual([snapshot.id, checkIn.id, checkOut.id]);
  });

  it('C12: dead-letters a rejected item and delivers the other nine', async () => {
    const { outbox, enrollment, sender } = openStack();
    await enrollment.enroll(central.url, 'DEMO');
    const items: OutboxEvent[] = [];
    for (let index = 1; index <= 10; index += 1) {
      const at = START + index * 1000;
      const mode = index === 4 ? 'beach' : 'wfh';
      items.push(
        outbox.enqueue({
          stream: 'attendance',
          type: 'attendance.check_in',
          occurredAt: at,
          payload: { sessionId: `session-${index}`, mode, startedAt: at, endedAt: null },
        }),
      );
    }

    const runs = [await sender.flush(), await sender.flush(), await sender.flush()];

    expect(runs.map((run) => [run.accepted, run.rejected])).toEqual([
      [9, 1],
      [0, 0],
      [0, 0],
    ]);
    const received = await serverEvents();
    expect(received.map((event) => event.id)).toEqual(items.filter((_item, index) => index !== 3).map((item) => item.id));
    const dead = outbox.list({ states: ['dead'] });
    expect(dead.map((event) => event.id)).toEqual([items[3]?.id]);
    expect(dead[0]?.lastError).toContain('Rejected by the central system');
    expect(dead[0]?.lastError).toContain('payload.mode');
  });

  it('keeps items queued while the server is down', async () => {
    const { outbox, enrollment, sender } = openStack();
    await enrollment.enroll(central.url, 'DEMO');
    queueCheckIn(outbox, 'session-1', START);
    queueCheckOut(outbox, 'session-1', START, START + 60_000);
    queueSnapshot(outbox, 'snapshot-1', START + 60_000);
    const before = rawRows();
    await central.close();

    const first = await sender.flush();
    clock += RETRY_WINDOW_MS; // past the backoff of the first failure
    const second = await sender.flush();

    expect(first.failed).toBe(3);
    expect(first.accepted).toBe(0);
    expect(first.stoppedBecause?.id).toContain('tidak dapat dihubungi');
    expect(first.stoppedBecause?.en).toContain('could not be reached');
    expect(second.failed).toBe(3);
    const after = rawRows();
    expect(after.map((row) => row.state)).toEqual(['queued', 'queued', 'queued']);
    expect(after.map((row) => row.attempts)).toEqual([2, 2, 2]);
    expect(after.map((row) => row.payload_json)).toEqual(before.map((row) => row.payload_json));
    expect(after[0]?.last_error).toContain('ECONNREFUSED');
  });

  it('keeps items queued after a timeout, never dead', async () => {
    const hangingUrl = await startFaultyServer(null);
    const { outbox } = openStack();
    const sender = new OutboxSender({
      outbox,
      client: async () => new CentralClient({ baseUrl: hangingUrl, token: 'token', timeoutMs: 200 }),
      now,
      logger,
      maxAttempts: 1,
    });
    queueCheckIn(outbox, 'session-1', START);
    const before = rawRows();

    const first = await sender.flush();
    clock += RETRY_WINDOW_MS; // past the backoff of the first failure
    const second = await sender.flush();

    expect(first.stoppedBecause?.en).toContain('did not respond in time');
    expect(second.failed).toBe(1);
    const after = rawRows();
    expect(after.map((row) => [row.state, row.attempts])).toEqual([['queued', 2]]);
    expect(after[0]?.payload_json).toBe(before[0]?.payload_json);
  });

  it('dead-letters an item after the last failed attempt', async () => {
    const failingUrl = await startFaultyServer(500);
    const { outbox } = openStack();
    const sender = new OutboxSender({
      outbox,
      client: async () => new CentralClient({ baseUrl: failingUrl, token: 'token' }),
      now,
      logger,
      maxAttempts: 2,
    });
    queueCheckIn(outbox, 'session-1', START);
    const before = rawRows();

    const first = await sender.flush();
    const afterFirst = rawRows();
    clock += RETRY_WINDOW_MS; // past the backoff of the first failure
    const second = await sender.flush();
    const afterSecond = rawRows();

    expect(first.stoppedBecause?.en).toContain('HTTP error 500');
    expect(afterFirst.map((row) => [row.state, row.attempts])).toEqual([['queued', 1]]);
    expect(afterFirst[0]?.payload_json).toBe(before[0]?.payload_json);
    expect(second.failed).toBe(1);
    expect(afterSecond.map((row) => [row.state, row.attempts])).toEqual([['dead', 2]]);
    expect(afterSecond[0]?.last_error).toContain('Gave up after 2 failed attempts');
    expect(afterSecond[0]?.last_error).toContain('Test server responds 500.');
  });

  it('resends a lease left by a crash without duplicates', async () => {
    const secrets = new MemorySecretStore();
    const before = openStack({ secrets });
    await before.enrollment.enroll(central.url, 'DEMO');
    const checkIn = queueCheckIn(before.outbox, 'session-1', START);
    const checkOut = queueCheckOut(before.outbox, 'session-1', START, START + 60_000);

    // The process leases the batch and the server stores it, but the process dies before the reply
    // is recorded.
    const leased = before.outbox.lease(10, clock, clock + 120_000);
    const client = await before.enrollment.client();
    const lostReply = await client!.postEvents(
      leased.map(({ id, stream, seq, type, occurredAt, payload }) => ({ id, stream, seq, type, occurredAt, payload })),
    );
    db.close();

    db = openDatabase(dataDir);
    const after = openStack({ secrets });
    expect(after.outbox.counts().inFlight).toBe(2);

    clock += 10_000;
    const withinLease = await after.sender.flush();
    expect(withinLease.attempted).toBe(0);

    clock += 120_000;
    const result = await after.sender.flush();

    expect(result).toMatchObject({ attempted: 2, accepted: 0, duplicates: 2, failed: 0 });
    const received = await serverEvents();
    expect(received.map((event) => event.id)).toEqual([checkIn.id, checkOut.id]);
    const serverIds = lostReply.results.map((entry) => ('serverId' in entry ? entry.serverId : null));
    expect(after.outbox.list().map((event) => event.serverId)).toEqual(serverIds);
    expect(after.outbox.counts()).toEqual({ queued: 0, inFlight: 0, sent: 2, dead: 0 });
  });

  it('reports a device that is not enrolled', async () => {
    const { outbox, sender } = openStack();
    queueCheckIn(outbox, 'session-1', START);

    const result = await sender.flush();

    expect(result).toEqual({ attempted: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: NOT_ENROLLED });
    expect(result.stoppedBecause?.id).toContain('Perangkat belum terdaftar');
    expect(result.stoppedBecause?.en).toContain('This device is not enrolled');
    expect(rawRows().map((row) => [row.state, row.attempts])).toEqual([['queued', 0]]);
    expect(await serverEvents()).toEqual([]);
  });

  it('C14: pauses on 401 and resumes after enrolling again', async () => {
    const { outbox, secrets, enrollment, sender } = openStack();
    const enrolled = await enrollment.enroll(central.url, 'DEMO');
    await secrets.set(deviceTokenAccount(enrolled.deviceId), 'a-token-the-server-never-issued');
    queueCheckIn(outbox, 'session-1', START);
    queueCheckOut(outbox, 'session-1', START, START + 60_000);
    const before = rawRows();

    const paused = await sender.flush();

    expect(paused.stoppedBecause).toEqual(SIGN_IN_AGAIN);
    expect(paused.failed).toBe(2);
    const kept = rawRows();
    expect(kept.map((row) => [row.state, row.attempts])).toEqual([
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(kept.map((row) => row.payload_json)).toEqual(before.map((row) => row.payload_json));

    await enrollment.enroll(central.url, 'DEMO');
    const resumed = await sender.flush();

    expect(resumed.accepted).toBe(2);
    expect(await serverEvents()).toHaveLength(2);
  });

  it('asks to enroll again when the token is gone', async () => {
    const first = openStack();
    await first.enrollment.enroll(central.url, 'DEMO');
    queueCheckIn(first.outbox, 'session-1', START);

    // A memory store after a restart: the enrollment row survived, the token did not.
    const restarted = openStack({ secrets: new MemorySecretStore() });
    const result = await restarted.sender.flush();

    expect(result.attempted).toBe(0);
    expect(result.stoppedBecause?.id).toContain('Penyimpanan aman (keychain) tidak tersedia');
    expect(result.stoppedBecause?.en).toContain('Enroll the device again');
    expect(rawRows().map((row) => row.state)).toEqual(['queued']);
  });
});

describe('outbox enqueue', () => {
  it('numbers each stream from 1', () => {
    const { outbox } = openStack();

    const events = [
      queueCheckIn(outbox, 'session-1', START),
      queueSnapshot(outbox, 'snapshot-1', START),
      queueCheckOut(outbox, 'session-1', START, START + 1000),
    ];

    expect(events.map((event) => [event.stream, event.seq])).toEqual([
      ['attendance', 1],
      ['compliance', 1],
      ['attendance', 2],
    ]);
    expect(events.map((event) => event.id)).toEqual(outbox.list().map((event) => event.id));
    expect(events[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('commits and rolls back with the caller', () => {
    const { outbox } = openStack();

    writeTransaction(db, () => {
      queueCheckIn(outbox, 'session-1', START);
    });
    expect(() =>
      writeTransaction(db, () => {
        queueCheckOut(outbox, 'session-1', START, START + 1000);
        throw new Error('The caller failed after queueing.');
      }),
    ).toThrow('The caller failed after queueing.');

    expect(outbox.list().map((event) => [event.type, event.seq])).toEqual([['attendance.check_in', 1]]);
  });

  it('rejects input the wire format cannot carry', () => {
    const { outbox } = openStack();

    expect(() => outbox.enqueue({ stream: '', type: 'attendance.check_in', occurredAt: START, payload: {} })).toThrow('stream name');
    expect(() =>
      outbox.enqueue({ stream: 'attendance', type: 'attendance.lunch' as never, occurredAt: START, payload: {} }),
    ).toThrow('unknown type');
    expect(() => outbox.enqueue({ stream: 'attendance', type: 'attendance.check_in', occurredAt: 1.5, payload: {} })).toThrow(
      'occurredAt',
    );
    expect(() =>
      outbox.enqueue({ stream: 'attendance', type: 'attendance.check_in', occurredAt: START, payload: [] as never }),
    ).toThrow('JSON object');
    expect(outbox.counts().queued).toBe(0);
  });
});

describe('enrollment', () => {
  async function enrollmentError(promise: Promise<unknown>): Promise<CompanionError> {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CompanionError);
    return error as CompanionError;
  }

  it('rejects a wrong code in both languages', async () => {
    const { enrollment } = openStack();

    const error = await enrollmentError(enrollment.enroll(central.url, 'WRONG'));

    expect(error.code).toBe('enrollment_rejected');
    expect(error.text.id).toContain('Kode pendaftaran ditolak');
    expect(error.text.en).toContain('rejected the enrollment code');
    expect(enrollment.current()).toBeNull();
    expect(await enrollment.client()).toBeNull();
  });

  it('rejects an empty code before any request', async () => {
    const { enrollment } = openStack();

    const error = await enrollmentError(enrollment.enroll(central.url, '   '));

    expect(error.code).toBe('enrollment_code_missing');
    expect(error.text.id).toContain('Kode pendaftaran kosong');
  });

  it('rejects a URL that is not http(s)', async () => {
    const { enrollment } = openStack();

    const error = await enrollmentError(enrollment.enroll('ftp://127.0.0.1/central', 'DEMO'));

    expect(error.code).toBe('invalid_central_url');
    expect(error.text.id).toContain('https://');
    expect(error.text.en).toContain('scheme "ftp:" is not supported');
  });

  it('reports an unreachable central system', async () => {
    const { enrollment } = openStack();
    const url = central.url;
    await central.close();

    const error = await enrollmentError(enrollment.enroll(url, 'DEMO'));

    expect(error.code).toBe('enrollment_network');
    expect(error.text.id).toContain('tidak dapat dihubungi');
    expect(error.text.en).toContain('could not be reached');
  });

  it('stores the enrollment and the token apart', async () => {
    const { secrets, enrollment } = openStack();

    const enrolled = await enrollment.enroll(` ${central.url} `, ' DEMO ');

    expect(enrollment.current()).toEqual({ centralUrl: central.url, deviceId: enrolled.deviceId, enrolledAt: START });
    const token = await secrets.get(deviceTokenAccount(enrolled.deviceId));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = db.prepare('SELECT * FROM enrollment').get() as Record<string, unknown>;
    expect(Object.values(row)).not.toContain(token);
  });

  it('replaces the previous token on enrolling again', async () => {
    const { secrets, enrollment } = openStack();
    const first = await enrollment.enroll(central.url, 'DEMO');

    const second = await enrollment.enroll(central.url, 'DEMO');

    expect(second.deviceId).not.toBe(first.deviceId);
    expect(enrollment.current()?.deviceId).toBe(second.deviceId);
    expect(await secrets.get(deviceTokenAccount(first.deviceId))).toBeNull();
    expect(await secrets.get(deviceTokenAccount(second.deviceId))).not.toBeNull();
  });
});
