// Urgent requests from supervisors and their response deadlines, as the core stores them and the
// renderer, the shell and the CLI show them. Zod schemas are the source of truth.
import { z } from 'zod';
import { localizedTextSchema } from './domain';

/** "urgent" must be answered within the policy's longer deadline (2 hours by default), "emergency" within the shorter (30 minutes). */
export const requestLevelSchema = z.enum(['urgent', 'emergency']);
export type RequestLevel = z.infer<typeof requestLevelSchema>;

/**
 * open: received, not yet acknowledged; acknowledged: "Terima" clicked, not yet answered;
 * answered: "Selesai" clicked with a response; overdue: not answered and the deadline has passed
 * (acknowledgedAt still tells whether it was acknowledged).
 */
export const requestStateSchema = z.enum(['open', 'acknowledged', 'answered', 'overdue']);
export type RequestState = z.infer<typeof requestStateSchema>;

/** Whether the local acknowledgement or answer has reached the central system through the outbox. */
export const requestDeliverySchema = z.enum(['none', 'queued', 'delivered', 'failed']);
export type RequestDelivery = z.infer<typeof requestDeliverySchema>;

/** How fast the request was handled, measured from the moment it was sent against its deadline. */
export const responseTimeSchema = z.object({
  /** Milliseconds the deadline allowed: dueAt - sentAt. */
  allowedMs: z.number().int(),
  /** Milliseconds from sentAt to the "Terima" click, or null while not acknowledged. */
  acknowledgedAfterMs: z.number().int().nullable(),
  /** Milliseconds from sentAt to the "Selesai" click, or null while not answered. */
  answeredAfterMs: z.number().int().nullable(),
  /** True when answered at or before dueAt; null while not answered. */
  onTime: z.boolean().nullable(),
  /** Milliseconds past the deadline (answer time, or now while unanswered); 0 when within it. */
  overdueByMs: z.number().int().min(0),
});
export type ResponseTime = z.infer<typeof responseTimeSchema>;

export const urgentRequestViewSchema = z.object({
  id: z.string().min(1),
  level: requestLevelSchema,
  /** Who sent it, e.g. "Kepala Bidang Perencanaan". */
  sender: z.string(),
  subject: z.string(),
  body: z.string(),
  /** When the central system created it (UTC ms); the deadline runs from here. */
  sentAt: z.number().int(),
  /** When this device first stored it (UTC ms). */
  receivedAt: z.number().int(),
  dueAt: z.number().int(),
  state: requestStateSchema,
  acknowledgedAt: z.number().int().nullable(),
  answeredAt: z.number().int().nullable(),
  responseText: z.string().nullable(),
  responseTime: responseTimeSchema,
  acknowledgeDelivery: requestDeliverySchema,
  answerDelivery: requestDeliverySchema,
  /** Next alert the core will raise for it (UTC ms), or null when none is left. */
  nextAlertAt: z.number().int().nullable(),
});
export type UrgentRequestView = z.infer<typeof urgentRequestViewSchema>;

/** Counts for the tray badge and the navigation; "unanswered" = open + acknowledged + overdue. */
export const requestsSummarySchema = z.object({
  open: z.number().int().min(0),
  acknowledged: z.number().int().min(0),
  overdue: z.number().int().min(0),
  answered: z.number().int().min(0),
  unanswered: z.number().int().min(0),
  /** Unanswered emergencies, for a stronger badge. */
  emergencyUnanswered: z.number().int().min(0),
});
export type RequestsSummary = z.infer<typeof requestsSummarySchema>;

/** The outcome of the last poll of the central system, for a "last checked" line on the page. */
export const requestsPollStatusSchema = z.object({
  /** UTC ms of the last poll that reached the server (200 or 304), or null. */
  lastSuccessAt: z.number().int().nullable(),
  lastAttemptAt: z.number().int().nullable(),
  /** Why the last attempt failed, or null when it succeeded or none was made. */
  lastError: localizedTextSchema.nullable(),
  /** True while the device polls (checked in and enrolled). */
  active: z.boolean(),
});
export type RequestsPollStatus = z.infer<typeof requestsPollStatusSchema>;

export const requestsListSchema = z.object({
  /** Unanswered first (earliest deadline first), then answered, newest first. */
  requests: z.array(urgentRequestViewSchema),
  summary: requestsSummarySchema,
  poll: requestsPollStatusSchema,
  /** Maximum length of a response text under the policy, in characters. */
  maxResponseLength: z.number().int().positive(),
});
export type RequestsList = z.infer<typeof requestsListSchema>;

export const requestAlertKindSchema = z.enum(['new', 'reminder', 'overdue']);
export type RequestAlertKind = z.infer<typeof requestAlertKindSchema>;

/** One alert the core raises for the shell to turn into a notification; each is raised once, ever. */
export const requestAlertSchema = z.object({
  /** Stable id, `${requestId}:${kind}` or `${requestId}:reminder:${fraction}`. */
  alertId: z.string().min(1),
  requestId: z.string().min(1),
  level: requestLevelSchema,
  kind: requestAlertKindSchema,
  /** For reminders: the share of the deadline that had passed, e.g. 0.5; null otherwise. */
  fraction: z.number().min(0).max(1).nullable(),
  sender: z.string(),
  subject: z.string(),
  dueAt: z.number().int(),
  /** When the plan meant it to fire (UTC ms). */
  plannedAt: z.number().int(),
  /** When it actually fired; later than plannedAt after sleep or outside the working window. */
  firedAt: z.number().int(),
  /** True when it fires later than planned (after sleep, or held until the window opened). */
  late: z.boolean(),
  /** Notification title and body in both languages. */
  title: localizedTextSchema,
  body: localizedTextSchema,
});
export type RequestAlert = z.infer<typeof requestAlertSchema>;
