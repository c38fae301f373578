// Day and week totals computed from sessions and away intervals, bucketed in the policy zone.
// Pure functions: the same records give the same totals whatever the operating system's zone is.
import type { WorkCalendar } from '../policy/calendar';
import { sessionEnd, type AwayRecord, type SessionFlag, type SessionRecord } from './records';
import { addDays, MINUTE, overlap, startOfDay, weekStartKey, zonedInstant, zoneOffset } from './zoned-time';

export type DayFlag = SessionFlag | 'outside-window' | 'pending-decision';

export interface DaySummary {
  date: string;
  working: boolean;
  /** Working window of the day in the policy zone, null on a day off. */
  window: { start: string; end: string } | null;
  /** Planned working time: the window minus the break, 0 on a day off. */
  normMs: number;
  /** Time checked in. elapsed = worked + discarded + pending, and worked includes kept away time. */
  elapsedMs: number;
  workedMs: number;
  keptMs: number;
  discardedMs: number;
  pendingMs: number;
  /** Worked time outside the day's window, or all worked time on a day off. */
  outsideWindowMs: number;
  flags: DayFlag[];
}

export interface WeekSummary {
  /** Monday of the week, YYYY-MM-DD in the policy zone. */
  weekStart: string;
  days: DaySummary[];
  workedMs: number;
  pendingMs: number;
  capMs: number;
  overCapMs: number;
}

export interface SummaryInput {
  sessions: readonly SessionRecord[];
  aways: readonly AwayRecord[];
  zone: string;
  calendar: WorkCalendar;
  /** End of the still-open session and away intervals. */
  now: number;
}

interface DayFrame {
  date: string;
  start: number;
  end: number;
  windowStart: number;
  windowEnd: number;
  summary: DaySummary;
  /** Time the session covered inside the window, before away time is removed. */
  sessionInWindow: number;
  excludedInWindow: number;
}

function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function emptyDay(date: string, calendar: WorkCalendar): DaySummary {
  const day = calendar.day(date);
  const window = day.working ? { start: day.schedule.start, end: day.schedule.end } : null;
  const normMs = day.working
    ? (clockMinutes(day.schedule.end) - clockMinutes(day.schedule.start) - day.schedule.breakMinutes) * MINUTE
    : 0;
  return {
    date,
    working: day.working,
    window,
    normMs,
    elapsedMs: 0,
    workedMs: 0,
    keptMs: 0,
    discardedMs: 0,
    pendingMs: 0,
    outsideWindowMs: 0,
    flags: [],
  };
}

const singleOffsetDays = new Map<string, boolean>();

function hasSingleOffset(date: string, dayStart: number, dayEnd: number, zone: string): boolean {
  const key = `${zone} ${date}`;
  let single = singleOffsetDays.get(key);
  if (single === undefined) {
    single = zoneOffset(dayStart, zone) === zoneOffset(dayEnd - 1, zone);
    if (singleOffsetDays.size > 20_000) singleOffsetDays.clear();
    singleOffsetDays.set(key, single);
  }
  return single;
}

/** Civil time of day as an instant, without a time-zone lookup when the day has one UTC offset. */
function timeOfDay(date: string, dayStart: number, dayEnd: number, time: string, zone: string): number {
  if (hasSingleOffset(date, dayStart, dayEnd, zone)) return dayStart + clockMinutes(time) * MINUTE;
  return zonedInstant(date, time, zone);
}

function buildFrames(from: string, to: string, zone: string, calendar: WorkCalendar): DayFrame[] {
  const frames: DayFrame[] = [];
  let start = startOfDay(from, zone);
  for (let date = from; date < to; ) {
    const next = addDays(date, 1);
    const end = startOfDay(next, zone);
    const summary = emptyDay(date, calendar);
    const windowStart = summary.window ? timeOfDay(date, start, end, summary.window.start, zone) : start;
    const windowEnd = summary.window ? timeOfDay(date, start, end, summary.window.end, zone) : start;
    frames.push({ date, start, end, windowStart, windowEnd, summary, sessionInWindow: 0, excludedInWindow: 0 });
    date = next;
    start = end;
  }
  return frames;
}

/** Index of the first frame that ends after the instant. */
function firstFrameAfter(frames: readonly DayFrame[], instant: number): number {
  let low = 0;
  let high = frames.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (frames[middle]!.end <= instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

function addFlag(summary: DaySummary, flag: DayFlag): void {
  if (!summary.flags.includes(flag)) summary.flags.push(flag);
}

/** Calls visit for every day frame that [start, end) touches, with the milliseconds inside that day. */
function forEachDay(
  frames: readonly DayFrame[],
  start: number,
  end: number,
  visit: (frame: DayFrame, ms: number, inWindowMs: number) => void,
): void {
  for (let index = firstFrameAfter(frames, start); index < frames.length; index++) {
    const frame = frames[index]!;
    if (frame.start >= end) break;
    const ms = overlap(start, end, frame.start, frame.end);
    if (ms > 0) visit(frame, ms, overlap(start, end, frame.windowStart, frame.windowEnd));
  }
}

/**
 * Totals for each civil day in [from, to) in the zone. Away time counts only inside its session;
 * kept time counts as worked, discarded and pending time do not.
 */
export function summarizeDays(input: SummaryInput, from: string, to: string): DaySummary[] {
  const frames = buildFrames(from, to, input.zone, input.calendar);
  if (frames.length === 0) return [];
  const sessions = new Map<string, SessionRecord>();

  for (const session of input.sessions) {
    sessions.set(session.id, session);
    forEachDay(frames, session.startedAt, sessionEnd(session, input.now), (frame, ms, inWindowMs) => {
      frame.summary.elapsedMs += ms;
      frame.sessionInWindow += inWindowMs;
      for (const flag of session.flags) addFlag(frame.summary, flag);
    });
  }

  for (const away of input.aways) {
    const session = sessions.get(away.sessionId);
    if (!session) continue;
    const start = Math.max(away.startedAt, session.startedAt);
    const end = Math.min(away.endedAt ?? input.now, sessionEnd(session, input.now));
    if (end <= start) continue;

    forEachDay(frames, start, end, (frame, ms, inWindowMs) => {
      const summary = frame.summary;
      if (away.decision === 'keep') {
        summary.keptMs += ms;
        return;
      }
      frame.excludedInWindow += inWindowMs;
      if (away.decision === 'pending') {
        summary.pendingMs += ms;
        addFlag(summary, 'pending-decision');
      } else {
        summary.discardedMs += ms;
      }
    });
  }

  return frames.map((frame) => {
    const summary = frame.summary;
    summary.workedMs = summary.elapsedMs - summary.discardedMs - summary.pendingMs;
    const workedInWindow = summary.window ? frame.sessionInWindow - frame.excludedInWindow : 0;
    summary.outsideWindowMs = Math.max(0, summary.workedMs - workedInWindow);
    if (summary.outsideWindowMs > 0) addFlag(summary, 'outside-window');
    return summary;
  });
}

function weekFromDays(weekStart: string, days: DaySummary[], capMs: number): WeekSummary {
  const workedMs = days.reduce((sum, day) => sum + day.workedMs, 0);
  const pendingMs = days.reduce((sum, day) => sum + day.pendingMs, 0);
  return { weekStart, days, workedMs, pendingMs, capMs, overCapMs: Math.max(0, workedMs - capMs) };
}

/** Summarizes the Monday-to-Sunday week in the policy zone that contains the date. */
export function summarizeWeek(input: SummaryInput, date: string, capMs: number): WeekSummary {
  const weekStart = weekStartKey(date);
  return weekFromDays(weekStart, summarizeDays(input, weekStart, addDays(weekStart, 7)), capMs);
}

/** Summarizes every Monday-to-Sunday week that touches the calendar year, in one pass over the records. */
export function summarizeYear(input: SummaryInput, year: number, capMs: number): WeekSummary[] {
  const first = weekStartKey(`${year}-01-01`);
  const last = addDays(weekStartKey(`${year}-12-31`), 7);
  const days = summarizeDays(input, first, last);
  const weeks: WeekSummary[] = [];
  for (let index = 0; index < days.length; index += 7) {
    weeks.push(weekFromDays(days[index]!.date, days.slice(index, index + 7), capMs));
  }
  return weeks;
}
