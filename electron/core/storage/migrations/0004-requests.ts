import type { Migration } from '../migrate';

/** Urgent requests received from the central system, the user's answers, and the alerts already decided. */
export const requests: Migration = {
  version: 4,
  name: 'requests',
  sql: `
    -- One row per request the central system sent to this device; id is the server's, so a request
    -- listed twice is stored once. Instants are UTC milliseconds. acknowledged_at and answered_at are
    -- the moments of the clicks; the *_event_id columns name the outbox events that carry them.
    CREATE TABLE urgent_requests (
      id TEXT PRIMARY KEY,
      level TEXT NOT NULL CHECK (level IN ('urgent', 'emergency')),
      sender TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      sent_at INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      due_at INTEGER NOT NULL,
      acknowledged_at INTEGER,
      acknowledge_event_id TEXT,
      answered_at INTEGER,
      response_text TEXT,
      answer_event_id TEXT,
      CHECK (answered_at IS NULL OR response_text IS NOT NULL)
    );
    CREATE INDEX urgent_requests_due ON urgent_requests (answered_at, due_at);

    -- Every alert of a request that was raised ('shown') or passed over ('skipped'), so a restart
    -- neither repeats nor resurrects it. alert_key is 'new', 'reminder:<fraction>' or 'overdue'.
    CREATE TABLE request_alerts (
      request_id TEXT NOT NULL REFERENCES urgent_requests (id),
      alert_key TEXT NOT NULL,
      planned_at INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('shown', 'skipped')),
      decided_at INTEGER NOT NULL,
      PRIMARY KEY (request_id, alert_key)
    );
  `,
};
