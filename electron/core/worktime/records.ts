// The stored shapes of working time: sessions between check-in and check-out, and the away
// intervals inside them. Instants are UTC milliseconds on the session's timeline.
import type { WorkMode } from '../../../shared/domain';

/** Why a session's recorded times deserve a second look. */
export type SessionFlag =
  | 'clock-step' // the wall clock went back during the session; durations come from the monotonic clock
  | 'clock-jump' // the wall clock ran ahead of the monotonic clock (sleep without an event, or a forward step)
  | 'closed-at-heartbeat' // the process died; the next start closed the session at its last heartbeat
  | 'closed-at-sleep' // the process died asleep; the next start closed the session when sleep began
  | 'closed-at-shutdown' // the system shut down and the session was checked out at that moment
  | 'cap-reached'; // the policy ended the session at the weekly cap

export interface SessionRecord {
  id: string;
  mode: WorkMode;
  startedAt: number;
  endedAt: number | null;
  flags: SessionFlag[];
}

export type AwayReason = 'sleep' | 'lock' | 'idle' | 'gap' | 'shutdown';

/** Pending time is excluded from every total until the person keeps or discards it. */
export type AwayDecision = 'pending' | 'keep' | 'discard' | 'discard-and-check-out';

export interface AwayRecord {
  id: string;
  sessionId: string;
  startedAt: number;
  endedAt: number | null;
  reason: AwayReason;
  decision: AwayDecision;
  decidedAt: number | null;
  /** The return prompt is not shown again before this instant (set when it goes unanswered). */
  promptAfter: number | null;
}

export function sessionEnd(session: SessionRecord, now: number): number {
  return Math.max(session.startedAt, session.endedAt ?? now);
}
