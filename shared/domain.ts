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

export const attestationKindSchema = z.enum(['dedicated-workspace', 'alternative-internet', 'agency-device']);
export type AttestationKind = z.infer<typeof attestationKindSchema>;

/** A workstation standard the user declares; the companion cannot measure it, so `basis` is always "declared". */
export const attestationSchema = z.object({
  kind: attestationKindSchema,
  holds: z.boolean(),
  /** Day of the declaration in the policy zone, YYYY-MM-DD. */
  declaredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  declaredAt: z.number().int(),
  basis: z.literal('declared'),
});
export type Attestation = z.infer<typeof attestationSchema>;

/** The stored record of one compliance run. */
export const complianceSnapshotSchema = z.object({
  id: z.string(),
  createdAt: z.number().int(),
  policyId: z.string(),
  policyVersion: z.string(),
  /** The worst verdict of the checks: error > fail > warn > unknown > pass. */
  overall: verdictSchema,
  checks: z.array(checkResultSchema),
  /** The user's declarations at the time of the run, marked as declared, not measured. */
  attestations: z.array(attestationSchema).optional(),
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
  /** WFH days of this week against the job category's quota; present in the companion's full status. */
  wfh: z
    .object({
      quotaDays: z.number().int().nonnegative(),
      usedDays: z.number().int().nonnegative(),
      leftDays: z.number().int().nonnegative(),
      exceeded: z.boolean(),
    })
    .optional(),
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

/** One outbox record as the Antrean page shows it: the exact payload that leaves the laptop. */
export const outboxItemSchema = z.object({
  id: z.string(),
  stream: z.string(),
  seq: z.number().int().positive(),
  type: z.string(),
  occurredAt: z.number().int(),
  state: outboxStateSchema,
  /** The payload exactly as stored and sent (JSON text). */
  payloadJson: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: z.number().int(),
  sentAt: z.number().int().nullable(),
  nextAttemptAt: z.number().int().nullable(),
  serverId: z.string().nullable(),
  /** The last error in English, as logs and the dead-record export carry it. */
  lastError: z.string().nullable(),
  /** The same reason in both languages; the server's own detail stays as the server wrote it. */
  lastErrorText: localizedTextSchema.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxItemSchema),
  /** True when more records exist than the list holds. */
  truncated: z.boolean(),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

/** Dead records exported for the user to keep or hand to IT support. */
export const deadExportSchema = z.object({
  fileName: z.string(),
  json: z.string(),
  count: z.number().int().nonnegative(),
});
export type DeadExport = z.infer<typeof deadExportSchema>;

export const enrollmentSchema = z.object({
  centralUrl: z.string(),
  deviceId: z.string(),
  enrolledAt: z.number().int(),
});

export const secureStorageSchema = z.object({
  available: z.boolean(),
  /** Store that contains the secrets: the OS keychain, or process memory when none is available. */
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
  /** Description of the data lost when the database was restored from a backup, shown until the user dismisses it. */
  storageNotice: localizedTextSchema.nullable().optional(),
  /**
   * Colour of the tray icon: the latest snapshot's overall verdict reduced to pass, warn or fail.
   * `unknown` and `error` become warn, because nothing was measured, so neither can show as pass.
   * Null (a grey icon) while not checked in or before the first snapshot.
   */
  complianceWorst: z.enum(['pass', 'warn', 'fail']).nullable().optional(),
});
export type CompanionStatus = z.infer<typeof companionStatusSchema>;

export const flushResultSchema = z.object({
  attempted: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Reason delivery stopped early (not enrolled, server unreachable), or null when every due item was attempted. */
  stoppedBecause: localizedTextSchema.nullable(),
});
export type FlushResult = z.infer<typeof flushResultSchema>;

export const languageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof languageSchema>;
