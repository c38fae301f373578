// Policy settings of the mandatory digital-literacy training.
import { z } from 'zod';

export const trainingPolicySchema = z.object({
  /** First day of the programme in the policy zone, YYYY-MM-DD; null when the profile sets no programme. */
  programmeStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD').nullable(),
  /** Months from the programme start within which the training must be certified. */
  deadlineMonths: z.number().int().min(1).max(60),
  /** Monthly competency allowance after certification, whole rupiah; null when no source confirms it. */
  competencyAllowanceRupiah: z.number().int().positive().nullable(),
  /** Reminders fire this many days before the deadline (0 is the deadline day itself), at reminderTime. */
  reminderDaysBefore: z.array(z.number().int().min(0).max(365)).max(8),
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM, e.g. 08:00'),
});
export type TrainingPolicy = z.infer<typeof trainingPolicySchema>;

/** For profiles stored before training existed: no programme, so no deadline and no reminders. */
export const trainingUnset: TrainingPolicy = {
  programmeStart: null,
  deadlineMonths: 6,
  competencyAllowanceRupiah: null,
  reminderDaysBefore: [],
  reminderTime: '09:00',
};
