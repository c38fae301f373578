// Storage of the reference central server: enrolled devices and received events in SQLite.
import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { ReceivedEvent, WireEvent } from '../shared/central-api';

// The reference server creates its tables in place instead of running numbered migrations: it is a
// development and test server, and a schema change there may start from an empty file.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    device_name TEXT,
    enrolled_at INTEGER NOT NULL
  );

  -- receipt_order increases with every stored event, so ordering by it lists events as they arrived.
  CREATE TABLE IF NOT EXISTS events (
    receipt_order INTEGER PRIMARY KEY AUTOINCREMENT,
    server_id TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL REFERENCES devices (id),
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    payload_json TEXT NOT NULL,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS events_stream ON events (device_id, stream, seq);
`;

interface EventRow {
  server_id: string;
  event_id: string;
  device_id: string;
  stream: string;
  seq: number;
  type: WireEvent['type'];
  occurred_at: number;
  payload_json: string;
  received_at: number;
}

export class CentralStore {
  private readonly db: BetterSqlite3.Database;
  private readonly statements: ReturnType<CentralStore['prepareStatements']>;

  constructor(dbPath: string) {
    this.db = new BetterSqlite3(dbPath);
    if (dbPath !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.statements = this.prepareStatements();
  }

  /** Statements of the event path, prepared once: preparing per item cost more than the insert itself. */
  private prepareStatements() {
    return {
      serverIdFor: this.db.prepare('SELECT server_id FROM events WHERE event_id = ?').pluck(),
      lastSeq: this.db.prepare('SELECT MAX(seq) FROM events WHERE device_id = ? AND stream = ?').pluck(),
      insertEvent: this.db.prepare(
        `INSERT INTO events (server_id, event_id, device_id, stream, seq, type, occurred_at, payload_json, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      deviceForToken: this.db.prepare('SELECT id FROM devices WHERE token_sha256 = ?').pluck(),
    };
  }

  /** Registers a new device under the SHA-256 of its token and returns the device id. */
  addDevice(tokenSha256: string, deviceName: string | null, enrolledAt: number): string {
    const deviceId = randomUUID();
    this.db
      .prepare('INSERT INTO devices (id, token_sha256, device_name, enrolled_at) VALUES (?, ?, ?, ?)')
      .run(deviceId, tokenSha256, deviceName, enrolledAt);
    return deviceId;
  }

  deviceForToken(tokenSha256: string): string | null {
    return (this.statements.deviceForToken.get(tokenSha256) as string | undefined) ?? null;
  }

  /** Returns the server id of the stored event with this client id, or null when the id is new. */
  serverIdFor(eventId: string): string | null {
    return (this.statements.serverIdFor.get(eventId) as string | undefined) ?? null;
  }

  /** Returns the highest seq stored for the device's stream, or 0 when there is none. */
  lastSeq(deviceId: string, stream: string): number {
    return (this.statements.lastSeq.get(deviceId, stream) as number | null) ?? 0;
  }

  /** Stores one event and returns its new server id. The caller has already checked that it is not a duplicate. */
  insertEvent(deviceId: string, event: WireEvent, payloadJson: string, receivedAt: number): string {
    const serverId = randomUUID();
    this.statements.insertEvent.run(serverId, event.id, deviceId, event.stream, event.seq, event.type, event.occurredAt, payloadJson, receivedAt);
    return serverId;
  }

  /** The SQLite handle, for the feature stores (central/<feature>-store.ts) that keep their own tables in this file. */
  get database(): BetterSqlite3.Database {
    return this.db;
  }

  /** Runs fn in one immediate transaction: a batch is stored completely or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  listEvents(): ReceivedEvent[] {
    const rows = this.db.prepare('SELECT * FROM events ORDER BY receipt_order').all() as EventRow[];
    return rows.map((row) => ({
      id: row.event_id,
      stream: row.stream,
      seq: row.seq,
      type: row.type,
      occurredAt: row.occurred_at,
      payload: JSON.parse(row.payload_json) as Record<string, unknown>,
      serverId: row.server_id,
      deviceId: row.device_id,
      receivedAt: row.received_at,
    }));
  }

  hasDevice(deviceId: string): boolean {
    return this.db.prepare('SELECT 1 FROM devices WHERE id = ?').get(deviceId) !== undefined;
  }

  close(): void {
    this.db.close();
  }
}
