import type { Migration } from '../migrate';

/** Away intervals, their audited decisions, session flags, the heartbeat and the WFH plan. */
export const worktimePresence: Migration = {
  version: 2,
  name: 'worktime-presence',
  sql: `
    -- Why a session's times need a second look, as a JSON array of flag names (clock-step, clock-jump,
    -- closed-at-heartbeat, closed-at-sleep, cap-reached).
    ALTER TABLE work_sessions ADD COLUMN flags_json TEXT NOT NULL DEFAULT '[]';

    -- Time away from the machine inside a session (sleep, lock, idle, a gap found by the heartbeat).
    -- Instants are UTC milliseconds on the session's timeline; ended_at is NULL while the person is away.
    -- Pending time is excluded from the totals until the person keeps or discards it.
    CREATE TABLE away_intervals (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES work_sessions (id),
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      reason TEXT NOT NULL CHECK (reason IN ('sleep', 'lock', 'idle', 'gap', 'shutdown')),
      decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'keep', 'discard', 'discard-and-check-out')),
      decided_at INTEGER,
      prompt_after INTEGER,
      flags_json TEXT NOT NULL DEFAULT '[]',
      CHECK (ended_at IS NULL OR ended_at >= started_at)
    );
    CREATE INDEX away_intervals_session ON away_intervals (session_id, started_at);
    CREATE INDEX away_intervals_started_at ON away_intervals (started_at);

    -- Append-only audit of every answer to the return prompt, postponements included.
    CREATE TABLE away_decisions (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      away_id TEXT NOT NULL REFERENCES away_intervals (id),
      action TEXT NOT NULL CHECK (action IN ('keep', 'discard', 'discard-and-check-out', 'postpone')),
      at INTEGER NOT NULL,
      previous TEXT NOT NULL
    );

    -- The last heartbeat of the running session, so the next start can close a session whose process died.
    CREATE TABLE worktime_heartbeat (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      session_id TEXT NOT NULL,
      at INTEGER NOT NULL
    );

    -- Planned WFH and office days; an exception marks an office day required by a meeting, training,
    -- an inspection or service hours.
    CREATE TABLE wfh_plan (
      date TEXT PRIMARY KEY,
      place TEXT NOT NULL CHECK (place IN ('wfh', 'office')),
      exception TEXT CHECK (exception IS NULL OR exception IN ('meeting', 'training', 'inspection', 'service-hours')),
      planned_at INTEGER NOT NULL
    );
  `,
};
