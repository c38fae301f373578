// Snapshots are signed when they are stored: the row, the outbox payload and the export carry the
// same signature, an edit to the row breaks the export, and the schedule follows attendance.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedSnapshotPayloadSchema } from '../../shared/central-api';
import { canonicalJson } from '../../shared/canonical-json';
import { Companion } from '../../electron/core/companion';
import { verifySignedSnapshotFile } from '../../electron/core/compliance/signing/signed-snapshot';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { exportSnapshotCommand } from '../../electron/cli/snapshot-command';

let folder: string;
let companion: Companion;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'asnc-store-signing-'));
  companion = await Companion.open({ dataDir: join(folder, 'data'), secretStore: new MemorySecretStore({ available: true, backend: 'keychain', reason: null }), logSink: silentSink });
});

afterEach(() => {
  vi.useRealTimers();
  companion.close();
  rmSync(folder, { recursive: true, force: true });
});

async function exportLatest(file: string): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await exportSnapshotCommand({ action: 'export', target: 'latest', id: undefined, out: file, publicKey: undefined }, companion, 'en', {
    stdout: () => {},
    stderr: (line) => stderr.push(line),
  });
  return { code, stderr };
}

describe('signing at store time', () => {
  it('signs the row and the outbox payload alike', async () => {
    const snapshot = await companion.runCheck({ skipSpeed: true });
    const key = await companion.deviceSigningKey();

    const row = companion.snapshots.stored(snapshot.id)!;
    expect(row.signature?.keyId).toBe(key.keyId);
    const [item] = companion.listOutbox().items;
    const payload = signedSnapshotPayloadSchema.parse(JSON.parse(item!.payloadJson));
    expect(payload.signature).toEqual(row.signature);
    const { signature: _signature, ...content } = JSON.parse(item!.payloadJson) as Record<string, unknown>;
    expect(canonicalJson(content)).toBe(canonicalJson(row.stored));
  });

  it('exports the stored signature', async () => {
    const snapshot = await companion.runCheck({ skipSpeed: true });
    const file = join(folder, 'export.json');

    expect((await exportLatest(file)).code).toBe(0);

    const exported = JSON.parse(readFileSync(file, 'utf8')) as { signature: unknown };
    expect(exported.signature).toEqual(companion.snapshots.stored(snapshot.id)!.signature);
    expect(verifySignedSnapshotFile(readFileSync(file, 'utf8'))).toMatchObject({ valid: true, snapshotId: snapshot.id });
  });

  it('rejects an export of an edited row', async () => {
    const snapshot = await companion.runCheck({ skipSpeed: true });
    companion.db
      .prepare("UPDATE compliance_snapshots SET snapshot_json = json_set(snapshot_json, '$.overall', 'pass') WHERE id = ?")
      .run(snapshot.id);
    const file = join(folder, 'edited.json');

    expect((await exportLatest(file)).code).toBe(0);

    const result = verifySignedSnapshotFile(readFileSync(file, 'utf8'));
    expect(result.valid).toBe(false);
    const reason = result.valid ? null : result.reason.en;
    expect(reason).toBe('the signature does not match the snapshot content');
  });

  it('signs rows stored before signing at export', async () => {
    const snapshot = await companion.runCheck({ skipSpeed: true });
    companion.db.prepare('UPDATE compliance_snapshots SET signature_json = NULL WHERE id = ?').run(snapshot.id);
    const file = join(folder, 'old-row.json');

    expect((await exportLatest(file)).code).toBe(0);

    expect(verifySignedSnapshotFile(readFileSync(file, 'utf8')).valid).toBe(true);
  });
});

describe('signing without a keychain', () => {
  it('keeps one key per process and warns on export', async () => {
    const dataDir = join(folder, 'memory');
    const first = await Companion.open({ dataDir, secretStore: new MemorySecretStore(), logSink: silentSink });
    const firstSnapshot = await first.runCheck({ skipSpeed: true });
    const firstKey = (await first.deviceSigningKey()).keyId;
    first.close();
    const restarted = await Companion.open({ dataDir, secretStore: new MemorySecretStore(), logSink: silentSink });

    const restartedKey = (await restarted.deviceSigningKey()).keyId;
    const oldRow = restarted.snapshots.stored(firstSnapshot.id)!;
    restarted.close();

    expect(oldRow.signature?.keyId).toBe(firstKey);
    expect(restarted.secrets.status.backend).toBe('memory');
    expect(restartedKey).not.toBe(firstKey);
  });

  it('warns that an export key is temporary', async () => {
    companion.close();
    companion = await Companion.open({ dataDir: join(folder, 'memory-export'), secretStore: new MemorySecretStore(), logSink: silentSink });
    await companion.runCheck({ skipSpeed: true });

    const { code, stderr } = await exportLatest(join(folder, 'memory.json'));

    expect(code).toBe(0);
    expect(stderr.join('\n')).toContain('the signing key is temporary');
  });
});

describe('stopped runs', () => {
  it('drops a run aborted mid-way', async () => {
    const abort = new AbortController();

    const run = companion.runCheck({ skipSpeed: true, signal: abort.signal });
    // The run has started its checks by the next turn of the event loop; they take tens of milliseconds.
    await new Promise((resolve) => setImmediate(resolve));
    abort.abort();

    await expect(run).rejects.toThrow('stopped before it was stored');
    expect(companion.snapshots.latest()).toBeNull();
    expect(companion.listOutbox().items).toEqual([]);
  });

  it('drops a run aborted while waiting', async () => {
    const first = companion.runCheck({ skipSpeed: true });
    const abort = new AbortController();
    const second = companion.runCheck({ skipSpeed: true, signal: abort.signal });
    abort.abort();

    await expect(second).rejects.toThrow('stopped while it waited');
    const stored = await first;
    expect(companion.snapshots.latest()?.id).toBe(stored.id);
  });
});

describe('schedule in the companion', () => {
  it('runs while checked in and stops at check-out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    companion.startComplianceSchedule();
    expect(companion.complianceSchedule.started).toBe(false);

    companion.checkIn('wfh');
    expect(companion.complianceSchedule.started).toBe(true);
    companion.checkOut();

    expect(companion.complianceSchedule.started).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no timer after close', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    companion.startComplianceSchedule();
    companion.checkIn('wfh');
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    companion.close();
    companion = await Companion.open({ dataDir: join(folder, 'after-close'), secretStore: new MemorySecretStore(), logSink: silentSink });

    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts with the app when already checked in', async () => {
    companion.checkIn('wfh');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });

    companion.startComplianceSchedule();

    expect(companion.complianceSchedule.started).toBe(true);
    expect(companion.status().complianceWorst).toBeNull();
  });

  it('reports the tray verdict while checked in', async () => {
    const snapshot = await companion.runCheck({ skipSpeed: true });
    expect(companion.status().complianceWorst).toBeNull();

    companion.checkIn('wfh');

    const expected = snapshot.overall === 'pass' || snapshot.overall === 'fail' ? snapshot.overall : 'warn';
    expect(companion.status().complianceWorst).toBe(expected);
  });
});
