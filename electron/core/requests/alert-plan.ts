// When each request alerts, as pure functions of the request, the policy and the wall clock: once
// when it arrives, at the policy's shares of the deadline, and when the deadline passes. The alert
// scheduler puts the result on timers and records what it raised.
import type { RequestAlertKind, RequestLevel } from '../../../shared/requests';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { addDays, dateKey, zonedInstant } from '../worktime/zoned-time';

export interface PlannedAlert {
  /** Stable per request: 'new', 'reminder:<fraction>' or 'overdue'. */
  key: string;
  kind: RequestAlertKind;
  fraction: number | null;
  /** When the alert is meant for (UTC ms), before the working window is applied. */
  at: number;
}

export interface AlertTiming {
  sentAt: number;
  receivedAt: number;
  dueAt: number;
}

/** How far ahead the next working window is searched; two weeks cover the longest holiday run of 2026. */
const WINDOW_SEARCH_DAYS = 14;

/** Every alert of a request in time order; a tie keeps the order new, reminders, overdue. */
export function alertPlan(request: AlertTiming, reminderFractions: readonly number[]): PlannedAlert[] {
  const span = request.dueAt - request.sentAt;
  const alerts: PlannedAlert[] = [{ key: 'new', kind: 'new', fraction: null, at: request.receivedAt }];

  for (const fraction of [...new Set(reminderFractions)].sort((a, b) => a - b)) {
    alerts.push({ key: `reminder:${fraction}`, kind: 'reminder', fraction, at: request.sentAt + Math.round(span * fraction) });
  }

  alerts.push({ key: 'overdue', kind: 'overdue', fraction: null, at: request.dueAt });
  return alerts.map((alert, order) => ({ alert, order })).sort((a, b) => a.alert.at - b.alert.at || a.order - b.order).map(({ alert }) => alert);
}

/**
 * The earliest moment at or after `instant` inside a working window in the policy zone. Returns the
 * instant itself when no window opens within WINDOW_SEARCH_DAYS, so an alert is late, never lost.
 */
export function nextWindowMoment(instant: number, policy: Policy, calendar: WorkCalendar): number {
  const zone = policy.zone;
  let date = dateKey(instant, zone);
  for (let offset = 0; offset < WINDOW_SEARCH_DAYS; offset++, date = addDays(date, 1)) {
    const day = calendar.day(date);
    if (!day.working) continue;

    const start = zonedInstant(date, day.schedule.start, zone);
    const end = zonedInstant(date, day.schedule.end, zone);
    if (instant < start) return start;
    if (instant < end) return instant;
  }
  return instant;
}

/** Returns when an alert planned for `at` may be raised: at once, or when the window opens if the policy makes the level wait. */
export function releaseTime(at: number, level: RequestLevel, policy: Policy, calendar: WorkCalendar): number {
  if (policy.requests.handling.outsideWindow[level] === 'alert') return at;
  return nextWindowMoment(at, policy, calendar);
}

export interface AlertDecision {
  /** The one alert to raise now, or null. */
  raise: (PlannedAlert & { releasedAt: number }) | null;
  /** Alerts whose time passed but that another, later alert makes pointless; recorded, never raised. */
  skip: PlannedAlert[];
  /** The earliest release time of an alert still to come, or null. */
  nextAt: number | null;
}

/**
 * Decides the alerts of one unanswered request at `now`, by one written rule: of the alerts that are
 * due and not yet decided, only the latest is raised. The earlier ones no longer matter (a reminder
 * at half the deadline says nothing once nine tenths have passed), so after sleep or a held window
 * a missed alert fires at most once.
 */
export function decideAlerts(
  request: AlertTiming & { level: RequestLevel },
  decided: ReadonlySet<string>,
  now: number,
  policy: Policy,
  calendar: WorkCalendar,
): AlertDecision {
  const pending = alertPlan(request, policy.requests.handling.reminderFractions).filter((alert) => !decided.has(alert.key));
  const timed = pending.map((alert) => ({ ...alert, releasedAt: releaseTime(alert.at, request.level, policy, calendar) }));

  const due = timed.filter((alert) => alert.releasedAt <= now);
  const upcoming = timed.filter((alert) => alert.releasedAt > now).map((alert) => alert.releasedAt);
  const raise = due.at(-1) ?? null;
  return {
    raise,
    skip: due.slice(0, -1),
    nextAt: upcoming.length > 0 ? Math.min(...upcoming) : null,
  };
}
