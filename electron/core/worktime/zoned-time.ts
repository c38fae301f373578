// Calendar arithmetic in an IANA zone, independent of the operating system's zone.
// Instants are UTC milliseconds; a date key is the civil date "YYYY-MM-DD" in the zone.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function zonedParts(instant: number, zone: string): ZonedParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at the instant, in milliseconds (WIB: +7 h). */
export function zoneOffset(instant: number, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (instant - (instant % 1000));
}

export function dateKey(instant: number, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function parseDateKey(key: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!match) throw new Error(`Invalid date "${key}": expected YYYY-MM-DD.`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The instant at which the civil time dateKey + hh:mm begins in the zone. */
export function zonedInstant(key: string, time: string, zone: string): number {
  const { year, month, day } = parseDateKey(key);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset even in zones with daylight saving time.
  const first = guess - zoneOffset(guess, zone);
  return guess - zoneOffset(first, zone);
}

const dayStarts = new Map<string, number>();

/** The instant the civil date begins in the zone; memoized, since totals ask for the same days again and again. */
export function startOfDay(key: string, zone: string): number {
  const cacheKey = `${zone} ${key}`;
  let instant = dayStarts.get(cacheKey);
  if (instant === undefined) {
    instant = zonedInstant(key, '00:00', zone);
    if (dayStarts.size > 20_000) dayStarts.clear();
    dayStarts.set(cacheKey, instant);
  }
  return instant;
}

/** ISO weekday of a civil date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(key: string): number {
  const { year, month, day } = parseDateKey(key);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function addDays(key: string, days: number): string {
  const { year, month, day } = parseDateKey(key);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY).toISOString().slice(0, 10);
}

/** Monday of the week that contains the civil date. */
export function weekStartKey(key: string): string {
  return addDays(key, 1 - isoWeekday(key));
}

/** Milliseconds of [start, end) that fall inside [from, to). */
export function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

export { MINUTE, DAY };
