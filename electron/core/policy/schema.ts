// The policy profile: every number the companion enforces comes from here, never from code.
import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/domain';
import { agencySupportSchema } from './agency-support';
import { allowancesPolicySchema, allowancesUnset } from '../claims/policy-schema';
import { trainingPolicySchema, trainingUnset } from '../training/policy-schema';
import { reportsPolicyDefaults, reportsPolicySchema } from '../reports/policy';
import { requestsHandlingDefaults, requestsHandlingSchema } from '../requests/policy-schema';

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

/**
 * How presence becomes away time. Interruptions shorter than awayThresholdMinutes count as work; longer
 * ones are excluded until the user decides. The heartbeat finds gaps when no power event arrived.
 */
const presenceSchema = z.object({
  awayThresholdMinutes: z.number().int().min(1).max(240),
  heartbeatSeconds: z.number().int().min(5).max(600),
  /** A wall clock that moves this much more or less than the monotonic clock between heartbeats is a jump or a step. */
  clockToleranceSeconds: z.number().int().min(1).max(3600),
  /** How long an unanswered return prompt waits before it is shown again. */
  promptAgainMinutes: z.number().int().min(1).max(24 * 60),
  /** Idle detection is marked unavailable after reading exactly 0 (or one unchanging value) for this long. */
  idleSuspectAfterMinutes: z.number().int().min(10).max(24 * 60),
});

/** Notifications before and at the weekly cap, and what reaching the cap does to a running session. */
const capSchema = z.object({
  notifyAtMinutes: z.array(z.number().int().positive()).max(5),
  onReach: z.enum(['warn', 'end-session']),
});

const remindersSchema = z.object({
  /** The daily report reminder fires this many minutes before the window ends. */
  reportMinutesBeforeEnd: z.number().int().min(0).max(240),
  /** A reminder missed during sleep fires once on wake only within this many minutes of its time. */
  missedGraceMinutes: z.number().int().min(0).max(240),
  weeklyMeeting: z.object({ weekday: z.number().int().min(1).max(7), time: clockTime }).nullable(),
});

/**
 * When the companion runs the compliance checks on its own while the user is checked in: at check-in,
 * every `everyHours`, when the network interfaces change and on resume. Each trigger waits a random
 * 0 to `jitterSeconds` so that an agency's devices do not hit the speed endpoint at the same second.
 */
const complianceScheduleSchema = z.object({
  everyHours: z.number().min(0.25).max(24),
  jitterSeconds: z.number().int().min(0).max(3600),
  /** How often the network interfaces are compared with the last reading. */
  networkPollSeconds: z.number().int().min(1).max(600),
  /** A check still running after this long is `error` ("timed out"); the other checks still finish. */
  checkTimeoutSeconds: z.object({
    speed: z.number().int().min(1).max(600),
    vpn: z.number().int().min(1).max(600),
    power: z.number().int().min(1).max(600),
  }),
});

// The article sets no interval, so these are product defaults: every 4 hours gives two runs in an
// 8-hour WFH day besides the one at check-in; 5 minutes of jitter spreads an agency's 08:00 check-ins
// over the speed endpoint; a 10-second poll of the interfaces costs one getifaddrs call. The speed
// test stops itself after about 10 s per direction plus latency probes, so 60 s only catches a hang;
// the VPN probe and a NUT server answer within seconds when they work at all.
export const complianceScheduleDefaults: z.infer<typeof complianceScheduleSchema> = {
  everyHours: 4,
  jitterSeconds: 300,
  networkPollSeconds: 10,
  checkTimeoutSeconds: { speed: 60, vpn: 30, power: 20 },
};

export const presenceDefaults: z.infer<typeof presenceSchema> = {
  awayThresholdMinutes: 5,
  heartbeatSeconds: 30,
  clockToleranceSeconds: 60,
  promptAgainMinutes: 30,
  idleSuspectAfterMinutes: 120,
};

export const remindersDefaults: z.infer<typeof remindersSchema> = {
  reportMinutesBeforeEnd: 30,
  missedGraceMinutes: 60,
  weeklyMeeting: { weekday: 1, time: '09:00' },
};

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
    // Profiles stored before these settings existed still load, with the defaults.
    presence: presenceSchema.default(presenceDefaults),
    cap: capSchema.default({ notifyAtMinutes: [36 * 60, 39 * 60], onReach: 'warn' }),
    reminders: remindersSchema.default(remindersDefaults),
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
    /** Runs the test on a metered connection without asking; absent or false reports `unknown` there instead. */
    allowMetered: z.boolean().optional(),
  }),
  vpn: z.object({
    /** Addresses reachable only through the agency VPN, as subnets. */
    internalSubnets: z.array(cidrSchema),
    /** Adapter name fragments of the agency's VPN client; a hint only, never proof. */
    adapterHints: z.array(z.string().min(1)),
    /** The agency's DNS suffixes, e.g. "kemenpan.go.id"; a configured search suffix below one is a hint only. */
    dnsSuffixes: z.array(z.string().regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.?$/, 'must be a DNS name, e.g. instansi.go.id')).optional(),
    /**
     * An HTTPS host reachable only through the agency VPN, and the SHA-256 fingerprint of the
     * certificate it must present. A reply with any other certificate means the traffic reached
     * someone else (a personal VPN, a captive portal), so the VPN is not connected.
     */
    probe: z
      .object({
        url: z.string().url().refine((url) => url.startsWith('https://'), 'must start with https://'),
        sha256: z
          .string()
          .regex(/^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$/, 'must be a SHA-256 fingerprint: 64 hex digits, colons allowed'),
      })
      .optional(),
  }),
  power: z.object({
    minBatteryHealthPercent: z.number().min(0).max(100),
    minChargePercent: z.number().min(0).max(100),
    minUpsRuntimeSeconds: z.number().int().min(0),
    /** A NUT server (upsd) to ask about the UPS; `ups` names one UPS, otherwise every UPS it lists is read. */
    nut: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(3493),
        ups: z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be a UPS name as upsd lists it').optional(),
      })
      .optional(),
  }),
  // Profiles stored before the schedule existed still load, with the defaults.
  complianceSchedule: complianceScheduleSchema.default(complianceScheduleDefaults),
  requests: z.object({
    urgentResponseMinutes: z.number().int().positive(),
    emergencyResponseMinutes: z.number().int().positive(),
    // Profiles stored before polling, reminders and answers existed still load, with the defaults.
    handling: requestsHandlingSchema.default(requestsHandlingDefaults),
  }),
  jobCategories: z.object({
    administrative: jobCategorySchema,
    publicService: jobCategorySchema,
    supervisionAudit: jobCategorySchema,
  }),
  // Profiles stored before allowances and training existed load with nothing claimable and no programme.
  allowances: allowancesPolicySchema.default(allowancesUnset),
  training: trainingPolicySchema.default(trainingUnset),
  // Profiles stored before reports had settings load with a 10 MiB attachment limit and no central targets.
  reports: reportsPolicySchema.default(reportsPolicyDefaults),
  /** Helpdesk contacts and extra steps that end a failing or warning check's remediation. */
  agencySupport: agencySupportSchema.optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type DaySchedule = z.infer<typeof daySchema>;
export type PresencePolicy = z.infer<typeof presenceSchema>;
export type CapPolicy = z.infer<typeof capSchema>;
export type RemindersPolicy = z.infer<typeof remindersSchema>;
export type ComplianceSchedulePolicy = z.infer<typeof complianceScheduleSchema>;
export type JobCategory = keyof Policy['jobCategories'];
