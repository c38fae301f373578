// Database safety and secret moves: rotating backups, kill -9 during 10,000 writes (C25), a corrupt
// file moved aside and the last backup restored with a message saying what was lost (C25), no
// fallback without a backup (C23), and a secret moved between stores only once it reads back (C27).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import { Outbox } from '../../electron/core/outbox/outbox';
import { migrateSecret } from '../../electron/core/secrets/migrate-secret';
import { MemorySecretStore, SecretStoreError, type SecretStore } from '../../electron/core/secrets/secret-store';
import { backupDatabase, isIntact, listBackups } from '../../electron/core/storage/backup';
import { DATABASE_FILE, lastRecovery, openDatabase, StorageError, type Database } from '../../electron/core/storage/database';

const T0 = Date.parse('2026-03-02T01:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'asn-storage-safety-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function enqueue(db: Database, count: number, at: number): void {
  const outbox = new Outbox(db, () => at);
  for (let index = 0; index < count; index++) {
    outbox.enqueue({ stream: 'attendance', type: 'attendance.check_in', occurredAt: at, payload: { sessionId: `s-${at}-${index}`, mode: 'wfh', startedAt: at, endedAt: null } });
  }
}

/** Overwrites the middle of every page but the first, the way a failing disk or a torn write would. */
function damage(path: string): void {
  const pageSize = 4096;
  const pages = Math.floor(statSync(path).size / pageSize);
  const fd = openSync(path, 'r+');
  try {
    for (let page = 1; page < pages; page++) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, page * pageSize + 64);
  } finally {
    closeSync(fd);
  }
  expect(isIntact(path), 'the damaged file still passes the integrity check').toBe(false);
}

describe('backups', () => {
  it('takes one at start when a day has passed and keeps the newest three', () => {
    openDatabase(dir, { now: () => T0 }).close();
    openDatabase(dir, { now: () => T0 + 1000 }).close();
    expect(listBackups(dir).map((backup) => backup.takenAt)).toEqual([T0]);

    for (const day of [1, 2, 3]) openDatabase(dir, { now: () => T0 + day * DAY }).close();
    expect(listBackups(dir).map((backup) => backup.takenAt)).toEqual([T0 + 3 * DAY, T0 + 2 * DAY, T0 + DAY]);
  });
});

describe('C25: crash and corruption', () => {
  it('keeps every committed write after kill -9 during 10,000 writes', async () => {
    openDatabase(dir).close();
    const writer = join(import.meta.dirname, '..', 'harness', 'outbox-writer.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, '10000', 'crash', '250'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const numbers = chunk.toString().split('\n').filter((line) => /^\d+$/.test(line)).map(Number);
        if (numbers.length > 0) committed = Math.max(committed, ...numbers);
        if (committed >= 2000 && child.signalCode === null && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => resolve());
    });
    await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('exit', resolve) : resolve(null)));
    expect(child.signalCode).toBe('SIGKILL');

    const db = openDatabase(dir);
    try {
      expect(lastRecovery(db)).toBeNull();
      const seqs = db.prepare('SELECT seq FROM outbox_events ORDER BY seq').pluck().all() as number[];
      expect(seqs.length).toBeGreaterThanOrEqual(committed);
      expect(seqs.length).toBeLessThan(10_000);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    } finally {
      db.close();
    }
  });

  it('moves a corrupt file aside, restores the last backup and says what was lost', () => {
    const db = openDatabase(dir, { now: () => T0 });
    enqueue(db, 20, T0 + 1000);
    backupDatabase(db, dir, T0 + 2000);
    enqueue(db, 5, T0 + 3000);
    db.close();
    damage(join(dir, DATABASE_FILE));

    const restored = openDatabase(dir, { now: () => T0 + 10_000 });
    try {
      expect(new Outbox(restored, Date.now).counts().queued).toBe(20);
      const recovery = lastRecovery(restored);
      expect(recovery).not.toBeNull();
      expect(recovery!.backupTakenAt).toBe(T0 + 2000);
      expect(existsSync(recovery!.movedTo)).toBe(true);
      expect(recovery!.text.en).toContain('restored from the backup of 2026-03-02 01:00 UTC');
      expect(recovery!.text.id).toContain('dipulihkan dari cadangan 2026-03-02 01:00 UTC');
      // Either the damaged file could still be counted (5 newer items), or the message says it could not.
      if (recovery!.lost) expect(recovery!.lost.outboxEvents).toBe(5);
      else expect(recovery!.text.en).toContain('could not be read to count it');
    } finally {
      restored.close();
    }
  });

  it('tells the user through the status until dismissed', async () => {
    const db = openDatabase(dir, { now: () => T0 });
    enqueue(db, 20, T0 + 1000);
    backupDatabase(db, dir, T0 + 2000);
    enqueue(db, 5, T0 + 3000);
    db.close();
    damage(join(dir, DATABASE_FILE));

    const companion = await Companion.open({ dataDir: dir, secretStore: new MemorySecretStore(), logSink: silentSink });
    try {
      expect(companion.status().storageNotice?.id).toContain('Basis data rusak dan dipulihkan dari cadangan');
      expect(companion.status().outbox.queued).toBe(20);
      expect(companion.dismissStorageNotice()).toEqual({ dismissed: true });
      expect(companion.status().storageNotice).toBeNull();
    } finally {
      companion.close();
    }
  });

  it('C23: refuses to start on a corrupt file without a backup, and leaves the file in place', () => {
    const db = openDatabase(dir, { now: () => T0 });
    enqueue(db, 20, T0);
    db.close();
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    damage(join(dir, DATABASE_FILE));

    expect(() => openDatabase(dir)).toThrow(StorageError);
    expect(() => openDatabase(dir)).toThrow(/failed its integrity check[^]*no intact backup exists/);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(existsSync(join(dir, 'corrupt'))).toBe(false);
  });
});

/** A store whose writes seem to succeed but are not kept, like a keychain that drops an entry. */
class ForgetfulStore extends MemorySecretStore {
  override async set(): Promise<void> {}
}

describe('C27: moving a secret between stores', () => {
  it('deletes the old entry only after the new store reads it back', async () => {
    const from = new MemorySecretStore();
    const to: SecretStore = new MemorySecretStore({ available: true, backend: 'keychain', reason: null });
    await from.set('device-token', 'secret-value-123456');

    expect(await migrateSecret(from, to, 'device-token')).toEqual({ status: 'moved' });
    expect(await to.get('device-token')).toBe('secret-value-123456');
    expect(await from.get('device-token')).toBeNull();
    expect(await migrateSecret(from, to, 'device-token')).toEqual({ status: 'nothing_to_move' });
  });

  it('keeps the old entry when the new store does not return the secret', async () => {
    const from = new MemorySecretStore();
    await from.set('device-token', 'secret-value-123456');

    await expect(migrateSecret(from, new ForgetfulStore(), 'device-token')).rejects.toThrow(SecretStoreError);
    await expect(migrateSecret(from, new ForgetfulStore(), 'device-token')).rejects.toThrow(/old entry was kept/);
    expect(await from.get('device-token')).toBe('secret-value-123456');
  });
});
