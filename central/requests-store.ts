// Storage of urgent requests on the reference server, in the central store's database. The device's
// acknowledgements and answers are ordinary events (request.acknowledged, request.answered) and live
// in the events table like any other.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { UrgentRequest } from '../shared/central-api';
import type { RequestLevel } from '../shared/requests';

// Created in place like the rest of the reference server's schema; device_id NULL addresses every device.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS urgent_requests (
    request_order INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    device_id TEXT REFERENCES devices (id),
    level TEXT NOT NULL CHECK (level IN ('urgent', 'emergency')),
    sender TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    due_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS urgent_requests_device ON urgent_requests (device_id, request_order);
`;

export interface NewUrgentRequest {
  deviceId: string | null;
  level: RequestLevel;
  sender: string;
  subject: string;
  body: string;
  createdAt: number;
  dueAt: number;
}

export class RequestsStore {
  private readonly insert: BetterSqlite3.Statement;
  private readonly forDevice: BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
    this.insert = db.prepare(
      `INSERT INTO urgent_requests (id, device_id, level, sender, subject, body, created_at, due_at)
       VALUES (@id, @deviceId, @level, @sender, @subject, @body, @createdAt, @dueAt)`,
    );
    this.forDevice = db.prepare(
      `SELECT id, level, sender, subject, body, created_at AS createdAt, due_at AS dueAt
       FROM urgent_requests
       WHERE device_id = @deviceId
          OR (device_id IS NULL AND due_at > (SELECT enrolled_at FROM devices WHERE id = @deviceId))
       ORDER BY request_order`,
    );
  }

  /** Stores a request and returns its new id. */
  add(request: NewUrgentRequest): string {
    const id = randomUUID();
    this.insert.run({ id, ...request });
    return id;
  }

  /**
   * Requests addressed to the device, and those addressed to every device whose deadline had not
   * passed when it enrolled, oldest first. A device enrolled today receives a broadcast still open,
   * but not last month's broadcasts as new alerts.
   */
  listFor(deviceId: string): UrgentRequest[] {
    return this.forDevice.all({ deviceId }) as UrgentRequest[];
  }
}
