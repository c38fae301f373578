// Acceptance: 2,000 events through a reference server that fails 30 % of event requests in mixed
// ways (500, 429 with Retry-After in both forms, timeouts, reply dropped after commit, malformed
// body). At the end the server holds each event exactly once, in order per stream.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { CentralClient } from '../../electron/core/central/client';
import { EnrollmentService } from '../../electron/core/central/enrollment';
import { createLogger, silentSink } from '../../electron/core/logger';
import { Outbox } from '../../electron/core/outbox/outbox';
import { OutboxSender } from '../../electron/core/outbox/sender';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { openDatabase, type Database } from '../../electron/core/storage/database';
import { adminEventsResponseSchema } from '../../shared/central-api';
import { seededRandom } from '../harness/seeded-random';

const logger = createLogger(silentSink);
const EVENT_COUNT = 2000;
const STREAMS = ['attendance', 'compliance', 'reports', 'requests'];

let dataDir: string;
let db: Database;
let central: CentralServer;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-outbox-faults-'));
  db = openDatabase(dataDir);
  central = await startCentralServer({
    port: 0,
    faultRandom: seededRandom(20261204),
    faults: {
      rate: 0.3,
      kinds: ['error500', 'status429', 'timeout', 'drop_after_commit', 'malformed'],
      retryAfterSeconds: 2,
      // Longer than the client's timeout, so that a timeout fault is seen as one.
      hangMs: 2_000,
    },
  });
});

afterEach(async () => {
  db.close();
  await central.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('delivery through a faulty server', () => {
  it('stores 2,000 events exactly once, in order per stream, despite 30 % failed requests', async () => {
    // The sender's clock is simulated, so backoff and Retry-After cost no real time; requests and
    // timeouts are real.
    let clock = Date.parse('2026-03-02T01:00:00Z');
    const now = () => clock;
    const outbox = new Outbox(db, now);
    const enrollment = new EnrollmentService({
      db,
      secrets: new MemorySecretStore(),
      now,
      createClient: (baseUrl, token) => new CentralClient({ baseUrl, token, timeoutMs: 150 }),
      logger,
    });
    await enrollment.enroll(central.url, 'DEMO');
    const sender = new OutboxSender({
      outbox,
      client: () => enrollment.client(),
      now,
      logger,
      batchSize: 20,
      maxBatchBytes: 8 * 1024,
      random: seededRandom(7),
    });

    const waits: number[] = [];
    let flushes = 0;
    for (let queued = 0; queued < EVENT_COUNT || outbox.counts().queued > 0; flushes++) {
      // New events keep arriving between flushes, as they do while a user works.
      for (let index = 0; index < 100 && queued < EVENT_COUNT; index++, queued++) {
        const stream = STREAMS[queued % STREAMS.length]!;
        outbox.enqueue({
          stream,
          type: 'attendance.check_in',
          occurredAt: clock,
          payload: { sessionId: `s-${queued}`, mode: 'wfh', startedAt: clock, endedAt: null },
        });
      }

      await sender.requestFlush('timer');
      const next = outbox.nextAttemptAt();
      if (next !== null && next > clock) {
        waits.push(next - clock);
        clock = next;
      }
      expect(flushes).toBeLessThan(2000);
    }

    const counts = outbox.counts();
    expect(counts).toEqual({ queued: 0, inFlight: 0, sent: EVENT_COUNT, dead: 0 });

    const stored = adminEventsResponseSchema.parse(await (await fetch(`${central.url}/admin/events`)).json()).events;
    expect(stored).toHaveLength(EVENT_COUNT);
    expect(new Set(stored.map((event) => event.id)).size).toBe(EVENT_COUNT);
    for (const stream of STREAMS) {
      const seqs = stored.filter((event) => event.stream === stream).map((event) => event.seq);
      expect(seqs).toEqual(Array.from({ length: EVENT_COUNT / STREAMS.length }, (_, index) => index + 1));
    }

    // Every local row carries the server id the server holds for it.
    const serverIds = new Map(stored.map((event) => [event.id, event.serverId]));
    const local = db.prepare('SELECT id, server_id FROM outbox_events').all() as { id: string; server_id: string }[];
    expect(local.every((row) => serverIds.get(row.id) === row.server_id)).toBe(true);

    // The faults really happened, each kind several times, and Retry-After set the longest waits.
    const injected = central.faults.injected;
    const faulty = Object.values(injected).reduce((sum, count) => sum + count, 0);
    expect(faulty / central.faults.requests).toBeGreaterThan(0.2);
    for (const kind of ['error500', 'status429', 'timeout', 'drop_after_commit', 'malformed'] as const) {
      expect(injected[kind], kind).toBeGreaterThanOrEqual(3);
    }
    expect(waits.some((wait) => wait >= 2000)).toBe(true);
  }, 90_000);
});
