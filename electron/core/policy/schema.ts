// The policy profile: every number the companion enforces comes from here, never from code.
import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/domain';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM, e.g. 08:00');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** Office zones of Indonesia: WIB, WITA and WIT. Indonesia has no daylight saving time. */
export const policyZoneSchema = z.enum([
  'Asia/Jakarta',
  'Asia/Pontianak',
  'Asia/Makassar',
  'Asia/Jayapura',
]);

/** One working day's hours in the policy zone; breakMinutes are not counted towards the cap. */
export const daySchema = z
  .object({ start: clockTime, end: clockTime, breakMinutes: z.number().int().min(0).max(240) })
  .refine((day) => day.start < day.end, { message: 'start must be earlier than end', path: ['end'] });

/** ISO weekday (1 = Monday … 7 = Sunday) to that day's hours; a missing day is not a working day. */
const weekScheduleSchema = z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), daySchema);

const cidrSchema = z
  .string()
  .regex(/^(\d{1,3})(\.\d{1,3}){3}\/(\d|[12]\d|3[0-2])$/, 'must be an IPv4 subnet written a.b.c.d/n');

const jobCategorySchema = z.object({
  name: localizedTextSchema,
  wfhPercent: z.number().min(0).max(100),
  wfhDaysPerWeek: z.number().int().min(0).max(7),
});

export const policySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must use lowercase letters, digits and hyphens'),
  version: z.string().min(1),
  name: localizedTextSchema,
  source: localizedTextSchema,
  zone: policyZoneSchema,
  worktime: z.object({
    weeklyCapMinutes: z.number().int().min(60).max(7 * 24 * 60),
    schedule: weekScheduleSchema,
    /** Shorter hours during Ramadan, applied between the two dates inclusive. */
    ramadan: z
      .object({ from: isoDate, to: isoDate, schedule: weekScheduleSchema, weeklyMinimumMinutes: z.number().int() })
      .optional(),
  }),
  speed: z.object({
    minDownloadMbps: z.number().positive(),
    minUploadMbps: z.number().positive(),
    /**
     * What the threshold means: "link-rate" is the line's nominal rate, so the measured TCP goodput
     * (about 94% of the link rate on Ethernet framing) is scaled up before comparing; "goodput"
     * compares the measured payload rate directly.
     */
    thresholdMeaning: z.enum(['link-rate', 'goodput']),
    /** Base URL of a Cloudflare-style endpoint (GET /__down?bytes=N, POST /__up); null means not configured. */
    endpoint: z.string().url().nullable(),
  }),
  vpn: z.object({
    /** Addresses reachable only through the agency VPN, as subnets. */
    internalSubnets: z.array(cidrSchema),
    /** Adapter name fragments of the agency's VPN client; a hint only, never proof. */
    adapterHints: z.array(z.string().min(1)),
  }),
  power: z.object({
    minBatteryHealthPercent: z.number().min(0).max(100),
    minChargePercent: z.number().min(0).max(100),
    minUpsRuntimeSeconds: z.number().int().min(0),
  }),
  requests: z.object({
    urgentResponseMinutes: z.number().int().positive(),
    emergencyResponseMinutes: z.number().int().positive(),
  }),
  jobCategories: z.object({
    administrative: jobCategorySchema,
    publicService: jobCategorySchema,
    supervisionAudit: jobCategorySchema,
  }),
});

export type Policy = z.infer<typeof policySchema>;
export type DaySchedule = z.infer<typeof daySchema>;
