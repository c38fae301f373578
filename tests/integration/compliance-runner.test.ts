// Whole compliance runs against the reference central server on 127.0.0.1, and snapshots stored in
// a real SQLite database.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { complianceSnapshotSchema, type ComplianceSnapshot } from '../../shared/domain';
import { runCompliance } from '../../electron/core/compliance/runner';
import { SnapshotRepository } from '../../electron/core/compliance/snapshots';
import { CompanionError } from '../../electron/core/errors';
import { createLogger, silentSink } from '../../electron/core/logger';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';
import { openDatabase, type Database } from '../../electron/core/storage/database';

const logger = createLogger(silentSink);

function run(options: { speedEndpoint: string | null; skipSpeed?: boolean; policy?: Policy; now?: () => number }): Promise<ComplianceSnapshot> {
  return runCompliance({
    policy: options.policy ?? articleProfile,
    speedEndpoint: options.speedEndpoint,
    skipSpeed: options.skipSpeed ?? false,
    now: options.now ?? Date.now,
    logger,
  });
}

const speedOf = (snapshot: ComplianceSnapshot) => snapshot.checks.find((check) => check.check === 'speed')!;

/** Returns a loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('compliance runner', () => {
  let central: CentralServer;

  beforeAll(async () => {
    central = await startCentralServer({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await central?.close();
  });

  it('runs three checks against the reference server', async () => {
    const snapshot = await run({ speedEndpoint: central.url });

    expect(complianceSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
    for (const check of snapshot.checks) {
      expect(check.summary.id.length).toBeGreaterThan(0);
      expect(check.summary.en.length).toBeGreaterThan(0);
      expect(Object.keys(check.evidence).length).toBeGreaterThan(0);
      expect(Object.keys(check.policy).length).toBeGreaterThan(0);
    }
    expect(isUuid(snapshot.id)).toBe(true);
    expect(uuidVersion(snapshot.id)).toBe(7);
    expect(snapshot.policyId).toBe(articleProfile.id);
    expect(snapshot.policyVersion).toBe(articleProfile.version);
  });

  it('passes speed on loopback within budget', async () => {
    const speed = speedOf(await run({ speedEndpoint: central.url }));

    expect(speed.verdict).toBe('pass');
    const evidence = speed.evidence as Record<string, number> & Record<'download' | 'upload', { durationMs: number; bytes: number }>;
    expect(evidence.bytesUsed).toBeGreaterThan(0);
    expect(evidence.bytesUsed).toBeLessThanOrEqual(2 * 40 * 1024 * 1024);
    expect(evidence.download.durationMs).toBeLessThan(10_500);
    expect(evidence.upload.durationMs).toBeLessThan(10_500);
    expect(evidence.downloadMbps).toBeGreaterThan(10);
    expect(evidence.uploadMbps).toBeGreaterThan(10);
    expect(evidence.latencyMs).toBeGreaterThanOrEqual(0);
    expect(evidence.jitterMs).toBeGreaterThanOrEqual(0);
    expect(evidence.streams).toBe(4);
    expect(speed.policy).toMatchObject({ minDownloadMbps: 10, minUploadMbps: 10, thresholdMeaning: 'link-rate', endpoint: central.url });
  });

  it('fails speed against an absurd download minimum', async () => {
    const policy: Policy = { ...articleProfile, speed: { ...articleProfile.speed, minDownloadMbps: 1e7 } };

    const snapshot = await run({ speedEndpoint: central.url, policy });

    const speed = speedOf(snapshot);
    expect(speed.verdict).toBe('fail');
    expect(speed.summary.id).toContain('unduh');
    expect(speed.summary.id).not.toContain('unggah');
    expect(snapshot.overall).toBe('fail');
  });

  it('reports a closed port as error', async () => {
    const port = await closedPort();

    const snapshot = await run({ speedEndpoint: `http://127.0.0.1:${port}` });

    const speed = speedOf(snapshot);
    expect(speed.verdict).toBe('error');
    expect(speed.evidence.error).toContain('connection refused');
    expect(snapshot.overall).toBe('error');
  });

  it('reports no endpoint as unknown', async () => {
    const snapshot = await run({ speedEndpoint: null });

    expect(speedOf(snapshot).verdict).toBe('unknown');
    expect(snapshot.overall).not.toBe('pass');
  });

  it('runs without the speed phase in under 1.5 s', async () => {
    const started = performance.now();

    const snapshot = await run({ speedEndpoint: central.url, skipSpeed: true });

    expect(performance.now() - started).toBeLessThan(1_500);
    expect(speedOf(snapshot).verdict).toBe('unknown');
    expect(speedOf(snapshot).evidence).toEqual({ skipped: true });
  });

  // The subnet passes the policy schema's pattern but has an octet above 255, so the Linux VPN check throws.
  it.runIf(process.platform === 'linux')('turns a broken check into error', async () => {
    const policy: Policy = { ...articleProfile, vpn: { internalSubnets: ['10.300.0.0/16'], adapterHints: [] } };

    const snapshot = await run({ speedEndpoint: null, policy });

    const vpn = snapshot.checks.find((check) => check.check === 'vpn')!;
    expect(vpn.verdict).toBe('error');
    expect(vpn.evidence.error).toContain('10.300.0.0/16');
    expect(vpn.policy).toEqual({ internalSubnets: ['10.300.0.0/16'], adapterHints: [], probe: null });
    expect(snapshot.overall).toBe('error');
    expect(snapshot.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
  });

  it('takes createdAt and startedAt from the given clock', async () => {
    const fixedNow = Date.UTC(2026, 2, 2, 1, 0, 0);

    const snapshot = await run({ speedEndpoint: null, now: () => fixedNow });

    expect(snapshot.createdAt).toBe(fixedNow);
    expect(snapshot.checks.every((check) => check.startedAt === fixedNow)).toBe(true);
    expect(snapshot.checks.every((check) => check.durationMs >= 0)).toBe(true);
  });
});

describe('snapshot repository', () => {
  let dataDir: string;
  let db: Database;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'asnc-snapshots-'));
    db = openDatabase(dataDir);
  });

  afterAll(() => {
    db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('round-trips save and latest', async () => {
    const repository = new SnapshotRepository(db);
    expect(repository.latest()).toBeNull();

    const first = await run({ speedEndpoint: null, now: () => Date.UTC(2026, 2, 2, 1, 0, 0) });
    const second = await run({ speedEndpoint: null, now: () => Date.UTC(2026, 2, 2, 2, 0, 0) });
    repository.save(second);
    repository.save(first);

    expect(repository.latest()).toEqual(second);
    const row = db.prepare('SELECT overall, created_at FROM compliance_snapshots WHERE id = ?').get(second.id) as { overall: string; created_at: number };
    expect(row).toEqual({ overall: second.overall, created_at: second.createdAt });
  });

  it('rejects saving the same snapshot twice', async () => {
    const repository = new SnapshotRepository(db);
    const snapshot = await run({ speedEndpoint: null });
    repository.save(snapshot);

    expect(() => repository.save(snapshot)).toThrow(/UNIQUE/);
  });

  it('reports an unreadable stored row', () => {
    const repository = new SnapshotRepository(db);
    db.prepare('INSERT INTO compliance_snapshots (id, created_at, overall, snapshot_json) VALUES (?, ?, ?, ?)').run(
      'broken-row',
      Date.UTC(2030, 0, 1),
      'pass',
      JSON.stringify({ id: 'broken-row', overall: 'great' }),
    );

    expect(() => repository.latest()).toThrow(CompanionError);
    expect(() => repository.latest()).toThrow(/broken-row.*overall/);
  });
});
