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
}

export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_MAX_ATTEMPTS = 10;

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
  private running: Promise<FlushResult> | null = null;

  constructor(private readonly options: OutboxSenderOptions) {
    this.outbox = options.outbox;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Sends everything that is due. A call while a flush runs returns that flush's promise. */
  flush(): Promise<FlushResult> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
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
      const batch = this.outbox.lease(this.batchSize, now, now + this.leaseMs);
      if (batch.length === 0) break;
      tally.attempted += batch.length;

      let response: EventBatchResponse;
      try {
        response = await client.postEvents(batch.map(toWireEvent));
      } catch (error) {
        return this.finish(tally, this.recordFailure(batch, error, tally));
      }

      // A failure to record the outcome (a database error) propagates. The leases then expire and the
      // items are sent again, and the server returns their original server ids as duplicates.
      const stop = this.recordResults(batch, response.results, tally);
      if (stop) return this.finish(tally, stop);
    }
    return this.finish(tally, null);
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
          this.outbox.markFailed(event.id, 'The central system sent no result for this item.', { countAttempt: true });
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
            this.outbox.markDead(event.id, `Rejected by the central system: ${result.reason}`);
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

    // TODO: back off exponentially with jitter and honour central.retryAfterMs through next_attempt_at
    // (markFailed takes it), and split a batch that got a 400 to isolate the bad record. Until then
    // a failed batch is sent again on the next flush, and a 400 fails every item in the batch.
    this.outbox.transaction(() => {
      for (const event of batch) {
        const exhausted = !unauthorized && !offline && event.attempts + 1 >= this.maxAttempts;
        if (exhausted) {
          this.outbox.markDead(event.id, `Gave up after ${event.attempts + 1} failed attempts. Last error: ${message}`);
        } else {
          this.outbox.markFailed(event.id, message, { countAttempt: !unauthorized });
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
