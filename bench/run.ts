// Benchmarks of the walking skeleton. Each prints a table and, as its last line, one JSON object.
// Run with `npm run bench [NAME...]`; record results in docs/BENCHMARKS.md with the machine and command.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { startCentralServer } from '../central/server';
import { CentralClient } from '../electron/core/central/client';
import { EnrollmentService } from '../electron/core/central/enrollment';
import { runCompliance } from '../electron/core/compliance/runner';
import { createLogger, silentSink } from '../electron/core/logger';
import { Outbox } from '../electron/core/outbox/outbox';
import { OutboxSender } from '../electron/core/outbox/sender';
import { WorkCalendar } from '../electron/core/policy/calendar';
import { articleProfile } from '../electron/core/policy/profiles';
import { MemorySecretStore } from '../electron/core/secrets/secret-store';
import { openDatabase, type Database } from '../electron/core/storage/database';
import { AttendanceService } from '../electron/core/worktime/attendance';
import { addDays, zonedInstant } from '../electron/core/worktime/zoned-time';

const logger = createLogger(silentSink);

interface Row {
  metric: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
}

function report(name: string, rows: Row[]): void {
  console.log(`\n## ${name}`);
  console.table(rows.map((row) => ({ metric: row.metric, value: Number(row.value.toFixed(3)), unit: row.unit, target: row.target, met: row.met })));
  console.log(JSON.stringify({ benchmark: name, results: rows }));
}

function checkInPayload(index: number, at: number): Record<string, unknown> {
  return { sessionId: `bench-${index}`, mode: 'wfh', startedAt: at, endedAt: null };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function withDatabase<T>(fn: (db: Database) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'asnc-bench-'));
  const db = openDatabase(dir);
  try {
    return fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchDurableEnqueue(): void {
  const count = 2000;
  const timings = withDatabase((db) => {
    const outbox = new Outbox(db, Date.now);
    const samples: number[] = [];
    for (let index = 0; index < count; index++) {
      const started = performance.now();
      const at = Date.now();
      outbox.enqueue({ stream: 'attendance', type: 'attendance.check_in', occurredAt: at, payload: checkInPayload(index, at) });
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b);
  });
  const p99 = percentile(timings, 0.99);
  report('durable enqueue (synchronous = FULL, one transaction each)', [
    { metric: 'p50', value: percentile(timings, 0.5), unit: 'ms', target: '', met: true },
    { metric: 'p99', value: p99, unit: 'ms', target: '< 5 ms', met: p99 < 5 },
    { metric: 'events', value: count, unit: 'count', target: '', met: true },
  ]);
}

function benchWeekSummary(): void {
  const elapsed = withDatabase((db) => {
    let clock = 0;
    const calendar = new WorkCalendar(articleProfile);
    const attendance = new AttendanceService(db, () => articleProfile, () => calendar, () => clock);

    // A year of working days, two sessions a day.
    for (let date = '2026-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (!calendar.day(date).working) continue;
      for (const [start, end] of [['08:00', '12:00'], ['13:00', '16:00']] as const) {
        clock = zonedInstant(date, start, 'Asia/Jakarta');
        attendance.checkIn('wfh');
        clock = zonedInstant(date, end, 'Asia/Jakarta');
        attendance.checkOut();
      }
    }

    clock = zonedInstant('2026-12-04', '15:00', 'Asia/Jakarta');
    const samples: number[] = [];
    for (let run = 0; run < 200; run++) {
      const started = performance.now();
      attendance.status();
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b);
  });
  const p99 = percentile(elapsed, 0.99);
  report('day and week totals from a year of sessions', [
    { metric: 'p50', value: percentile(elapsed, 0.5), unit: 'ms', target: '', met: true },
    { metric: 'p99', value: p99, unit: 'ms', target: '< 20 ms', met: p99 < 20 },
  ]);
}

async function benchComplianceWithoutSpeed(): Promise<void> {
  // An internal subnet makes the VPN check read the kernel's route decision; no packet is sent.
  const vpnPolicy = { ...articleProfile, vpn: { internalSubnets: ['10.200.0.0/16'], adapterHints: ['openvpn'] } };
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    await runCompliance({ policy: vpnPolicy, speedEndpoint: null, skipSpeed: true, now: Date.now, logger });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const worst = samples[samples.length - 1]!;
  report('compliance run without the speed phase', [
    { metric: 'median', value: percentile(samples, 0.5), unit: 'ms', target: '', met: true },
    { metric: 'max of 5', value: worst, unit: 'ms', target: '< 1500 ms', met: worst < 1500 },
  ]);
}

async function flushRate(eventCount: number, batchSize: number): Promise<number> {
  const central = await startCentralServer({ port: 0 });
  const dir = mkdtempSync(join(tmpdir(), 'asnc-bench-flush-'));
  const db = openDatabase(dir);
  try {
    const outbox = new Outbox(db, Date.now);
    const enrollment = new EnrollmentService({
      db,
      secrets: new MemorySecretStore(),
      now: Date.now,
      createClient: (baseUrl, token) => new CentralClient({ baseUrl, token }),
      logger,
    });
    await enrollment.enroll(central.url, 'DEMO');
    db.transaction(() => {
      for (let index = 0; index < eventCount; index++) {
        const at = Date.now();
        outbox.enqueue({ stream: 'attendance', type: 'attendance.check_in', occurredAt: at, payload: checkInPayload(index, at) });
      }
    }).immediate();

    const sender = new OutboxSender({ outbox, client: () => enrollment.client(), now: Date.now, logger, batchSize });
    const started = performance.now();
    let delivered = 0;
    while (delivered < eventCount) {
      const result = await sender.flush();
      if (result.accepted === 0) throw new Error(`Flush delivered nothing: ${JSON.stringify(result)}`);
      delivered += result.accepted;
    }
    return eventCount / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    await central.close();
  }
}

async function benchOutboxFlush(): Promise<void> {
  const batched = await flushRate(10_000, 500);
  const single = await flushRate(1_000, 1);
  const ratio = batched / single;
  report('outbox flush to the reference server on loopback', [
    { metric: 'batches of 500 (10,000 events)', value: batched, unit: 'events/s', target: '', met: true },
    { metric: 'one request per event (1,000 events)', value: single, unit: 'events/s', target: '', met: true },
    { metric: 'speed-up', value: ratio, unit: 'x', target: '>= 20x', met: ratio >= 20 },
  ]);
}

function benchRendererBundle(): void {
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const assets = join('dist', 'renderer', 'assets');
  let gzipped = 0;
  let raw = 0;
  for (const file of readdirSync(assets).filter((name) => name.endsWith('.js'))) {
    const content = readFileSync(join(assets, file));
    raw += content.length;
    gzipped += gzipSync(content, { level: 9 }).length;
  }
  report('renderer bundle', [
    { metric: 'JavaScript, raw', value: raw / 1024, unit: 'KB', target: '', met: true },
    { metric: 'JavaScript, gzip -9', value: gzipped / 1024, unit: 'KB', target: '< 300 KB', met: gzipped < 300 * 1024 },
  ]);
}

const benchmarks: Record<string, () => void | Promise<void>> = {
  enqueue: benchDurableEnqueue,
  worktime: benchWeekSummary,
  compliance: benchComplianceWithoutSpeed,
  outbox: benchOutboxFlush,
  bundle: benchRendererBundle,
};

// `npm run bench` runs every benchmark; `npm run bench -- outbox worktime` runs the named ones.
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}.`);
  process.exit(2);
}

console.log(`Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}`);
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
  await benchmarks[name]!();
}
