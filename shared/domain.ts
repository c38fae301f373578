// Domain types shared by the core, the shell, the renderer and the reference central server.
// Zod schemas are the source of truth; the TypeScript types are inferred from them.
import { z } from 'zod';

export const verdictSchema = z.enum(['pass', 'warn', 'fail', 'unknown', 'error']);
export type Verdict = z.infer<typeof verdictSchema>;

/** Text in both product languages; Bahasa Indonesia is the default. */
export const localizedTextSchema = z.object({ id: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const checkNameSchema = z.enum(['speed', 'vpn', 'power']);
export type CheckName = z.infer<typeof checkNameSchema>;

/** Outcome of one workstation check, with what was seen and what the policy required. */
export const checkResultSchema = z.object({
  check: checkNameSchema,
  verdict: verdictSchema,
  summary: localizedTextSchema,
  /** Measured facts behind the verdict, e.g. { downloadMbps: 94.1, bytesUsed: 5242880 }. */
  evidence: z.record(z.string(), z.unknown()),
  /** The policy values the evidence was held against, e.g. { minDownloadMbps: 10 }. */
  policy: z.record(z.string(), z.unknown()),
  remediation: z.array(localizedTextSchema),
  startedAt: z.number().int(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** The stored record of one compliance run. */
export const complianceSnapshotSchema = z.object({
  id: z.string(),
  createdAt: z.number().int(),
  policyId: z.string(),
  policyVersion: z.string(),
  /** The worst verdict of the checks: error > fail > warn > unknown > pass. */
  overall: verdictSchema,
  checks: z.array(checkResultSchema),
});
export type ComplianceSnapshot = z.infer<typeof complianceSnapshotSchema>;

export const workModeSchema = z.enum(['wfh', 'office']);
export type WorkMode = z.infer<typeof workModeSchema>;

export const openSessionSchema = z.object({
  id: z.string(),
  mode: workModeSchema,
  startedAt: z.number().int(),
});

/** Attendance as the home page and the CLI show it; minutes are whole minutes in the policy zone. */
export const attendanceStatusSchema = z.object({
  checkedIn: z.boolean(),
  session: openSessionSchema.nullable(),
  zone: z.string(),
  /** Working day in the policy zone, YYYY-MM-DD. */
  today: z.string(),
  todayMinutes: z.number().int().nonnegative(),
  weekMinutes: z.number().int().nonnegative(),
  weeklyCapMinutes: z.number().int().positive(),
  /** Working window of today in the policy zone ("08:00"), null on a non-working day. */
  window: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** Why today has no window: a weekend or the holiday's name. */
  dayOff: localizedTextSchema.nullable(),
});
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const outboxStateSchema = z.enum(['queued', 'in_flight', 'sent', 'dead']);
export type OutboxState = z.infer<typeof outboxStateSchema>;

export const outboxCountsSchema = z.object({
  queued: z.number().int().nonnegative(),
  inFlight: z.number().int().nonnegative(),
  sent: z.number().int().nonnegative(),
  dead: z.number().int().nonnegative(),
});
export type OutboxCounts = z.infer<typeof outboxCountsSchema>;

export const enrollmentSchema = z.object({
  centralUrl: z.string(),
  deviceId: z.string(),
  enrolledAt: z.number().int(),
});

export const secureStorageSchema = z.object({
  available: z.boolean(),
  /** Which store holds secrets: the OS keychain, or process memory when none is available. */
  backend: z.enum(['keychain', 'memory']),
  reason: localizedTextSchema.nullable(),
});
export type SecureStorageStatus = z.infer<typeof secureStorageSchema>;

/** Everything the home page shows, read in one call. */
export const companionStatusSchema = z.object({
  attendance: attendanceStatusSchema,
  outbox: outboxCountsSchema,
  lastSnapshot: complianceSnapshotSchema.nullable(),
  enrollment: enrollmentSchema.nullable(),
  secureStorage: secureStorageSchema,
  demoMode: z.boolean(),
  policy: z.object({ id: z.string(), version: z.string(), name: localizedTextSchema }),
});
export type CompanionStatus = z.infer<typeof companionStatusSchema>;

export const flushResultSchema = z.object({
  attempted: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Why delivery stopped early, e.g. not enrolled or the server unreachable; null when it ran through. */
  stoppedBecause: localizedTextSchema.nullable(),
});
export type FlushResult = z.infer<typeof flushResultSchema>;

export const languageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof languageSchema>;
