// Event intake: each item of a batch is validated on its own, so one malformed item is rejected
// with a reason while the others are stored. Duplicates are recognised by the client's event id.
import { z } from 'zod';
import { wireEventSchema, type EventResult, type EventType, type WireEvent } from '../shared/central-api';
import { signedSnapshotPayloadSchema } from '../shared/central-api';
import { requestAcknowledgedPayloadSchema, requestAnsweredPayloadSchema } from '../shared/central-api';
import { dailyReportPayloadSchema, weeklySummaryPayloadSchema } from '../shared/central-api';
import { workModeSchema } from '../shared/domain';
import { claimSubmittedEventSchema } from './claims-routes';
import { describeIssues } from './http';
import type { CentralStore } from './store';

/** Same bounds as eventBatchRequestSchema; the items themselves are checked one by one. */
const MAX_EVENTS_PER_BATCH = 500;

/**
 * The batch envelope. Every item needs a usable id, because the per-item result is keyed by it; an
 * item without one makes the whole request invalid (400).
 */
export const batchEnvelopeSchema = z.object({
  events: z
    .array(z.looseObject({ id: wireEventSchema.shape.id }))
    .min(1)
    .max(MAX_EVENTS_PER_BATCH),
});
export type BatchEnvelope = z.infer<typeof batchEnvelopeSchema>;

const attendancePayloadSchema = z.object({
  sessionId: z.string().min(1),
  mode: workModeSchema,
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
});

const payloadSchemas: Record<EventType, z.ZodType> = {
  'attendance.check_in': attendancePayloadSchema,
  'attendance.check_out': attendancePayloadSchema.extend({ endedAt: z.number().int() }),
  // The signature is checked against the device's key when the helpdesk reads the snapshot, not here:
  // a snapshot with a broken signature is still stored, so the helpdesk can see it was tampered with.
  'compliance.snapshot': signedSnapshotPayloadSchema,
  'request.acknowledged': requestAcknowledgedPayloadSchema,
  'request.answered': requestAnsweredPayloadSchema,
  'claim.submitted': claimSubmittedEventSchema,
  'report.daily_report': dailyReportPayloadSchema,
  'report.weekly_summary': weeklySummaryPayloadSchema,
};

type Validation = { ok: true; event: WireEvent } | { ok: false; reason: string };

/** Checks one item against the wire schema, then its payload against the schema of its type. */
export function validateEvent(raw: unknown): Validation {
  const envelope = wireEventSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, reason: `Invalid event: ${describeIssues(envelope.error)}` };
  }

  const event = envelope.data;
  const payload = payloadSchemas[event.type].safeParse(event.payload);
  if (!payload.success) {
    return { ok: false, reason: `Invalid ${event.type} event: ${describeIssues(payload.error, 'payload')}` };
  }
  return { ok: true, event };
}

/**
 * Stores a batch in one transaction and returns one result per item, in request order. An id seen
 * before (in an earlier batch or earlier in this one) is a duplicate and returns the first server id.
 *
 * Order per stream: a new event must have a seq above every seq already stored for its device and
 * stream, or it is rejected as out of order. Gaps are allowed, because the client moves an event the
 * server rejected to its dead-letter list and goes on with the next one. The duplicate check comes
 * first, so a resent stored event always gets its server id back.
 */
export function ingestBatch(store: CentralStore, deviceId: string, batch: BatchEnvelope, receivedAt: number): EventResult[] {
  return store.transaction(() =>
    batch.events.map((raw): EventResult => {
      const existing = store.serverIdFor(raw.id);
      if (existing !== null) return { id: raw.id, status: 'duplicate', serverId: existing };

      const validation = validateEvent(raw);
      if (!validation.ok) return { id: raw.id, status: 'rejected', reason: validation.reason };

      const { stream, seq } = validation.event;
      const last = store.lastSeq(deviceId, stream);
      if (seq <= last) {
        return {
          id: raw.id,
          status: 'rejected',
          reason:
            `Out of order: stream "${stream}" of this device already holds seq ${last}, so seq ${seq} cannot follow it. ` +
            'Send the events of a stream in seq order.',
        };
      }

      // The payload is stored as the client sent it, not as the schema's parsed copy.
      const serverId = store.insertEvent(deviceId, validation.event, JSON.stringify(raw.payload), receivedAt);
      return { id: raw.id, status: 'accepted', serverId };
    }),
  );
}
