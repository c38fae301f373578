// The Kepatuhan page's calls against a real companion and SQLite. The history is newest first and paged,
// declarations are marked as declared, and unreadable rows are listed rather than dropped. The export is
// byte for byte the file the CLI writes, and the CLI's verification accepts it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSnapshotCommand, verifySnapshotCommand } from '../../electron/cli/snapshot-command';
import { Companion } from '../../electron/core/companion';
import { verifySignedSnapshotFile } from '../../electron/core/compliance/signing/signed-snapshot';
import { createHandlers, dispatch, type IpcHandlers } from '../../electron/core/ipc/handlers';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import type { SnapshotExport, SnapshotPage } from '../../shared/ipc-compliance';

// 2026-03-02 08:00 WIB (Monday), then one run an hour.
const start = Date.UTC(2026, 2, 2, 1, 0);
let clock = start;

let folder: string;
let companion: Companion;
let handlers: IpcHandlers;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(handlers, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'asn-history-'));
  companion = await Companion.open({ dataDir: folder, now: () => clock, secretStore: new MemorySecretStore(), logSink: silentSink });
  handlers = createHandlers(companion);

  await companion.runCheck({ skipSpeed: true });
  clock += 3_600_000;
  await call('declareAttestation', { kind: 'dedicated-workspace', holds: true });
  await companion.runCheck({ skipSpeed: true });
  clock += 3_600_000;
  await companion.runCheck({ skipSpeed: true });
});

afterAll(async () => {
  companion?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('compliance history', () => {
  it('lists newest first in pages', async () => {
    const first = await call<SnapshotPage>('listSnapshots', { limit: 2 });
    const second = await call<SnapshotPage>('listSnapshots', { limit: 2, before: first.nextCursor });

    expect(first.items.map((item) => item.createdAt)).toEqual([start + 7_200_000, start + 3_600_000]);
    expect(first.nextCursor).not.toBeNull();
    expect(second.items.map((item) => item.createdAt)).toEqual([start]);
    expect(second.nextCursor).toBeNull();
  });

  it('carries each check verdict and the declarations', async () => {
    const [newest] = (await call<SnapshotPage>('listSnapshots', {})).items;

    expect(newest?.readable).toBe(true);
    if (!newest?.readable) return;
    expect(newest.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
    expect(newest.checks.find((check) => check.check === 'power')?.verdict).toBe('fail');
    expect(newest.attestations).toEqual([expect.objectContaining({ kind: 'dedicated-workspace', holds: true, basis: 'declared', declaredOn: '2026-03-02' })]);
  });

  it('lists an unreadable row instead of dropping it', async () => {
    companion.db.prepare('INSERT INTO compliance_snapshots (id, created_at, overall, snapshot_json) VALUES (?, ?, ?, ?)').run('broken-row', start - 1, 'pass', '{"id":');

    const page = await call<SnapshotPage>('listSnapshots', { limit: 10 });
    const broken = page.items.at(-1);

    expect(page.items).toHaveLength(4);
    expect(broken?.readable).toBe(false);
    if (broken?.readable !== false) return;
    expect(broken.problem.id).toContain('tidak dapat dibaca');
    companion.db.prepare("DELETE FROM compliance_snapshots WHERE id = 'broken-row'").run();
  });

  it('rejects an unknown id in both languages', async () => {
    const result = await dispatch(handlers, 'getSnapshot', { id: 'no-such-snapshot' });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.text?.id).toContain('tidak ditemukan');
    expect(result.error.text?.en).toContain('was not found');
  });
});

describe('compliance export', () => {
  it('writes the bytes of the CLI export', async () => {
    const oldest = (await call<SnapshotPage>('listSnapshots', {})).items.at(-1);
    const exported = await call<SnapshotExport>('exportSnapshot', { id: oldest!.id });
    const out = join(folder, 'cli.json');
    const lines: string[] = [];

    const status = await exportSnapshotCommand({ action: 'export', target: oldest!.id, id: undefined, out, publicKey: undefined }, companion, 'en', { stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) });

    expect(status).toBe(0);
    expect(exported.content).toBe(await readFile(out, 'utf8'));
    expect(exported.fileName).toBe(`snapshot-${oldest!.id}.json`);
    // MemorySecretStore stands for a computer without a keychain, so the key is temporary.
    expect(exported.temporaryKey).toBe(true);
  });

  it('passes the CLI verification', async () => {
    const [newest] = (await call<SnapshotPage>('listSnapshots', { limit: 1 })).items;
    const exported = await call<SnapshotExport>('exportSnapshot', { id: newest!.id });

    expect(verifySignedSnapshotFile(exported.content)).toMatchObject({ valid: true, snapshotId: newest!.id, keyId: exported.keyId });
  });

  it('exposes a database edit since storing', async () => {
    const [newest] = (await call<SnapshotPage>('listSnapshots', { limit: 1 })).items;
    const row = companion.db.prepare('SELECT snapshot_json FROM compliance_snapshots WHERE id = ?').get(newest!.id) as { snapshot_json: string };
    companion.db.prepare('UPDATE compliance_snapshots SET snapshot_json = ? WHERE id = ?').run(row.snapshot_json.replace('"verdict":"fail"', '"verdict":"pass"'), newest!.id);

    const exported = await call<SnapshotExport>('exportSnapshot', { id: newest!.id });

    expect(verifySignedSnapshotFile(exported.content).valid).toBe(false);
    companion.db.prepare('UPDATE compliance_snapshots SET snapshot_json = ? WHERE id = ?').run(row.snapshot_json, newest!.id);
  });

  it('fails verification after an edit', async () => {
    const [newest] = (await call<SnapshotPage>('listSnapshots', { limit: 1 })).items;
    const exported = await call<SnapshotExport>('exportSnapshot', { id: newest!.id });
    const edited = exported.content.replace('"verdict":"fail"', '"verdict":"pass"');
    const file = join(folder, 'edited.json');
    await writeFile(file, edited);
    const errors: string[] = [];

    const status = verifySnapshotCommand({ action: 'verify', target: file, id: undefined, out: undefined, publicKey: undefined }, 'en', { stdout: () => {}, stderr: (line) => errors.push(line) });

    expect(edited).not.toBe(exported.content);
    expect(status).toBe(1);
    expect(errors[0]).toMatch(/^INVALID: /);
  });
});
