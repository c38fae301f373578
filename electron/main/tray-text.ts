// Turns a companion status into the short texts the tray shows: the worked-hours line, the queue
// lines and the tooltip.
import type { CompanionStatus, Language } from '../../shared/domain';
import { shellTexts, type ShellTexts } from '../../shared/locales/tray';

export function formatDuration(totalMinutes: number, texts: ShellTexts): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return minutes === 0 ? texts.hours(hours) : texts.hoursMinutes(hours, minutes);
}

/** Clock time of an instant in the policy zone, e.g. "08.00" in Indonesian and "08:00" in English. */
export function formatClock(instant: number, zone: string, language: Language): string {
  const format = new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(instant);
}

/** Disabled lines at the top of the menu: worked time or the day off, then the delivery queue. */
export function statusLines(status: CompanionStatus, language: Language): string[] {
  const texts = shellTexts[language];
  const { attendance, outbox } = status;
  const lines: string[] = [];

  if (attendance.dayOff !== null && !attendance.checkedIn) {
    lines.push(texts.dayOff(attendance.dayOff[language]));
  } else {
    const today = formatDuration(attendance.todayMinutes, texts);
    const week = formatDuration(attendance.weekMinutes, texts);
    const cap = formatDuration(attendance.weeklyCapMinutes, texts);
    lines.push(texts.workedLine(today, week, cap));
  }

  const pending = outbox.queued + outbox.inFlight;
  if (pending > 0) lines.push(texts.pending(pending));
  if (outbox.dead > 0) lines.push(texts.rejected(outbox.dead));
  return lines;
}

export function tooltipText(status: CompanionStatus, language: Language): string {
  const texts = shellTexts[language];
  const title = status.demoMode ? `${texts.productName} (${texts.demoMode})` : texts.productName;

  const session = status.attendance.session;
  const state =
    status.attendance.checkedIn && session !== null
      ? texts.workingSince(texts.mode[session.mode], formatClock(session.startedAt, status.attendance.zone, language))
      : texts.notCheckedIn;
  return `${title}\n${state}`;
}
