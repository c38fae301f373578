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
