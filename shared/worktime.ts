// Schemas of the working-time view that the Jam Kerja page and the return prompt read from the core.
// Minutes are whole minutes, instants are UTC milliseconds, and dates are YYYY-MM-DD in the policy zone.
import { z } from 'zod';
import { localizedTextSchema } from './domain';

export const awayReasonSchema = z.enum(['sleep', 'lock', 'idle', 'gap', 'shutdown']);
export const awayDecisionSchema = z.enum(['pending', 'keep', 'discard', 'discard-and-check-out']);
export const returnChoiceSchema = z.enum(['keep', 'discard', 'discard-and-check-out']);
export type ReturnChoice = z.infer<typeof returnChoiceSchema>;

export const dayFlagSchema = z.enum([
  'clock-step',
  'clock-jump',
  'closed-at-heartbeat',
  'closed-at-sleep',
  'closed-at-shutdown',
  'cap-reached',
  'outside-window',
  'pending-decision',
]);
export type DayFlag = z.infer<typeof dayFlagSchema>;

export const awayIntervalSchema = z.object({
  id: z.string(),
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  reason: awayReasonSchema,
  decision: awayDecisionSchema,
  decidedAt: z.number().int().nullable(),
  minutes: z.number().int().nonnegative(),
});
export type AwayInterval = z.infer<typeof awayIntervalSchema>;

export const workDaySchema = z.object({
  date: z.string(),
  working: z.boolean(),
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  dayOff: localizedTextSchema.nullable(),
  normMinutes: z.number().int().nonnegative(),
  workedMinutes: z.number().int().nonnegative(),
  keptMinutes: z.number().int().nonnegative(),
  discardedMinutes: z.number().int().nonnegative(),
  pendingMinutes: z.number().int().nonnegative(),
  outsideWindowMinutes: z.number().int().nonnegative(),
  flags: z.array(dayFlagSchema),
});
export type WorkDay = z.infer<typeof workDaySchema>;

export const jobCategorySchema = z.enum(['administrative', 'publicService', 'supervisionAudit']);
export type JobCategory = z.infer<typeof jobCategorySchema>;
export const workPlaceSchema = z.enum(['wfh', 'office']);
/** Why an office day is required: a meeting, training, an inspection or service hours. */
export const officeExceptionSchema = z.enum(['meeting', 'training', 'inspection', 'service-hours']);
export type OfficeException = z.infer<typeof officeExceptionSchema>;

export const plannedDaySchema = z.object({
  date: z.string(),
  working: z.boolean(),
  place: workPlaceSchema.nullable(),
  exception: officeExceptionSchema.nullable(),
});

export const wfhWeekSchema = z.object({
  jobCategory: jobCategorySchema,
  jobCategoryName: localizedTextSchema,
  quotaDays: z.number().int().nonnegative(),
  usedDays: z.number().int().nonnegative(),
  leftDays: z.number().int().nonnegative(),
  exceeded: z.boolean(),
  days: z.array(plannedDaySchema),
  /** Every job category of the policy, with its weekly WFH quota. */
  categories: z.array(z.object({ id: jobCategorySchema, name: localizedTextSchema, quotaDays: z.number().int().nonnegative() })),
});

export const workTimeViewSchema = z.object({
  zone: z.string(),
  today: z.string(),
  week: z.object({
    weekStart: z.string(),
    days: z.array(workDaySchema),
    workedMinutes: z.number().int().nonnegative(),
    pendingMinutes: z.number().int().nonnegative(),
    capMinutes: z.number().int().positive(),
    overCapMinutes: z.number().int().nonnegative(),
    /** Thresholds before the cap at which a notice is shown. */
    noticeAtMinutes: z.array(z.number().int()),
    capEndsSession: z.boolean(),
  }),
  /** The calendar month that contains the shown date. */
  month: z.object({ month: z.string(), days: z.array(workDaySchema) }),
  /** Away intervals of the shown week, newest first. */
  aways: z.array(awayIntervalSchema),
  /** The away interval whose return prompt is due now, if any. */
  prompt: awayIntervalSchema.nullable(),
  idleDetection: z.object({ available: z.boolean(), reason: z.enum(['always-zero', 'frozen', 'contradicted']).nullable() }),
  wfh: wfhWeekSchema,
});
export type WorkTimeView = z.infer<typeof workTimeViewSchema>;
