import type { Migration } from '../migrate';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    -- Policy profiles installed on this device; exactly one is active.
    CREATE TABLE policy_profiles (
      id TEXT NOT NULL,
      version TEXT NOT NULL,
      profile_json TEXT NOT NULL,
      installed_at INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
      PRIMARY KEY (id, version)
    );
    CREATE UNIQUE INDEX policy_profiles_one_active ON policy_profiles (active) WHERE active = 1;

    -- Attendance sessions. Instants are UTC milliseconds; ended_at is NULL while checked in.
    CREATE TABLE work_sessions (
      id TEXT PRIMARY KEY,
      mode TEXT NOT NULL CHECK (mode IN ('wfh', 'office')),
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      CHECK (ended_at IS NULL OR ended_at >= started_at)
    );
    CREATE UNIQUE INDEX work_sessions_one_open ON work_sessions ((ended_at IS NULL)) WHERE ended_at IS NULL;
    CREATE INDEX work_sessions_started_at ON work_sessions (started_at);

    CREATE TABLE compliance_snapshots (
      id TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL,
      overall TEXT NOT NULL,
      snapshot_json TEXT NOT NULL
    );
    CREATE INDEX compliance_snapshots_created_at ON compliance_snapshots (created_at);

    -- Durable outbox: every event is committed here before anything is sent.
    CREATE TABLE outbox_events (
      id TEXT PRIMARY KEY,
      stream TEXT NOT NULL,
      seq INTEGER NOT NULL,
      type TEXT NOT NULL,
      occurred_at INTEGER NOT NULL,
      payload_json TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'in_flight', 'sent', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      lease_until INTEGER,
      next_attempt_at INTEGER,
      server_id TEXT,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      sent_at INTEGER,
      UNIQUE (stream, seq)
    );
    CREATE INDEX outbox_events_state ON outbox_events (state, stream, seq);

    -- The enrollment of this device with a central system; the token itself lives in the OS keychain.
    CREATE TABLE enrollment (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      central_url TEXT NOT NULL,
      device_id TEXT NOT NULL,
      enrolled_at INTEGER NOT NULL
    );
  `,
};
