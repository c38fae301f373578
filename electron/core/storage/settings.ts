// The settings table: small named values that belong to no other table (ETags, flags).
import type { Database } from './database';

export function readSetting(db: Database, key: string): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return value ?? null;
}

/** Stores `value` under `key`, or removes the key when `value` is null. */
export function writeSetting(db: Database, key: string, value: string | null): void {
  if (value === null) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    return;
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
