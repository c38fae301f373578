// The weekly cap: notices at the policy's thresholds and at the cap, and the instant the cap was
// reached, so a policy that ends the session at the cap ends it exactly there.
import type { CapPolicy } from '../policy/schema';
import { sessionEnd, type AwayRecord, type SessionRecord } from './records';
import { MINUTE } from './zoned-time';

/** Thresholds in minutes, ascending, that the week's worked time has reached and that were not yet notified. */
export function capThresholdsReached(policy: CapPolicy, capMinutes: number, workedMs: number, notified: readonly number[]): number[] {
  const thresholds = [...new Set([...policy.notifyAtMinutes.filter((minutes) => minutes < capMinutes), capMinutes])].sort((a, b) => a - b);
  return thresholds.filter((minutes) => workedMs >= minutes * MINUTE && !notified.includes(minutes));
}

/**
 * Finds the instant inside the session at which `overMs` of worked time remained before `now`, walking
 * back over the session and skipping excluded away time. Returns the session start when the session
 * contains less worked time than that.
 */
export function instantBeforeNow(session: SessionRecord, aways: readonly AwayRecord[], now: number, overMs: number): number {
  const end = sessionEnd(session, now);
  const excluded = aways
    .filter((away) => away.sessionId === session.id && away.decision !== 'keep')
    .map((away) => ({ start: Math.max(away.startedAt, session.startedAt), end: Math.min(away.endedAt ?? now, end) }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => b.start - a.start);

  let remaining = overMs;
  let cursor = end;
  for (const range of excluded) {
    if (range.end >= cursor) {
      cursor = Math.min(cursor, range.start);
      continue;
    }
    const worked = cursor - range.end;
    if (worked >= remaining) return cursor - remaining;
    remaining -= worked;
    cursor = range.start;
  }
  return Math.max(session.startedAt, cursor - remaining);
}
