// Acceptance: 50 trials that kill -9 the sending process at a random moment during a flush and start
// it again; at the end the server holds every event exactly once, in order per stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { Outbox } from '../../electron/core/outbox/outbox';
import { openDatabase, type Database } from '../../electron/core/storage/database';
import { adminEventsResponseSchema, enrollResponseSchema } from '../../shared/central-api';
import { seededRandom } from '../harness/seeded-random';

const TRIALS = 50;
const EVENTS_PER_TRIAL = 8;
const STREAMS = ['attendance', 'compliance'];
const CHILD = join(import.meta.dirname, '..', 'harness', 'outbox-crash-child.ts');

let dataDir: string;
let db: Database;
let central: CentralServer;
let children: ChildProcess[];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-outbox-crash-'));
  db = openDatabase(dataDir);
  // Every event request takes a few milliseconds more, so that a kill lands inside a flush.
  central = await startCentralServer({ port: 0, faults: { rate: 1, kinds: ['latency'], latencyMs: 4 } });
  children = [];
});

afterEach(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (db.open) db.close();
  await central.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startSender(token: string): { child: ChildProcess; lines: string[]; waitFor: (line: string) => Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, central.url], {
    env: { ...process.env, ASN_TEST_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  let stderr = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiters.filter((entry) => entry.line === line)) waiter.resolve();
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const waitFor = (line: string) =>
    new Promise<void>((resolve, reject) => {
      if (lines.includes(line)) return resolve();
      waiters.push({ line, resolve });
      void exited.then(() => {
        if (!lines.includes(line)) reject(new Error(`The sending process exited before printing "${line}": ${stderr}`));
      });
    });
  return { child, lines, waitFor, exited };
}

describe('crash during delivery', () => {
  it('loses and duplicates nothing over 50 kills of the sending process', async () => {
    const enrolled = await fetch(`${central.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'DEMO' }),
    });
    const { token } = enrollResponseSchema.parse(await enrolled.json());
    const outbox = new Outbox(db, Date.now);
    const random = seededRandom(50);
    let queued = 0;
    let killedMidSend = 0;

    for (let trial = 0; trial < TRIALS; trial++) {
      for (let index = 0; index < EVENTS_PER_TRIAL; index++, queued++) {
        const at = Date.now();
        outbox.enqueue({
          stream: STREAMS[queued % STREAMS.length]!,
          type: 'attendance.check_in',
          occurredAt: at,
          payload: { sessionId: `crash-${queued}`, mode: 'wfh', startedAt: at, endedAt: null },
        });
      }

      const sender = startSender(token);
      await sender.waitFor('flush');
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)));
      sender.child.kill('SIGKILL');
      await sender.exited;
      if (outbox.counts().inFlight > 0) killedMidSend += 1;
    }

    const last = startSender(token);
    await last.waitFor('done');
    await last.exited;

    expect(outbox.counts()).toEqual({ queued: 0, inFlight: 0, sent: queued, dead: 0 });
    const stored = adminEventsResponseSchema.parse(await (await fetch(`${central.url}/admin/events`)).json()).events;
    expect(stored).toHaveLength(TRIALS * EVENTS_PER_TRIAL);
    expect(new Set(stored.map((event) => event.id)).size).toBe(stored.length);
    for (const stream of STREAMS) {
      const seqs = stored.filter((event) => event.stream === stream).map((event) => event.seq);
      expect(seqs).toEqual(Array.from({ length: queued / STREAMS.length }, (_, index) => index + 1));
    }
    const serverIds = new Map(stored.map((event) => [event.id, event.serverId]));
    const local = db.prepare('SELECT id, server_id FROM outbox_events').all() as { id: string; server_id: string }[];
    expect(local.every((row) => serverIds.get(row.id) === row.server_id)).toBe(true);

    // The kills really landed inside flushes: several left a batch in flight.
    expect(killedMidSend).toBeGreaterThanOrEqual(5);
    console.log(`crash test: ${killedMidSend} of ${TRIALS} kills left a batch in flight`);
  }, 120_000);
});
