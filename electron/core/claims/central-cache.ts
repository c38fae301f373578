// The last reply of a central resource (claim statuses, the training record) with its ETag, so the
// next fetch can be conditional and the pages can show what was last known while offline.
import type { Database } from '../storage/database';

export class CentralResourceCache {
  constructor(
    private readonly db: Database,
    private readonly name: 'claims' | 'training',
  ) {}

  etag(): string | null {
    const row = this.db.prepare('SELECT etag FROM central_resources WHERE name = ?').get(this.name) as { etag: string | null } | undefined;
    return row?.etag ?? null;
  }

  fetchedAt(): number | null {
    const row = this.db.prepare('SELECT fetched_at FROM central_resources WHERE name = ?').get(this.name) as { fetched_at: number } | undefined;
    return row?.fetched_at ?? null;
  }

  body(): unknown {
    const row = this.db.prepare('SELECT body_json FROM central_resources WHERE name = ?').get(this.name) as { body_json: string } | undefined;
    return row ? (JSON.parse(row.body_json) as unknown) : null;
  }

  store(etag: string | null, body: unknown, at: number): void {
    this.db
      .prepare(
        `INSERT INTO central_resources (name, etag, body_json, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET etag = excluded.etag, body_json = excluded.body_json, fetched_at = excluded.fetched_at`,
      )
      .run(this.name, etag, JSON.stringify(body), at);
  }

  /** Records a 304: the stored copy is current as of `at`. */
  touch(at: number): void {
    this.db.prepare('UPDATE central_resources SET fetched_at = ? WHERE name = ?').run(at, this.name);
  }
}
