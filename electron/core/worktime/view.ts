// Builds what the Jam Kerja page shows from the worktime model.
import type { AwayInterval, WorkDay, WorkTimeView } from '../../../shared/worktime';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import type { AwayRecord } from './records';
import type { WorktimeService } from './service';
import type { DaySummary } from './summary';
import { summarizeDays } from './summary';
import { addDays, dateKey, MINUTE, startOfDay } from './zoned-time';

function minutes(ms: number): number {
  return Math.floor(ms / MINUTE);
}

function toAwayInterval(away: AwayRecord, now: number): AwayInterval {
  return {
    id: away.id,
    startedAt: away.startedAt,
    endedAt: away.endedAt,
    reason: away.reason,
    decision: away.decision,
    decidedAt: away.decidedAt,
    minutes: minutes((away.endedAt ?? now) - away.startedAt),
  };
}

function toWorkDay(day: DaySummary, calendar: WorkCalendar): WorkDay {
  const calendarDay = calendar.day(day.date);
  return {
    date: day.date,
    working: day.working,
    window: day.window,
    dayOff: calendarDay.working ? null : calendarDay.reason,
    normMinutes: minutes(day.normMs),
    workedMinutes: minutes(day.workedMs),
    keptMinutes: minutes(day.keptMs),
    discardedMinutes: minutes(day.discardedMs),
    pendingMinutes: minutes(day.pendingMs),
    outsideWindowMinutes: minutes(day.outsideWindowMs),
    flags: day.flags,
  };
}

/** The week and month that contain `date` (today by default) in the policy zone. */
export function buildWorkTimeView(service: WorktimeService, policy: Policy, calendar: WorkCalendar, date?: string): WorkTimeView {
  const now = service.now();
  const zone = policy.zone;
  const today = dateKey(now, zone);
  const shown = date ?? today;

  const week = service.attendance.week(shown);
  const monthStart = `${shown.slice(0, 7)}-01`;
  const nextMonth = addDays(monthStart, 32).slice(0, 7) + '-01';
  const monthInput = service.attendance.records(startOfDay(monthStart, zone), startOfDay(nextMonth, zone));
  const monthDays = summarizeDays(monthInput, monthStart, nextMonth);

  const weekFrom = startOfDay(week.weekStart, zone);
  const weekTo = startOfDay(addDays(week.weekStart, 7), zone);
  const aways = service.attendance.repository
    .awaysBetween(weekFrom, weekTo)
    .map((away) => toAwayInterval(away, now))
    .reverse();
  const prompt = service.prompts.due();
  const idle = service.presence.idleDetection();
  const plan = service.planner.week(shown);

  return {
    zone,
    today,
    week: {
      weekStart: week.weekStart,
      days: week.days.map((day) => toWorkDay(day, calendar)),
      workedMinutes: minutes(week.workedMs),
      pendingMinutes: minutes(week.pendingMs),
      capMinutes: policy.worktime.weeklyCapMinutes,
      overCapMinutes: minutes(week.overCapMs),
      noticeAtMinutes: policy.worktime.cap.notifyAtMinutes,
      capEndsSession: policy.worktime.cap.onReach === 'end-session',
    },
    month: { month: shown.slice(0, 7), days: monthDays.map((day) => toWorkDay(day, calendar)) },
    aways,
    prompt: prompt ? toAwayInterval(prompt, now) : null,
    idleDetection: idle.available ? { available: true, reason: null } : { available: false, reason: idle.reason },
    wfh: {
      jobCategory: plan.jobCategory,
      jobCategoryName: policy.jobCategories[plan.jobCategory].name,
      quotaDays: plan.quotaDays,
      usedDays: plan.usedDays,
      leftDays: plan.leftDays,
      exceeded: plan.exceeded,
      days: plan.days,
      categories: (['administrative', 'publicService', 'supervisionAudit'] as const).map((id) => ({
        id,
        name: policy.jobCategories[id].name,
        quotaDays: policy.jobCategories[id].wfhDaysPerWeek,
      })),
    },
  };
}
