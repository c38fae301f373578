// Data of the Antrean page: every queued, sent and dead record with the exact payload that leaves
// (or left) the laptop, and the export of dead records for the user or IT support.
import type { DeadExport, OutboxItem, OutboxList, OutboxState } from '../../../shared/domain';
import type { Outbox, OutboxEvent } from './outbox';

/** Maximum records listed when the page requests no smaller limit. */
export const DEFAULT_LIST_LIMIT = 1000;

function toItem(event: OutboxEvent): OutboxItem {
  return {
    id: event.id,
    stream: event.stream,
    seq: event.seq,
    type: event.type,
    occurredAt: event.occurredAt,
    state: event.state,
    payloadJson: JSON.stringify(event.payload),
    attempts: event.attempts,
    createdAt: event.createdAt,
    sentAt: event.sentAt,
    nextAttemptAt: event.nextAttemptAt,
    serverId: event.serverId,
    lastError: event.lastError,
    lastErrorText: event.lastErrorText,
  };
}

/** Lists the newest records first, so that what the user just did is at the top. */
export function listOutbox(outbox: Outbox, options: { states?: OutboxState[]; limit?: number }): OutboxList {
  const limit = options.limit ?? DEFAULT_LIST_LIMIT;
  const events = outbox.list({ ...(options.states ? { states: options.states } : {}), newestFirst: true, limit: limit + 1 });
  return { items: events.slice(0, limit).map(toItem), truncated: events.length > limit };
}

/** Exports all dead records as one JSON document, named after the moment of export (UTC). */
export function exportDead(outbox: Outbox, now: number): DeadExport {
  const dead = outbox.list({ states: ['dead'] }).map((event) => ({
    id: event.id,
    stream: event.stream,
    seq: event.seq,
    type: event.type,
    occurredAt: new Date(event.occurredAt).toISOString(),
    queuedAt: new Date(event.createdAt).toISOString(),
    attempts: event.attempts,
    reason: event.lastError,
    payload: event.payload,
  }));
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return {
    fileName: `antrean-gagal-${stamp}.json`,
    json: JSON.stringify({ exportedAt: new Date(now).toISOString(), records: dead }, null, 2),
    count: dead.length,
  };
}
