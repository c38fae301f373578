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
import { simulateHerd } from './herd';
import { benchSpeed } from './speed';
import { benchWorktime } from './worktime';
import { articleProfile } from '../electron/core/policy/profiles';
import { MemorySecretStore } from '../electron/core/secrets/secret-store';
import { openDatabase, type Database } from '../electron/core/storage/database';

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
  console.log(JSON.stringify({ bench: 'compliance', median_ms: Number(percentile(samples, 0.5).toFixed(1)), max_ms: Number(worst.toFixed(1)), runs: samples.length }));
}

interface DeliveryRun {
  seconds: number;
  enqueueMs: number[];
}

/**
 * Enqueues `eventCount` events one transaction each (timing every enqueue), then delivers them to a
 * fresh reference server on loopback with the given batch size and returns the delivery time.
 */
async function timedDelivery(eventCount: number, batchSize: number): Promise<DeliveryRun> {
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

    const enqueueMs: number[] = [];
    for (let index = 0; index < eventCount; index++) {
      const started = performance.now();
      const at = Date.now();
      outbox.enqueue({ stream: 'attendance', type: 'attendance.check_in', occurredAt: at, payload: checkInPayload(index, at) });
      enqueueMs.push(performance.now() - started);
    }

    const sender = new OutboxSender({ outbox, client: () => enrollment.client(), now: Date.now, logger, batchSize });
    const started = performance.now();
    let delivered = 0;
    while (delivered < eventCount) {
      const result = await sender.flush();
      if (result.accepted === 0) throw new Error(`Flush delivered nothing: ${JSON.stringify(result)}`);
      delivered += result.accepted;
    }
    return { seconds: (performance.now() - started) / 1000, enqueueMs };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    await central.close();
  }
}

async function benchOutboxFlush(): Promise<void> {
  const count = 10_000;
  const batched = await timedDelivery(count, 500);
  const single = await timedDelivery(count, 1);
  const ratio = single.seconds / batched.seconds;
  const enqueue = [...batched.enqueueMs, ...single.enqueueMs].sort((a, b) => a - b);
  const enqueueP99 = percentile(enqueue, 0.99);

  const name = 'outbox delivery of 10,000 queued events to the reference server on loopback';
  console.log(`\n## ${name}`);
  console.table([
    { metric: 'batches of 500', value: Number(batched.seconds.toFixed(3)), unit: 's', target: '', met: true },
    { metric: 'one request per event', value: Number(single.seconds.toFixed(3)), unit: 's', target: '', met: true },
    { metric: 'speed-up', value: Number(ratio.toFixed(1)), unit: 'x', target: '>= 20x', met: ratio >= 20 },
    { metric: 'enqueue p99 (20,000 enqueues)', value: Number(enqueueP99.toFixed(3)), unit: 'ms', target: '< 5 ms', met: enqueueP99 < 5 },
  ]);
  console.log(
    JSON.stringify({
      benchmark: 'outbox',
      events: count,
      batched_s: Number(batched.seconds.toFixed(3)),
      single_s: Number(single.seconds.toFixed(3)),
      ratio: Number(ratio.toFixed(2)),
      enqueue_p99_ms: Number(enqueueP99.toFixed(3)),
    }),
  );
}

async function benchHerd(): Promise<void> {
  // Two starting points: first failures spread over a minute of regular deliveries, and all within
  // the same second (a shared network drop, or every device's timer on the same minute).
  const scenarios = [
    { scenario: 'first failures spread over 60 s', syncIntervalMs: 60_000 },
    { scenario: 'first failures within 1 s', syncIntervalMs: 1_000 },
  ].map(({ scenario, syncIntervalMs }) => ({
    scenario,
    ...simulateHerd({ devices: 100_000, outageMs: 30 * 60 * 1000, syncIntervalMs, seed: 1 }),
  }));

  console.log('\n## herd: 100,000 devices reconnecting after a 30-minute central outage');
  console.table(
    scenarios.flatMap((run) =>
      run.policies.map((policy) => ({
        scenario: run.scenario,
        policy: policy.name,
        'peak retries/s during outage': policy.peakDuringOutage,
        'peak req/s after': policy.peakAfterOutage,
        requests: policy.requests,
        'all sent by (s after end, p50/p99)': `${policy.deliveredP50s} / ${policy.deliveredP99s}`,
      })),
    ),
  );
  const summary = scenarios.map((run) => ({
    scenario: run.scenario,
    jitter_peak_after_rps: run.policies[0]!.peakAfterOutage,
    no_jitter_peak_after_rps: run.policies[1]!.peakAfterOutage,
    jitter_peak_retry_rps: Math.max(run.policies[0]!.peakDuringOutage, run.policies[0]!.peakAfterOutage),
    no_jitter_peak_retry_rps: Math.max(run.policies[1]!.peakDuringOutage, run.policies[1]!.peakAfterOutage),
  }));
  console.log(JSON.stringify({ benchmark: 'herd', devices: 100_000, outage_min: 30, scenarios: summary }));
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
  worktime: benchWorktime,
  compliance: benchComplianceWithoutSpeed,
  speed: benchSpeed,
  outbox: benchOutboxFlush,
  herd: benchHerd,
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
