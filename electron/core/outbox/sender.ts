// Delivers the outbox to the central system in batches. One flush runs at a time; every outcome is
// written back in a transaction, so an interrupted flush leaves nothing half-recorded.
import type { EventBatchResponse, EventResult } from '../../../shared/central-api';
import type { FlushResult, LocalizedText } from '../../../shared/domain';
import { CentralError, type CentralClient } from '../central/client';
import { isCompanionError } from '../errors';
import type { Logger } from '../logger';
import { toWireEvent, type Outbox, type OutboxEvent } from './outbox';

export interface OutboxSenderOptions {
  outbox: Outbox;
  /** The client of the enrolled central system, or null when the device is not enrolled. */
  client: () => Promise<CentralClient | null>;
  now: () => number;
  logger: Logger;
  /** Events per request; the central API takes at most 500. */
  batchSize?: number;
  /** Attempts after which an item the server keeps failing on moves to the dead-letter list. */
  maxAttempts?: number;
  /** How long a leased batch stays in_flight before another flush may send it again. */
  leaseMs?: number;
  /** Upper bound on a batch's payload bytes; a single larger item still goes alone. */
  maxBatchBytes?: number;
  /** Backoff after a failed batch: a random delay from 0 to min(capMs, baseMs · 2^streak) (full jitter). */
  backoff?: { baseMs: number; capMs: number };
  /** Upper bound on a delay the server requests with Retry-After. */
  maxRetryAfterMs?: number;
  /** Random numbers in [0, 1) for the jitter; tests pass a fixed one. */
  random?: () => number;
}

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_MAX_ATTEMPTS = 10;
export const DEFAULT_MAX_BATCH_BYTES = 512 * 1024;
export const DEFAULT_BACKOFF = { baseMs: 2_000, capMs: 15 * 60 * 1000 };
export const DEFAULT_MAX_RETRY_AFTER_MS = 30 * 60 * 1000;

/**
 * Full-jitter exponential backoff: uniformly random in [0, min(cap, base · 2^streak)). Spreading the
 * retries over the whole window is what keeps a fleet that lost the server at the same moment from
 * coming back at the same moment (see docs/herd.md).
 */
export function backoffDelay(streak: number, backoff: { baseMs: number; capMs: number }, random: () => number): number {
  const window = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(streak, 30));
  return Math.floor(random() * window);
}

/**
 * When a failed batch may be sent again: after the server's Retry-After (capped) when it gave one,
 * never sooner than the jittered backoff.
 */
export function retryDelay(
  streak: number,
  retryAfterMs: number | undefined,
  options: { backoff: { baseMs: number; capMs: number }; maxRetryAfterMs: number; random: () => number },
): number {
  const jittered = backoffDelay(streak, options.backoff, options.random);
  if (retryAfterMs === undefined) return jittered;
  return Math.max(Math.min(retryAfterMs, options.maxRetryAfterMs), jittered);
}

/** Trigger of a flush request. It is only logged, because every trigger gets the same delivery. */
export type FlushReason = 'timer' | 'online' | 'resume' | 'new_event' | 'user' | 'startup' | 'quit';

/** Longer than one request can take (the client's 15 s timeout) with a wide margin. */
export const DEFAULT_LEASE_MS = 2 * 60 * 1000;

export const NOT_ENROLLED: LocalizedText = {
  id: 'Perangkat belum terdaftar di sistem pusat, jadi antrean belum dikirim. Daftarkan perangkat dengan kode pendaftaran dari admin TI Anda.',
  en: 'This device is not enrolled with the central system, so nothing was sent. Enroll it with the enrollment code from your IT administrator.',
};

export const SIGN_IN_AGAIN: LocalizedText = {
  id:
    'Sistem pusat menolak token perangkat ini (HTTP 401). Semua data tetap di antrean. ' +
    'Masuk kembali dengan mendaftarkan ulang perangkat agar pengiriman berlanjut.',
  en: "The central system rejected this device's token (HTTP 401). Every item stays queued. Sign in again by enrolling the device again to resume delivery.",
};

/** Builds the user-facing text for a batch failure that a later attempt may not repeat. */
function retryLaterText(error: CentralError): LocalizedText {
  const stillQueued = { id: 'Data yang belum terkirim tetap di antrean dan akan dikirim ulang nanti.', en: 'Unsent items stay queued and will be sent again later.' };
  switch (error.kind) {
    case 'network':
      return {
        id: `Sistem pusat tidak dapat dihubungi. ${stillQueued.id} Periksa koneksi internet atau VPN Anda.`,
        en: `The central system could not be reached. ${stillQueued.en} Check your internet or VPN connection.`,
      };
    case 'timeout':
      return { id: `Sistem pusat tidak menjawab dalam batas waktu. ${stillQueued.id}`, en: `The central system did not respond in time. ${stillQueued.en}` };
    case 'invalid_response':
      return {
        id: `Jawaban sistem pusat tidak sesuai format API. ${stillQueued.id} Laporkan ke admin TI jika berulang.`,
        en: `The central system sent a response that does not match the API. ${stillQueued.en} Tell your IT administrator if this repeats.`,
      };
    default:
      return {
        id: `Sistem pusat membalas dengan galat HTTP ${error.status ?? '?'}. ${stillQueued.id}`,
        en: `The central system answered with HTTP error ${error.status ?? '?'}. ${stillQueued.en}`,
      };
  }
}

/** 400, 413 and 422 on the whole batch: the server rejects something in it, and splitting finds the item. */
function isWholeBatchRejection(error: unknown): error is CentralError {
  return error instanceof CentralError && error.kind === 'rejected' && [400, 413, 422].includes(error.status ?? 0);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Tally {
  attempted: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  failed: number;
}

export class OutboxSender {
  private readonly outbox: Outbox;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly maxBatchBytes: number;
  private readonly retryOptions: { backoff: { baseMs: number; capMs: number }; maxRetryAfterMs: number; random: () => number };
  private running: Promise<FlushResult> | null = null;
  private followUp: Promise<FlushResult> | null = null;
  /** Failed batches in a row; sets the backoff window and returns to 0 on the first delivered batch. */
  private failureStreak = 0;
  /**
   * True after a failure the server caused (5xx, 429, a malformed reply) until a batch goes through.
   * Only then are retried batches shrunk: after a network outage the backlog goes in full batches.
   */
  private shrinkRetries = false;

  constructor(private readonly options: OutboxSenderOptions) {
    this.outbox = options.outbox;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
    this.retryOptions = {
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
      random: options.random ?? Math.random,
    };
  }

  /** Sends everything that is due. A call while a flush runs returns that flush's promise. */
  flush(): Promise<FlushResult> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Asks for delivery from any trigger (timer, back online, resume, a new event, the user's button).
   * With no flush running one starts. While one runs, every request made meanwhile shares a single
   * follow-up flush, so an event queued during a flush is not left waiting for the next timer and a
   * burst of triggers costs at most one extra run.
   */
  requestFlush(reason: FlushReason): Promise<FlushResult> {
    if (this.running === null) {
      this.options.logger.debug('Flush requested', { reason });
      return this.flush();
    }
    this.followUp ??= this.running.then(
      () => this.startFollowUp(),
      () => this.startFollowUp(),
    );
    return this.followUp;
  }

  private startFollowUp(): Promise<FlushResult> {
    this.followUp = null;
    return this.flush();
  }

  /** Returns the earliest time a waiting item becomes due again, so that a timer can request the next flush then. */
  nextAttemptAt(): number | null {
    return this.outbox.nextAttemptAt();
  }

  private async run(): Promise<FlushResult> {
    const tally: Tally = { attempted: 0, accepted: 0, duplicates: 0, rejected: 0, failed: 0 };

    const released = this.outbox.releaseExpiredLeases(this.options.now());
    if (released > 0) this.options.logger.warn('Returned interrupted deliveries to the queue', { count: released });

    let client: CentralClient | null;
    try {
      client = await this.options.client();
    } catch (error) {
      this.options.logger.warn('Outbox flush cannot start', { error: errorMessage(error) });
      const text = isCompanionError(error)
        ? error.text
        : { id: `Pengiriman antrean tidak dapat dimulai: ${errorMessage(error)}`, en: `Delivery could not start: ${errorMessage(error)}` };
      return this.finish(tally, text);
    }
    if (client === null) return this.finish(tally, NOT_ENROLLED);

    for (;;) {
      const now = this.options.now();
      const batch = this.shrinkRetry(this.outbox.lease(this.batchSize, now, now + this.leaseMs, this.maxBatchBytes));
      if (batch.length === 0) break;
      tally.attempted += batch.length;

      const stop = await this.deliver(client, batch, tally);
      if (stop) return this.finish(tally, stop);
    }
    return this.finish(tally, null);
  }

  /**
   * After a failure the server caused, halves the batch for each failed attempt of its first item,
   * down to one item. A server that keeps failing on one item (a 500 it cannot explain) then fails on
   * that item alone: it uses up its attempts and goes to the dead-letter list, and its neighbours are
   * delivered instead of sharing its fate. The items cut off go back to the queue as they were.
   */
  private shrinkRetry(batch: OutboxEvent[]): OutboxEvent[] {
    const attempts = batch[0]?.attempts ?? 0;
    if (attempts === 0 || !this.shrinkRetries) return batch;
    const size = Math.max(1, Math.floor(this.batchSize / 2 ** Math.min(attempts, 30)));
    if (batch.length <= size) return batch;
    this.outbox.unlease(batch.slice(size).map((event) => event.id));
    return batch.slice(0, size);
  }

  /**
   * Sends one leased batch and records the outcome; returns why the flush stops, or null. A batch the
   * server rejects as a whole (400, 413, 422) is split in halves, sent in order, until the bad item
   * is alone and goes to the dead-letter list; the others are delivered.
   */
  private async deliver(client: CentralClient, batch: OutboxEvent[], tally: Tally): Promise<LocalizedText | null> {
    let response: EventBatchResponse;
    try {
      response = await client.postEvents(batch.map(toWireEvent));
    } catch (error) {
      if (isWholeBatchRejection(error)) return this.split(client, batch, error, tally);
      return this.recordFailure(batch, error, tally);
    }

    // A failure to record the outcome (a database error) propagates. The leases then expire and the
    // items are sent again, and the server returns their original server ids as duplicates.
    this.failureStreak = 0;
    this.shrinkRetries = false;
    return this.recordResults(batch, response.results, tally);
  }

  private async split(client: CentralClient, batch: OutboxEvent[], error: CentralError, tally: Tally): Promise<LocalizedText | null> {
    if (batch.length === 1) {
      const event = batch[0]!;
      this.outbox.markDead(event.id, { code: 'rejected', detail: `HTTP ${error.status ?? '?'}: ${error.message}` });
      tally.rejected += 1;
      this.options.logger.warn('Central system rejected an event sent alone', { eventId: event.id, status: error.status });
      return null;
    }

    const middle = Math.ceil(batch.length / 2);
    const halves = [batch.slice(0, middle), batch.slice(middle)];
    this.options.logger.info('Splitting a rejected batch to find the bad item', { items: batch.length, status: error.status });
    for (const [index, half] of halves.entries()) {
      const stop = await this.deliver(client, half, tally);
      if (stop === null) continue;

      // The later half was never sent: it goes back without an attempt counted.
      const unsent = halves.slice(index + 1).flat();
      this.outbox.transaction(() => {
        for (const event of unsent) this.outbox.markFailed(event.id, { code: 'batch_unsent', detail: null }, { countAttempt: false });
      });
      return stop;
    }
    return null;
  }

  /** Marks accepted and duplicate items sent, rejected ones dead; returns a stop reason if any item got no result. */
  private recordResults(batch: OutboxEvent[], results: EventResult[], tally: Tally): LocalizedText | null {
    const byId = new Map(results.map((result) => [result.id, result]));
    const at = this.options.now();
    let unanswered = 0;

    this.outbox.transaction(() => {
      for (const event of batch) {
        const result = byId.get(event.id);
        if (!result) {
          this.outbox.markFailed(event.id, { code: 'no_result', detail: null }, { countAttempt: true });
          unanswered += 1;
          continue;
        }

        switch (result.status) {
          case 'accepted':
            this.outbox.markSent(event.id, result.serverId, at);
            tally.accepted += 1;
            break;
          case 'duplicate':
            this.outbox.markSent(event.id, result.serverId, at);
            tally.duplicates += 1;
            break;
          case 'rejected':
            this.outbox.markDead(event.id, { code: 'rejected', detail: result.reason });
            tally.rejected += 1;
            this.options.logger.warn('Central system rejected an event', { eventId: event.id, type: event.type, reason: result.reason });
            break;
        }
      }
    });

    // CentralClient already rejects a response that lacks a result for an item. This guard keeps one
    // flush from leasing the same items over and over if such a response ever got through.
    if (unanswered === 0) return null;
    tally.failed += unanswered;
    return retryLaterText(new CentralError('invalid_response', 'The central system sent no result for some items.'));
  }

  /** Puts a failed batch back, dead-letters items that used up their attempts, and returns why the flush stops. */
  private recordFailure(batch: OutboxEvent[], error: unknown, tally: Tally): LocalizedText {
    const central = error instanceof CentralError ? error : null;
    const message = errorMessage(error);
    this.options.logger.warn('Outbox delivery failed', {
      kind: central?.kind ?? 'unexpected',
      status: central?.status,
      items: batch.length,
      error: message,
    });

    // A 401 is nobody's fault in the batch, and being offline is normal on a laptop: neither counts
    // toward the dead-letter limit. Other failures count, so one item the server always fails on
    // cannot hold its stream forever.
    const unauthorized = central?.kind === 'unauthorized';
    const offline = central?.kind === 'network' || central?.kind === 'timeout';
    this.shrinkRetries = !unauthorized && !offline;

    // Every failure waits before the batch goes again, offline ones included: after a central outage
    // the whole fleet is offline at once, and the jitter spreads its return. A 401 waits for the user.
    const delay = unauthorized ? null : retryDelay(this.failureStreak, central?.retryAfterMs, this.retryOptions);
    this.failureStreak += 1;
    const nextAttemptAt = delay === null ? null : this.options.now() + delay;

    this.outbox.transaction(() => {
      for (const event of batch) {
        const exhausted = !unauthorized && !offline && event.attempts + 1 >= this.maxAttempts;
        if (exhausted) {
          this.outbox.markDead(event.id, { code: 'gave_up', detail: message, attempts: event.attempts + 1 });
        } else {
          this.outbox.markFailed(event.id, { code: 'failed', detail: message }, { countAttempt: !unauthorized, nextAttemptAt });
        }
      }
    });
    tally.failed += batch.length;

    if (unauthorized) return SIGN_IN_AGAIN;
    if (central) return retryLaterText(central);
    return {
      id: `Pengiriman antrean gagal karena galat tak terduga: ${message}. Data tetap di antrean.`,
      en: `Delivery failed with an unexpected error: ${message}. The items stay queued.`,
    };
  }

  private finish(tally: Tally, stoppedBecause: LocalizedText | null): FlushResult {
    const result: FlushResult = { ...tally, stoppedBecause };
    if (tally.attempted > 0 || stoppedBecause) {
      this.options.logger.info('Outbox flush finished', { ...tally, stopped: stoppedBecause?.en ?? null });
    }
    return result;
  }
}
