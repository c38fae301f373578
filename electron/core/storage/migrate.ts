import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  /** Consecutive from 1; stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  sql: string;
}

/**
 * Applies the migrations newer than the database's user_version, each in its own immediate
 * transaction, and rejects a database written by a newer build instead of guessing at its layout.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}.`);
    }
  });

  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) {
    throw new Error(
      `The database has schema version ${current}, newer than this build's ${latest}. ` +
        'Update the application, or restore a backup made by this version.',
    );
  }

  for (const migration of migrations.slice(current)) {
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    apply.immediate();
  }
  return latest;
}
