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

  -- Urgent requests posted by an administrator; device_id NULL addresses every device.
  CREATE TABLE IF NOT EXISTS urgent_requests (
    request_order INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    device_id TEXT REFERENCES devices (id),
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    due_at INTEGER,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE IF NOT EXISTS request_acks (
    request_id TEXT NOT NULL REFERENCES urgent_requests (id),
    device_id TEXT NOT NULL REFERENCES devices (id),
    acknowledged_at INTEGER NOT NULL,
    PRIMARY KEY (request_id, device_id)
  );
`;

export interface StoredUrgentRequest {
  id: string;
  title: string;
  message: string;
  dueAt: number | null;
  createdAt: number;
  acknowledgedAt: number | null;
}

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

  addUrgentRequest(request: { deviceId: string | null; title: string; message: string; dueAt: number | null }, createdAt: number): string {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO urgent_requests (id, device_id, title, message, due_at, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, request.deviceId, request.title, request.message, request.dueAt, createdAt);
    return id;
  }

  hasDevice(deviceId: string): boolean {
    return this.db.prepare('SELECT 1 FROM devices WHERE id = ?').get(deviceId) !== undefined;
  }

  /** Requests addressed to the device or to every device, oldest first, with the device's acknowledgement. */
  urgentRequestsFor(deviceId: string): StoredUrgentRequest[] {
    return this.db
      .prepare(
        `SELECT r.id, r.title, r.message, r.due_at AS dueAt, r.created_at AS createdAt, a.acknowledged_at AS acknowledgedAt
         FROM urgent_requests AS r
         LEFT JOIN request_acks AS a ON a.request_id = r.id AND a.device_id = @deviceId
         WHERE r.device_id IS NULL OR r.device_id = @deviceId
         ORDER BY r.request_order`,
      )
      .all({ deviceId }) as StoredUrgentRequest[];
  }

  /** Records the device's acknowledgement once; returns the ids that are not requests for this device. */
  acknowledge(deviceId: string, requestIds: readonly string[], at: number): string[] {
    const known = new Set(this.urgentRequestsFor(deviceId).map((request) => request.id));
    const insert = this.db.prepare('INSERT OR IGNORE INTO request_acks (request_id, device_id, acknowledged_at) VALUES (?, ?, ?)');
    const unknown: string[] = [];
    this.transaction(() => {
      for (const id of requestIds) {
        if (known.has(id)) insert.run(id, deviceId, at);
        else unknown.push(id);
      }
    });
    return unknown;
  }

  close(): void {
    this.db.close();
  }
}
