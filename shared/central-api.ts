// Wire schemas of the central API: the client validates every response with them, and the
// reference server in central/ validates every request. Paths are versioned under /v1.
import { z } from 'zod';
import { allowanceTypeSchema, claimPeriodSchema, receiptMediaTypeSchema } from './claims';
import { checkNameSchema, complianceSnapshotSchema, localizedTextSchema, verdictSchema } from './domain';
import { weeklyTotalsSchema } from './reports';

export const CENTRAL_API_VERSION = 'v1';

export const enrollRequestSchema = z.object({
  code: z.string().min(1).max(128),
  deviceName: z.string().max(200).optional(),
  /** The device's Ed25519 public key (SPKI DER, base64) that signs its compliance snapshots. */
  publicKey: z.string().min(1).max(200).optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string().min(1),
  token: z.string().min(16),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const eventTypeSchema = z.enum([
  'attendance.check_in',
  'attendance.check_out',
  'compliance.snapshot',
  'request.acknowledged',
  'request.answered',
  'claim.submitted',
  'report.daily_report',
  'report.weekly_summary',
]);
export type EventType = z.infer<typeof eventTypeSchema>;

/** One event as it travels: the client id is the idempotency key the server deduplicates on. */
export const wireEventSchema = z.object({
  id: z.string().min(1).max(64),
  stream: z.string().min(1).max(64),
  seq: z.number().int().positive(),
  type: eventTypeSchema,
  occurredAt: z.number().int(),
  payload: z.record(z.string(), z.unknown()),
});
export type WireEvent = z.infer<typeof wireEventSchema>;

export const eventBatchRequestSchema = z.object({
  events: z.array(wireEventSchema).min(1).max(500),
});
export type EventBatchRequest = z.infer<typeof eventBatchRequestSchema>;

export const eventResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('accepted'), serverId: z.string() }),
  z.object({ id: z.string(), status: z.literal('duplicate'), serverId: z.string() }),
  z.object({ id: z.string(), status: z.literal('rejected'), reason: z.string() }),
]);
export type EventResult = z.infer<typeof eventResultSchema>;

export const eventBatchResponseSchema = z.object({
  results: z.array(eventResultSchema),
});
export type EventBatchResponse = z.infer<typeof eventBatchResponseSchema>;

/** One stored event as GET /admin/events lists it. */
export const receivedEventSchema = wireEventSchema.extend({
  serverId: z.string(),
  deviceId: z.string(),
  receivedAt: z.number().int(),
});
export type ReceivedEvent = z.infer<typeof receivedEventSchema>;

export const adminEventsResponseSchema = z.object({
  events: z.array(receivedEventSchema),
});

export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

// Urgent requests: POST /admin/requests, GET /v1/requests and the payloads of the request.* events.
// POST /v1/requests/ack is retired: acknowledgements travel as request.acknowledged events, which
// carry the click time and survive an offline laptop in the outbox.
export * from './central-api-requests';

/**
 * GET /v1/policy: the policy the agency assigns to the device. The profile is validated by the
 * device's policy store against its own schema; the wire only promises an object. The reply carries an
 * ETag, and a request with If-None-Match of the same tag gets 304 without a body.
 */
export const policyDocumentSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  profile: z.record(z.string(), z.unknown()),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

// Device keys and signed snapshots. The device signs the canonical JSON of each snapshot (keys
// sorted, no whitespace) with its Ed25519 key and sends the signature inside the snapshot payload,
// so the helpdesk can check it against the key registered at enrollment.

/** Ed25519 signature over the canonical JSON of the snapshot without this field. */
export const snapshotSignatureSchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    /** First 16 hex digits of the SHA-256 of the public key's SPKI bytes. */
    keyId: z.string().min(1).max(64),
    /** SPKI DER of the public key, base64. */
    publicKey: z.string().min(1).max(200),
    /** The 64-byte signature, base64. */
    value: z.string().min(1).max(200),
  })
  .strict();
export type SnapshotSignature = z.infer<typeof snapshotSignatureSchema>;

/** Payload of a compliance.snapshot event: the snapshot, signed unless the device had no key at the time. */
export const signedSnapshotPayloadSchema = complianceSnapshotSchema.extend({
  signature: snapshotSignatureSchema.optional(),
});
export type SignedSnapshotPayload = z.infer<typeof signedSnapshotPayloadSchema>;

/** PUT /v1/device-key: replaces the public key registered for the calling device. */
export const deviceKeyRequestSchema = z.object({
  publicKey: z.string().min(1).max(200),
});

export const deviceKeyResponseSchema = z.object({
  keyId: z.string().min(1),
});

/**
 * How the server judged a stored snapshot: `valid` and `invalid` were checked against the device's
 * registered key; `unsigned` carries no signature; `no_key` means the device registered no key.
 */
export const snapshotVerificationSchema = z.object({
  status: z.enum(['valid', 'invalid', 'unsigned', 'no_key']),
  /** Why the snapshot is not valid, in both languages; null when valid. */
  reason: localizedTextSchema.nullable(),
});
export type SnapshotVerification = z.infer<typeof snapshotVerificationSchema>;

/** One device as the helpdesk sees it (GET /admin/devices, GET /helpdesk). */
export const helpdeskDeviceSchema = z.object({
  deviceId: z.string().min(1),
  deviceName: z.string().nullable(),
  enrolledAt: z.number().int(),
  /** Time of the device's last authenticated request, or null when it made none since enrolling. */
  lastSeenAt: z.number().int().nullable(),
  /** Key id of the registered public key, or null when none is registered. */
  keyId: z.string().nullable(),
  latestSnapshot: z
    .object({
      id: z.string(),
      createdAt: z.number().int(),
      overall: verdictSchema,
      checks: z.array(z.object({ check: checkNameSchema, verdict: verdictSchema })),
      verification: snapshotVerificationSchema,
    })
    .nullable(),
});
export type HelpdeskDevice = z.infer<typeof helpdeskDeviceSchema>;

export const adminDevicesResponseSchema = z.object({
  devices: z.array(helpdeskDeviceSchema),
});

export const healthResponseSchema = z.object({
  ok: z.boolean(),
});

// Allowance claims and training. A claim travels as a `claim.submitted` event on the "claims" stream
// with its receipts inline in base64; the device then polls GET /v1/claims for the decisions.

/** One receipt inside a claim.submitted event; the server checks the hash and size against the content. */
export const claimReceiptWireSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().positive(),
  mediaType: receiptMediaTypeSchema,
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().min(1),
});

/** Payload of a claim.submitted event. */
export const claimSubmittedPayloadSchema = z.object({
  claimId: z.string().min(1).max(64),
  allowanceType: allowanceTypeSchema,
  period: claimPeriodSchema,
  amountRupiah: z.number().int().positive(),
  description: z.string().max(500),
  submittedAt: z.number().int(),
  receipts: z.array(claimReceiptWireSchema).min(1).max(3),
});
export type ClaimSubmittedPayload = z.infer<typeof claimSubmittedPayloadSchema>;

export const centralClaimStatusSchema = z.object({
  claimId: z.string().min(1),
  status: z.enum(['submitted', 'approved', 'rejected', 'paid']),
  /** The reason given with a rejection; null otherwise. */
  reason: z.string().nullable(),
  receivedAt: z.number().int(),
  decidedAt: z.number().int().nullable(),
  paidAt: z.number().int().nullable(),
});
export type CentralClaimStatus = z.infer<typeof centralClaimStatusSchema>;

/** GET /v1/claims: every claim the calling device submitted, with an ETag for conditional requests. */
export const claimStatusesResponseSchema = z.object({
  claims: z.array(centralClaimStatusSchema),
});

/** POST /admin/claims/decision: an administrator approves, rejects (with a reason) or marks a claim paid. */
export const claimDecisionRequestSchema = z.object({
  claimId: z.string().min(1),
  action: z.enum(['approve', 'reject', 'pay']),
  reason: z.string().min(1).max(1000).optional(),
});
export type ClaimDecisionRequest = z.infer<typeof claimDecisionRequestSchema>;

export const trainingModuleWireSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  completedAt: z.number().int().nullable(),
});

export const trainingCertificateWireSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  issuedAt: z.number().int(),
});

/** GET /v1/training: the modules and certificates the LMS reports for the calling device. */
export const trainingRecordSchema = z.object({
  modules: z.array(trainingModuleWireSchema).max(200),
  certificates: z.array(trainingCertificateWireSchema).max(50),
});
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

/** POST /admin/training: replaces the training record of one device. */
export const setTrainingRequestSchema = trainingRecordSchema.extend({
  deviceId: z.string().min(1),
});

// Daily progress reports and weekly summaries travel as `report.daily_report` and
// `report.weekly_summary` events on the "reports" stream; the event's occurredAt is the submission time.
// Length bounds are those of REPORT_LIMITS in shared/reports.ts.

const reportDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One activity of a daily report; an attachment travels as its name, SHA-256 digest and size only. */
export const reportActivityWireSchema = z.object({
  id: z.string().min(1).max(64),
  description: z.string().max(1000),
  output: z.string().max(500),
  status: z.enum(['done', 'in_progress', 'blocked']),
  link: z.string().max(2000).nullable(),
  attachment: z
    .object({
      name: z.string().max(255),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().nonnegative(),
    })
    .nullable(),
  hours: z.number().nonnegative().nullable(),
  targetId: z.string().max(64).nullable(),
  quantity: z.number().int().nonnegative().nullable(),
});

/** Payload of a report.daily_report event. */
export const dailyReportPayloadSchema = z.object({
  date: reportDateSchema,
  /** Submitted after the report's own day ended in the policy zone. */
  late: z.boolean(),
  submittedAt: z.number().int(),
  revision: z.number().int().nonnegative(),
  activities: z.array(reportActivityWireSchema).min(1).max(30),
  obstacles: z.string().max(2000),
  plan: z.string().max(2000),
});
export type DailyReportPayload = z.infer<typeof dailyReportPayloadSchema>;

/** Payload of a report.weekly_summary event: the summary as the user submitted it. */
export const weeklySummaryPayloadSchema = z.object({
  weekStart: reportDateSchema,
  weekEnd: reportDateSchema,
  submittedAt: z.number().int(),
  totals: weeklyTotalsSchema,
  summaryText: z.string().max(10000),
  summaryEdited: z.boolean(),
  notes: z.string().max(4000),
  days: z
    .array(
      z.object({
        date: reportDateSchema,
        working: z.boolean(),
        status: z.enum(['submitted', 'draft', 'missing', 'not_required']),
        late: z.boolean(),
        workedMinutes: z.number().int().nonnegative(),
        activities: z.array(reportActivityWireSchema).max(30),
        obstacles: z.string().max(2000),
      }),
    )
    .length(7),
});
export type WeeklySummaryPayload = z.infer<typeof weeklySummaryPayloadSchema>;
