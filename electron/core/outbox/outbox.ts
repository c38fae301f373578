// Durable outbox: every event for the central system is committed here before anything is sent.
// Items move queued → in_flight (leased by a sender) → sent, or → dead when the server rejects them.
// A failed delivery puts them back to queued with the payload untouched.
import { v7 as uuidv7 } from 'uuid';
import { eventTypeSchema, wireEventSchema, type EventType, type WireEvent } from '../../../shared/central-api';
import type { LocalizedText, OutboxCounts, OutboxState } from '../../../shared/domain';
import type { Statement } from 'better-sqlite3';
import { writeTransaction, type Database } from '../storage/database';
import { describeOutboxError, storedErrorText, type OutboxError } from './outbox-error';

export interface OutboxEvent {
  /** Client-generated UUIDv7; the server drops a second delivery with the same id. */
  id: string;
  stream: string;
  /** Position in the stream, from 1; the sender never lets a later seq overtake an earlier one. */
  seq: number;
  type: EventType;
  occurredAt: number;
  payload: Record<string, unknown>;
  state: OutboxState;
  /** Delivery attempts that did not end with the server storing the item. */
  attempts: number;
  leaseUntil: number | null;
  nextAttemptAt: number | null;
  serverId: string | null;
  /** Error of the last failed attempt, or the server's reason for a dead item, in English. */
  lastError: string | null;
  /** The same reason in both languages, for the person reading the queue. */
  lastErrorText: LocalizedText | null;
  createdAt: number;
  sentAt: number | null;
}

export interface EnqueueInput {
  stream: string;
  type: EventType;
  occurredAt: number;
  payload: Record<string, unknown>;
}

interface OutboxRow {
  id: string;
  stream: string;
  seq: number;
  type: EventType;
  occurred_at: number;
  payload_json: string;
  state: OutboxState;
  attempts: number;
  lease_until: number | null;
  next_attempt_at: number | null;
  server_id: string | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_detail: string | null;
  created_at: number;
  sent_at: number | null;
}

function toEvent(row: OutboxRow): OutboxEvent {
  return {
    id: row.id,
    stream: row.stream,
    seq: row.seq,
    type: row.type,
    occurredAt: row.occurred_at,
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
    state: row.state,
    attempts: row.attempts,
    leaseUntil: row.lease_until,
    nextAttemptAt: row.next_attempt_at,
    serverId: row.server_id,
    lastError: row.last_error,
    lastErrorText: storedErrorText(row.last_error_code, row.last_error_detail, row.last_error, row.attempts),
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** Converts an outbox event to the form the central API receives. */
export function toWireEvent(event: OutboxEvent): WireEvent {
  return {
    id: event.id,
    stream: event.stream,
    seq: event.seq,
    type: event.type,
    occurredAt: event.occurredAt,
    payload: event.payload,
  };
}

/** Serializes the payload, rejecting what the wire format or JSON cannot carry. */
function serializePayload(input: EnqueueInput): string {
  const stream = wireEventSchema.shape.stream.safeParse(input.stream);
  if (!stream.success) {
    throw new TypeError(`Cannot queue an event on stream "${input.stream}": the stream name must have 1 to 64 characters.`);
  }
  if (!eventTypeSchema.safeParse(input.type).success) {
    throw new TypeError(`Cannot queue an event of unknown type "${input.type}".`);
  }
  if (!Number.isSafeInteger(input.occurredAt)) {
    throw new TypeError(`Cannot queue a ${input.type} event: occurredAt must be whole UTC milliseconds, got ${input.occurredAt}.`);
  }

  const json = JSON.stringify(input.payload);
  const isObject = typeof input.payload === 'object' && input.payload !== null && !Array.isArray(input.payload);
  if (!isObject || json === undefined) {
    throw new TypeError(`Cannot queue a ${input.type} event: the payload must be a JSON object.`);
  }
  return json;
}

/** Rough wire size of one event: its payload plus the envelope fields around it. */
const ENVELOPE_BYTES = 160;

function takeWithinBytes(rows: OutboxRow[], maxBytes: number): OutboxRow[] {
  let total = 0;
  const chosen: OutboxRow[] = [];
  for (const row of rows) {
    total += Buffer.byteLength(row.payload_json) + ENVELOPE_BYTES;
    if (chosen.length > 0 && total > maxBytes) break;
    chosen.push(row);
  }
  return chosen;
}

export class Outbox {
  /** Statements by SQL text, prepared once: preparing took longer than running most of them. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Commits one event with the next seq of its stream and returns it. Inside a caller's transaction
   * it joins that transaction (as a savepoint), so the event commits or rolls back with the caller's change.
   */
  enqueue(input: EnqueueInput): OutboxEvent {
    const payloadJson = serializePayload(input);
    const createdAt = this.now();

    return writeTransaction(this.db, () => {
      // NOTE: seq follows the highest stored seq of the stream. A future pruning of sent rows must
      // keep the newest row of each stream, or the stream would start again at 1.
      const { last } = this.prepare('SELECT MAX(seq) AS last FROM outbox_events WHERE stream = ?').get(input.stream) as {
        last: number | null;
      };
      const row: OutboxRow = {
        id: uuidv7(),
        stream: input.stream,
        seq: (last ?? 0) + 1,
        type: input.type,
        occurred_at: input.occurredAt,
        payload_json: payloadJson,
        state: 'queued',
        attempts: 0,
        lease_until: null,
        next_attempt_at: null,
        server_id: null,
        last_error: null,
        last_error_code: null,
        last_error_detail: null,
        created_at: createdAt,
        sent_at: null,
      };
      this.db
        .prepare(
          `INSERT INTO outbox_events (id, stream, seq, type, occurred_at, payload_json, state, attempts, created_at)
           VALUES (@id, @stream, @seq, @type, @occurred_at, @payload_json, @state, @attempts, @created_at)`,
        )
        .run(row);
      return toEvent(row);
    });
  }

  counts(): OutboxCounts {
    const rows = this.prepare('SELECT state, COUNT(*) AS count FROM outbox_events GROUP BY state').all() as {
      state: OutboxState;
      count: number;
    }[];
    const count = (state: OutboxState) => rows.find((row) => row.state === state)?.count ?? 0;
    return { queued: count('queued'), inFlight: count('in_flight'), sent: count('sent'), dead: count('dead') };
  }

  /** Events by creation time, ties in insertion order (or the reverse), optionally only those in the given states. */
  list(options: { states?: OutboxState[]; limit?: number; newestFirst?: boolean } = {}): OutboxEvent[] {
    const states = options.states ?? [];
    const where = states.length > 0 ? `WHERE state IN (${states.map(() => '?').join(', ')})` : '';
    const limit = options.limit ?? -1;
    const order = options.newestFirst ? 'created_at DESC, rowid DESC' : 'created_at, rowid';
    const rows = this.db
      .prepare(`SELECT * FROM outbox_events ${where} ORDER BY ${order} LIMIT ?`)
      .all(...states, limit) as OutboxRow[];
    return rows.map(toEvent);
  }

  get(id: string): OutboxEvent | null {
    const row = this.prepare('SELECT * FROM outbox_events WHERE id = ?').get(id) as OutboxRow | undefined;
    return row ? toEvent(row) : null;
  }

  /**
   * Returns in_flight items whose lease ended before `at` to the queue. A lease outlives its sender
   * only when the process died mid-send; the server drops the second delivery if the first arrived.
   */
  releaseExpiredLeases(at: number): number {
    return writeTransaction(this.db, () => {
      const result = this.db
        .prepare(
          `UPDATE outbox_events SET state = 'queued', lease_until = NULL,
             last_error = 'Delivery was interrupted before the server answered; sending again.',
             last_error_code = 'interrupted', last_error_detail = NULL
           WHERE state = 'in_flight' AND lease_until <= ?`,
        )
        .run(at);
      return result.changes;
    });
  }

  /**
   * Leases up to `limit` queued items that are due at `at`, in seq order per stream, marking them
   * in_flight until `leaseUntil`. An item is skipped while an earlier item of its stream is in flight
   * or waiting for a later attempt, so a check-out never overtakes its check-in. Dead items block nothing.
   * With `maxBytes` the batch stops before the payloads would pass that size (one item always goes).
   */
  lease(limit: number, at: number, leaseUntil: number, maxBytes = Number.POSITIVE_INFINITY): OutboxEvent[] {
    return writeTransaction(this.db, () => {
      // Each stream's first blocking seq is found once, from the few in-flight or waiting rows, and
      // candidates are compared with it. A per-candidate NOT EXISTS scanned every earlier row of the
      // stream (sent ones included), which made leasing grow with the backlog.
      // Ordering by stream first keeps each stream's items contiguous and in seq order within the
      // limit. The cost: a stream with a long backlog is sent before the next stream starts.
      const rows = this.db
        .prepare(
          `WITH blocked AS (
             SELECT stream, MIN(seq) AS first_seq FROM outbox_events
             WHERE state = 'in_flight' OR (state = 'queued' AND next_attempt_at > @at)
             GROUP BY stream
           )
           SELECT item.* FROM outbox_events AS item
           LEFT JOIN blocked ON blocked.stream = item.stream
           WHERE item.state = 'queued'
             AND (item.next_attempt_at IS NULL OR item.next_attempt_at <= @at)
             AND (blocked.first_seq IS NULL OR item.seq < blocked.first_seq)
           ORDER BY item.stream, item.seq
           LIMIT @limit`,
        )
        .all({ at, limit }) as OutboxRow[];

      const chosen = takeWithinBytes(rows, maxBytes);
      const mark = this.prepare(`UPDATE outbox_events SET state = 'in_flight', lease_until = ? WHERE id = ?`);
      for (const row of chosen) mark.run(leaseUntil, row.id);
      return chosen.map((row) => toEvent({ ...row, state: 'in_flight', lease_until: leaseUntil }));
    });
  }

  /**
   * The earliest time a flush can send something that waits now: the retry time of a stream's first
   * unsent item, or the end of a lease. Items behind their stream's first one are not counted, because
   * they cannot go before it. Null when nothing waits.
   */
  nextAttemptAt(): number | null {
    const row = this.db
      .prepare(
        `WITH heads AS (
           SELECT stream, MIN(seq) AS seq FROM outbox_events WHERE state IN ('queued', 'in_flight') GROUP BY stream
         )
         SELECT MIN(CASE WHEN item.state = 'queued' THEN item.next_attempt_at ELSE item.lease_until END) AS next
         FROM heads JOIN outbox_events AS item ON item.stream = heads.stream AND item.seq = heads.seq`,
      )
      .get() as { next: number | null };
    return row.next;
  }

  /** Returns leased items to the queue untouched: no attempt counted, no error recorded, due at once. */
  unlease(ids: readonly string[]): void {
    const release = this.prepare(`UPDATE outbox_events SET state = 'queued', lease_until = NULL WHERE id = ? AND state = 'in_flight'`);
    writeTransaction(this.db, () => {
      for (const id of ids) release.run(id);
    });
  }

  /**
   * Puts dead items back in the queue with a fresh attempt count at the end of their stream. The id
   * stays, so the server answers one it already stored as a duplicate. The seq is the stream's next,
   * because the server rejects a new event whose seq is not above the ones it holds for the stream.
   * Returns how many were moved; ids that are not dead are ignored.
   */
  retryDead(ids: readonly string[]): number {
    return writeTransaction(this.db, () => {
      const streamOf = this.prepare(`SELECT stream FROM outbox_events WHERE id = ? AND state = 'dead'`).pluck();
      const nextSeq = this.prepare('SELECT MAX(seq) + 1 FROM outbox_events WHERE stream = ?').pluck();
      const revive = this.prepare(
        `UPDATE outbox_events SET state = 'queued', seq = ?, attempts = 0, next_attempt_at = NULL,
           last_error = 'Sent again at the user''s request after: ' || COALESCE(last_error, 'no recorded error'),
           last_error_code = 'retried', last_error_detail = NULL
         WHERE id = ?`,
      );
      let moved = 0;
      for (const id of ids) {
        const stream = streamOf.get(id) as string | undefined;
        if (stream === undefined) continue;
        revive.run(nextSeq.get(stream) as number, id);
        moved += 1;
      }
      return moved;
    });
  }

  /**
   * Records that the server stored the item (accepted now, or recognised as a duplicate). An item whose
   * lease already expired back to queued is marked too, because the server holds it either way.
   */
  markSent(id: string, serverId: string, at: number): void {
    this.db
      .prepare(
        `UPDATE outbox_events SET state = 'sent', server_id = ?, sent_at = ?, lease_until = NULL,
           last_error = NULL, last_error_code = NULL, last_error_detail = NULL
         WHERE id = ? AND state IN ('in_flight', 'queued')`,
      )
      .run(serverId, at, id);
  }

  /** Moves a leased item to the dead-letter list with the reason the user will see; this counts as an attempt. */
  markDead(id: string, reason: OutboxError): void {
    this.db
      .prepare(
        `UPDATE outbox_events SET state = 'dead', last_error = ?, last_error_code = ?, last_error_detail = ?,
           lease_until = NULL, attempts = attempts + 1
         WHERE id = ? AND state = 'in_flight'`,
      )
      .run(describeOutboxError(reason).en, reason.code, reason.detail, id);
  }

  /**
   * Returns a leased item to the queue after a failed attempt. With `countAttempt` the attempt
   * counter rises; the payload is never touched, so the retry sends the same bytes.
   */
  markFailed(id: string, error: OutboxError, options: { countAttempt: boolean; nextAttemptAt?: number | null }): void {
    this.db
      .prepare(
        `UPDATE outbox_events SET state = 'queued', lease_until = NULL, last_error = ?, last_error_code = ?,
           last_error_detail = ?, attempts = attempts + ?, next_attempt_at = ?
         WHERE id = ? AND state = 'in_flight'`,
      )
      .run(describeOutboxError(error).en, error.code, error.detail, options.countAttempt ? 1 : 0, options.nextAttemptAt ?? null, id);
  }

  /** Runs fn in one write transaction, so a batch's outcome is recorded completely or not at all. */
  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }
}
