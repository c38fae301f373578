import type { Migration } from '../migrate';

/** Daily progress reports, weekly summaries and the user's output targets. */
export const reports: Migration = {
  version: 5,
  name: 'reports',
  sql: `
    -- One report per working day (YYYY-MM-DD in the policy zone). The whole draft is rewritten on each
    -- autosave, and revision counts the saves. A submitted report is frozen: its outbox event carries it.
    CREATE TABLE daily_reports (
      date TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
      activities_json TEXT NOT NULL,
      obstacles TEXT NOT NULL,
      plan TEXT NOT NULL,
      revision INTEGER NOT NULL,
      late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      submitted_at INTEGER,
      outbox_id TEXT,
      CHECK ((state = 'submitted') = (submitted_at IS NOT NULL))
    );

    -- The user's edits of a week's summary; totals are computed from the daily reports when read. At
    -- submission the whole summary as sent is kept in submitted_json.
    CREATE TABLE weekly_summaries (
      week_start TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
      summary_text TEXT,
      notes TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL,
      submitted_at INTEGER,
      submitted_json TEXT,
      outbox_id TEXT
    );

    -- Output targets the user sets; targets set by the agency come with the policy and are not stored here.
    CREATE TABLE report_targets (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      period TEXT NOT NULL CHECK (period IN ('week', 'month')),
      period_start TEXT NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      unit TEXT NOT NULL,
      deadline TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX report_targets_period ON report_targets (period_start, deadline);
  `,
};
