// Formatting of durations, clock times and measured values for the two product languages. Times are
// always shown in the policy zone (WIB, WITA or WIT), never in the zone of the computer.
import type { TFunction } from 'i18next';
import type { Language } from '../shared/domain';
import { zoneAbbreviation } from '../shared/zones';
import { localeOf } from './i18n';

/** "12 j 30 m" or "40 j" in Indonesian, "12 h 30 m" or "40 h" in English. */
export function formatDuration(t: TFunction, totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (minutes === 0) return t('worktime.hours', { hours });
  return t('worktime.hoursMinutes', { hours, minutes });
}

/** Indonesian writes clock times with a dot (08.00), English with a colon (08:00). */
export function formatClockText(clock: string, language: Language): string {
  return language === 'id' ? clock.replace(':', '.') : clock;
}

/** Clock time of an instant in the zone, followed by WIB/WITA/WIT. */
export function formatClock(instant: number, zone: string, language: Language): string {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
  return `${formatClockText(clock, language)} ${zoneAbbreviation(zone)}`;
}

/** Date and clock time of an instant in the zone, e.g. "2 Maret 2026, 08.15 WIB". */
export function formatDateTime(instant: number, zone: string, language: Language): string {
  const date = new Intl.DateTimeFormat(localeOf(language), { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(instant),
  );
  return `${date}, ${formatClock(instant, zone, language)}`;
}

/**
 * Formats with a fixed number of decimals, so that in Indonesian "3.842" (a thousands separator)
 * next to "3.788,8" is not misread as a decimal.
 */
export function formatNumber(value: number, language: Language, fractionDigits = 1): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
}

/** Formats a working day key (YYYY-MM-DD, a calendar date rather than an instant), e.g. "Jumat, 4 Desember 2026". */
export function formatDayKey(dayKey: string, language: Language): string {
  const [year, month, day] = dayKey.split('-').map(Number);
  const noonUtc = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12);
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(noonUtc),
  );
}
