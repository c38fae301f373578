// The training deadline and its reminders, from the policy. Pure functions of dates in the policy zone.
import type { LocalizedText } from '../../../shared/domain';
import { formatRupiah } from '../../../shared/claims';
import type { Reminder } from '../scheduler/reminders';
import { addDays, dateKey, zonedInstant } from '../worktime/zoned-time';
import type { TrainingPolicy } from './policy-schema';

/**
 * Returns the last day of a period of `months` months starting on `start` (YYYY-MM-DD): 6 months from
 * 2026-01-01 ends on 2026-06-30. A start on the 31st of a month ends on the day before the same
 * day number, clamped to the month's length.
 */
export function lastDayOfMonths(start: string, months: number): string {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = month - 1 + months;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = (targetMonthIndex % 12) + 1;
  const daysInTarget = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const sameDay = `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, daysInTarget)).padStart(2, '0')}`;
  return addDays(sameDay, -1);
}

/** Returns the programme's last day to be certified, or null when the policy sets no programme. */
export function trainingDeadline(policy: TrainingPolicy): string | null {
  if (policy.programmeStart === null) return null;
  return lastDayOfMonths(policy.programmeStart, policy.deadlineMonths);
}

function reminderText(deadline: string, daysBefore: number, allowance: number | null): LocalizedText {
  const allowanceId = allowance === null ? '' : ` Sertifikat memberi tunjangan kompetensi ${formatRupiah(allowance)} per bulan.`;
  const allowanceEn = allowance === null ? '' : ` The certificate brings a competency allowance of ${formatRupiah(allowance)} a month.`;
  if (daysBefore === 0) {
    return {
      id: `Hari ini (${deadline}) batas akhir pelatihan literasi digital wajib.${allowanceId}`,
      en: `Today (${deadline}) is the deadline of the mandatory digital-literacy training.${allowanceEn}`,
    };
  }
  return {
    id: `Pelatihan literasi digital wajib selesai paling lambat ${deadline}, ${daysBefore} hari lagi.${allowanceId}`,
    en: `The mandatory digital-literacy training must be certified by ${deadline}, in ${daysBefore} days.${allowanceEn}`,
  };
}

/** Reminders still ahead of `now`, earliest first; none once certified or without a programme. */
export function upcomingTrainingReminders(policy: TrainingPolicy, zone: string, now: number, certified: boolean): Reminder[] {
  const deadline = trainingDeadline(policy);
  if (deadline === null || certified) return [];

  const leadTimes = [...new Set(policy.reminderDaysBefore)];
  return leadTimes
    .map((daysBefore): Reminder => {
      const date = addDays(deadline, -daysBefore);
      return {
        kind: 'training-deadline',
        at: zonedInstant(date, policy.reminderTime, zone),
        date,
        text: reminderText(deadline, daysBefore, policy.competencyAllowanceRupiah),
      };
    })
    .filter((reminder) => reminder.at > now)
    .sort((a, b) => a.at - b.at);
}

/** Whole days from today to the deadline in the zone; negative once it has passed. */
export function daysUntil(deadline: string, now: number, zone: string): number {
  const today = dateKey(now, zone);
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
