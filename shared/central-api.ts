// Wire schemas of the central API: the client validates every response with them, and the
// reference server in central/ validates every request. Paths are versioned under /v1.
import { z } from 'zod';

export const CENTRAL_API_VERSION = 'v1';

export const enrollRequestSchema = z.object({
  code: z.string().min(1).max(128),
  deviceName: z.string().max(200).optional(),
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

/** POST /admin/requests: an administrator posts an urgent request to one device or to all. */
export const postUrgentRequestSchema = z.object({
  title: z.string().min(1).max(200),
  message: z.string().min(1).max(4000),
  /** Device to address; absent means every device. */
  deviceId: z.string().min(1).optional(),
  /** UTC milliseconds by which the request should be answered, if any. */
  dueAt: z.number().int().optional(),
});
export type PostUrgentRequest = z.infer<typeof postUrgentRequestSchema>;

export const postUrgentRequestResponseSchema = z.object({
  id: z.string().min(1),
});

export const urgentRequestSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  message: z.string(),
  dueAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  acknowledgedAt: z.number().int().nullable(),
});
export type UrgentRequest = z.infer<typeof urgentRequestSchema>;

/** GET /v1/requests: the urgent requests addressed to the calling device, oldest first. */
export const urgentRequestsResponseSchema = z.object({
  requests: z.array(urgentRequestSchema),
});
export type UrgentRequestsResponse = z.infer<typeof urgentRequestsResponseSchema>;

/** POST /v1/requests/ack: the device confirms that the user has seen these requests. */
export const acknowledgeRequestsSchema = z.object({
  ids: z.array(z.string().min(1)).min(1).max(100),
});
export type AcknowledgeRequests = z.infer<typeof acknowledgeRequestsSchema>;

export const acknowledgeResponseSchema = z.object({
  acknowledged: z.number().int().min(0),
});

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

export const healthResponseSchema = z.object({
  ok: z.boolean(),
});
