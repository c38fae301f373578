// SQL for sessions, away intervals, the audit of decisions and the heartbeat. Callers open the
// write transactions; every method here is one statement or a read.
import type { Database } from '../storage/database';
import type { AwayDecision, AwayReason, AwayRecord, SessionFlag, SessionRecord } from './records';

interface SessionRow {
  id: string;
  mode: SessionRecord['mode'];
  started_at: number;
  ended_at: number | null;
  flags_json: string;
}

interface AwayRow {
  id: string;
  session_id: string;
  started_at: number;
  ended_at: number | null;
  reason: AwayReason;
  decision: AwayDecision;
  decided_at: number | null;
  prompt_after: number | null;
}

export interface DecisionAuditEntry {
  awayId: string;
  action: AwayDecision | 'postpone';
  at: number;
  previous: AwayDecision;
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    mode: row.mode,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    flags: JSON.parse(row.flags_json) as SessionFlag[],
  };
}

function toAway(row: AwayRow): AwayRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    reason: row.reason,
    decision: row.decision,
    decidedAt: row.decided_at,
    promptAfter: row.prompt_after,
  };
}

export class WorktimeRepository {
  constructor(private readonly db: Database) {}

  session(id: string): SessionRecord | null {
    const row = this.db.prepare('SELECT * FROM work_sessions WHERE id = ?').get(id) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  openSession(): SessionRecord | null {
    const row = this.db.prepare('SELECT * FROM work_sessions WHERE ended_at IS NULL').get() as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  /** The latest end of any closed session, so a new session never starts inside an old one. */
  lastSessionEnd(): number | null {
    const row = this.db.prepare('SELECT MAX(ended_at) AS last FROM work_sessions').get() as { last: number | null };
    return row.last;
  }

  addSessionFlag(id: string, flag: SessionFlag): void {
    const session = this.session(id);
    if (!session || session.flags.includes(flag)) return;
    this.db.prepare('UPDATE work_sessions SET flags_json = ? WHERE id = ?').run(JSON.stringify([...session.flags, flag]), id);
  }

  /** Sessions overlapping [from, to), open ones included. */
  sessionsBetween(from: number, to: number): SessionRecord[] {
    const rows = this.db
      .prepare('SELECT * FROM work_sessions WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY started_at')
      .all(to, from) as SessionRow[];
    return rows.map(toSession);
  }

  /** Away intervals of the given sessions. */
  awaysOf(sessionIds: readonly string[]): AwayRecord[] {
    if (sessionIds.length === 0) return [];
    const placeholders = sessionIds.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM away_intervals WHERE session_id IN (${placeholders}) ORDER BY started_at`)
      .all(...sessionIds) as AwayRow[];
    return rows.map(toAway);
  }

  /** Away intervals overlapping [from, to), open ones included; each lies inside its session. */
  awaysBetween(from: number, to: number): AwayRecord[] {
    // Raw rows (arrays) halve the cost of reading a year of intervals.
    const rows = this.db
      .prepare(
        `SELECT id, session_id, started_at, ended_at, reason, decision, decided_at, prompt_after FROM away_intervals
         WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY started_at`,
      )
      .raw(true)
      .all(to, from) as [string, string, number, number | null, AwayReason, AwayDecision, number | null, number | null][];
    return rows.map(([id, sessionId, startedAt, endedAt, reason, decision, decidedAt, promptAfter]) => ({
      id,
      sessionId,
      startedAt,
      endedAt,
      reason,
      decision,
      decidedAt,
      promptAfter,
    }));
  }

  away(id: string): AwayRecord | null {
    const row = this.db.prepare('SELECT * FROM away_intervals WHERE id = ?').get(id) as AwayRow | undefined;
    return row ? toAway(row) : null;
  }

  openAway(): AwayRecord | null {
    const row = this.db.prepare('SELECT * FROM away_intervals WHERE ended_at IS NULL').get() as AwayRow | undefined;
    return row ? toAway(row) : null;
  }

  /** The end of the latest away interval of the session, so a new one never overlaps it. */
  lastAwayEnd(sessionId: string): number | null {
    const row = this.db
      .prepare('SELECT MAX(ended_at) AS last FROM away_intervals WHERE session_id = ?')
      .get(sessionId) as { last: number | null };
    return row.last;
  }

  insertAway(away: AwayRecord): void {
    this.db
      .prepare(
        `INSERT INTO away_intervals (id, session_id, started_at, ended_at, reason, decision, decided_at, prompt_after)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(away.id, away.sessionId, away.startedAt, away.endedAt, away.reason, away.decision, away.decidedAt, away.promptAfter);
  }

  closeAway(id: string, endedAt: number): void {
    this.db.prepare('UPDATE away_intervals SET ended_at = MAX(started_at, ?) WHERE id = ?').run(endedAt, id);
  }

  deleteAway(id: string): void {
    this.db.prepare('DELETE FROM away_intervals WHERE id = ? AND decision = ?').run(id, 'pending');
  }

  /** Records the decision and its audit entry; call inside a write transaction. */
  decide(away: AwayRecord, decision: AwayDecision, at: number): void {
    this.db.prepare('UPDATE away_intervals SET decision = ?, decided_at = ? WHERE id = ?').run(decision, at, away.id);
    this.audit({ awayId: away.id, action: decision, at, previous: away.decision });
  }

  postpone(away: AwayRecord, until: number, at: number): void {
    this.db.prepare('UPDATE away_intervals SET prompt_after = ? WHERE id = ?').run(until, away.id);
    this.audit({ awayId: away.id, action: 'postpone', at, previous: away.decision });
  }

  /** Closed, undecided away intervals whose prompt is due, oldest first. */
  promptsDue(now: number): AwayRecord[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM away_intervals WHERE decision = 'pending' AND ended_at IS NOT NULL
         AND (prompt_after IS NULL OR prompt_after <= ?) ORDER BY started_at`,
      )
      .all(now) as AwayRow[];
    return rows.map(toAway);
  }

  auditTrail(awayId?: string): DecisionAuditEntry[] {
    const rows = (
      awayId
        ? this.db.prepare('SELECT * FROM away_decisions WHERE away_id = ? ORDER BY seq').all(awayId)
        : this.db.prepare('SELECT * FROM away_decisions ORDER BY seq').all()
    ) as { away_id: string; action: DecisionAuditEntry['action']; at: number; previous: AwayDecision }[];
    return rows.map((row) => ({ awayId: row.away_id, action: row.action, at: row.at, previous: row.previous }));
  }

  saveHeartbeat(sessionId: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO worktime_heartbeat (singleton, session_id, at) VALUES (1, ?, ?)
         ON CONFLICT (singleton) DO UPDATE SET session_id = excluded.session_id, at = excluded.at`,
      )
      .run(sessionId, at);
  }

  lastHeartbeat(): { sessionId: string; at: number } | null {
    const row = this.db.prepare('SELECT session_id, at FROM worktime_heartbeat').get() as
      | { session_id: string; at: number }
      | undefined;
    return row ? { sessionId: row.session_id, at: row.at } : null;
  }

  private audit(entry: DecisionAuditEntry): void {
    this.db
      .prepare('INSERT INTO away_decisions (away_id, action, at, previous) VALUES (?, ?, ?, ?)')
      .run(entry.awayId, entry.action, entry.at, entry.previous);
  }
}
