// Time texts of urgent requests: the countdown to the deadline and the response time against it.
import type { TFunction } from 'i18next';
import type { UrgentRequestView } from '../../../shared/requests';

const SECOND_MS = 1_000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Formats a duration at the precision a countdown needs: hours and minutes from one hour up, minutes and
 * seconds below it, seconds under a minute. Negative durations count as zero.
 */
export function formatCountdownDuration(t: TFunction, durationMs: number): string {
  const ms = Math.max(0, durationMs);
  if (ms >= HOUR_MS) {
    return t('requests.durationHours', { hours: Math.floor(ms / HOUR_MS), minutes: Math.floor((ms % HOUR_MS) / MINUTE_MS) });
  }
  if (ms >= MINUTE_MS) {
    return t('requests.durationMinutes', { minutes: Math.floor(ms / MINUTE_MS), seconds: Math.floor((ms % MINUTE_MS) / SECOND_MS) });
  }
  return t('requests.durationSeconds', { seconds: Math.floor(ms / SECOND_MS) });
}

/** Tells whether a request still waits for its answer. */
export function isUnanswered(request: Pick<UrgentRequestView, 'state'>): boolean {
  return request.state !== 'answered';
}

/**
 * Tells whether a request is past its deadline at `now`. The page's clock runs between list reloads, so a
 * request the core last listed as open turns overdue here as soon as its deadline passes.
 */
export function isOverdueAt(request: Pick<UrgentRequestView, 'state' | 'dueAt'>, now: number): boolean {
  return request.state === 'overdue' || (isUnanswered(request) && now >= request.dueAt);
}

/** Formats "Sisa 29 menit 45 detik" before the deadline, "Lewat batas 5 menit 0 detik" after it. */
export function countdownText(t: TFunction, dueAt: number, now: number): string {
  const remaining = dueAt - now;
  if (remaining > 0) return t('requests.remaining', { time: formatCountdownDuration(t, remaining) });
  return t('requests.overdueBy', { time: formatCountdownDuration(t, -remaining) });
}

/** Formats "12 menit 0 detik dari batas 30 menit 0 detik, tepat waktu", or with the lateness; null while not answered. */
export function responseTimeText(t: TFunction, request: Pick<UrgentRequestView, 'responseTime'>): string | null {
  const { answeredAfterMs, allowedMs, onTime, overdueByMs } = request.responseTime;
  if (answeredAfterMs === null) return null;

  const taken = formatCountdownDuration(t, answeredAfterMs);
  const allowed = formatCountdownDuration(t, allowedMs);
  if (onTime === true) return t('requests.answeredOnTime', { taken, allowed });
  return t('requests.answeredLate', { taken, allowed, late: formatCountdownDuration(t, overdueByMs) });
}
