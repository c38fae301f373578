// Wire schemas of urgent requests between the central system and the device. shared/central-api.ts
// re-exports them, so the API contract stays one module; docs/central-api.yaml documents them.
import { z } from 'zod';
import { requestLevelSchema } from './requests';

/** POST /admin/requests: an administrator posts an urgent request to one device or to all. */
export const postUrgentRequestSchema = z.object({
  level: requestLevelSchema,
  /** Who asks, as the device shows it, e.g. "Kepala Bidang Perencanaan". */
  sender: z.string().min(1).max(200),
  subject: z.string().min(1).max(200),
  body: z.string().min(1).max(4000),
  /** Device to address; absent means every device. */
  deviceId: z.string().min(1).optional(),
  /** UTC milliseconds by which the request must be answered; absent means the policy's deadline for the level. */
  dueAt: z.number().int().optional(),
});
export type PostUrgentRequest = z.infer<typeof postUrgentRequestSchema>;

export const postUrgentRequestResponseSchema = z.object({
  id: z.string().min(1),
  dueAt: z.number().int(),
});

/** One request as the device receives it. The device's acknowledgement and answer travel as events. */
export const urgentRequestSchema = z.object({
  id: z.string().min(1),
  level: requestLevelSchema,
  sender: z.string(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.number().int(),
  dueAt: z.number().int(),
});
export type UrgentRequest = z.infer<typeof urgentRequestSchema>;

/**
 * GET /v1/requests: the requests addressed to the calling device, oldest first. The reply carries an
 * ETag; a request with If-None-Match of the same tag gets 304 without a body.
 */
export const urgentRequestsResponseSchema = z.object({
  requests: z.array(urgentRequestSchema),
});
export type UrgentRequestsResponse = z.infer<typeof urgentRequestsResponseSchema>;

/** Payload of a request.acknowledged event ("Terima"); the event's occurredAt is the click time. */
export const requestAcknowledgedPayloadSchema = z.object({
  requestId: z.string().min(1),
  level: requestLevelSchema,
  dueAt: z.number().int(),
  acknowledgedAt: z.number().int(),
});
export type RequestAcknowledgedPayload = z.infer<typeof requestAcknowledgedPayloadSchema>;

/** Payload of a request.answered event ("Selesai"); the event's occurredAt is the click time. */
export const requestAnsweredPayloadSchema = z.object({
  requestId: z.string().min(1),
  level: requestLevelSchema,
  dueAt: z.number().int(),
  answeredAt: z.number().int(),
  text: z.string().min(1).max(10_000),
  /** Milliseconds from the request's createdAt to the answer. */
  answeredAfterMs: z.number().int(),
  onTime: z.boolean(),
});
export type RequestAnsweredPayload = z.infer<typeof requestAnsweredPayloadSchema>;
