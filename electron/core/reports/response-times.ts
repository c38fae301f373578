// Response times to urgent requests for the dashboard, from the requests stored on the device
// (migration 0004). Times run from the moment the central system sent a request to the user's answer.
import type { ResponseTimes } from '../../../shared/reports';

/** The fields of a stored urgent request that response times need. */
export interface RequestTiming {
  sentAt: number;
  dueAt: number;
  answeredAt: number | null;
}

const MINUTE = 60_000;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Figures of the requests sent during the last `windowDays` days before `now`; minutes rounded to one decimal. */
export function summarizeResponseTimes(requests: readonly RequestTiming[], now: number, windowDays: number): ResponseTimes {
  const since = now - windowDays * 24 * 60 * MINUTE;
  const recent = requests.filter((request) => request.sentAt >= since && request.sentAt <= now);
  const answered = recent.filter((request) => request.answeredAt !== null);
  const minutes = answered.map((request) => Math.max(0, request.answeredAt! - request.sentAt) / MINUTE).sort((a, b) => a - b);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

  return {
    available: true,
    windowDays,
    requests: recent.length,
    answered: answered.length,
    answeredInTime: answered.filter((request) => request.answeredAt! <= request.dueAt).length,
    answeredLate: answered.filter((request) => request.answeredAt! > request.dueAt).length,
    overdue: recent.filter((request) => request.answeredAt === null && request.dueAt < now).length,
    medianMinutes: round(median(minutes)),
    maxMinutes: round(minutes.at(-1) ?? null),
  };
}
