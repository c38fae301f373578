// Asks the central system for new urgent requests: on a jittered timer while the user is checked in,
// and at once when the shell reports a resume or a returning network. Each poll sends the ETag of the
// last list, so a poll with nothing new costs one 304 and writes nothing to the database.
import type { LocalizedText } from '../../../shared/domain';
import type { RequestsPollStatus } from '../../../shared/requests';
import { CentralError, type CentralClient } from '../central/client';
import { isCompanionError } from '../errors';
import type { Logger } from '../logger';
import type { TimerHandle } from '../outbox/delivery-triggers';
import { writeTransaction, type Database } from '../storage/database';
import type { RequestsRepository } from './repository';

export type PollReason = 'start' | 'interval' | 'resume' | 'online' | 'user' | 'check_in';

export type PollOutcome =
  | { status: 'unchanged' }
  | { status: 'updated'; received: string[] }
  | { status: 'skipped'; reason: 'not_checked_in' | 'not_enrolled' }
  | { status: 'failed'; error: LocalizedText };

export interface RequestPollerOptions {
  db: Database;
  repository: RequestsRepository;
  client: () => Promise<CentralClient | null>;
  now: () => number;
  /** Background polls run only while this is true (checked in); resume, network and user polls run anyway. */
  checkedIn: () => boolean;
  /** Period and jitter of the background poll, read from the policy each time. */
  interval: () => { seconds: number; jitterPercent: number };
  /** Called after new requests are committed, with their ids. */
  onReceived: (ids: string[]) => void;
  logger: Logger;
  random?: () => number;
  setTimer?: (callback: () => void, delayMs: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
}

const NOT_ENROLLED_TEXT: LocalizedText = {
  id: 'Perangkat belum terdaftar di sistem pusat, jadi permintaan baru belum dapat diterima. Daftarkan perangkat lebih dulu.',
  en: 'This device is not enrolled with the central system, so it cannot receive new requests. Enroll the device first.',
};

function failureText(error: unknown): LocalizedText {
  if (isCompanionError(error)) return error.text;
  if (error instanceof CentralError && (error.kind === 'network' || error.kind === 'timeout')) {
    return {
      id: 'Sistem pusat tidak dapat dihubungi, jadi permintaan baru belum diperiksa. Aplikasi mencoba lagi otomatis saat jaringan kembali.',
      en: 'The central system cannot be reached, so new requests were not checked. The app tries again when the network returns.',
    };
  }
  if (error instanceof CentralError && error.kind === 'unauthorized') {
    return {
      id: 'Sistem pusat menolak token perangkat ini (HTTP 401). Daftarkan ulang perangkat agar permintaan baru dapat diterima.',
      en: "The central system rejected this device's token (HTTP 401). Enroll the device again to receive new requests.",
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { id: `Pemeriksaan permintaan baru gagal: ${detail}`, en: `Checking for new requests failed: ${detail}` };
}

export class RequestPoller {
  private readonly random: () => number;
  private readonly setTimer: (callback: () => void, delayMs: number) => TimerHandle;
  private readonly clearTimer: (handle: TimerHandle) => void;
  private timer: TimerHandle | null = null;
  private running = false;
  private inFlight: Promise<PollOutcome> | null = null;
  private state: Omit<RequestsPollStatus, 'active'> = { lastSuccessAt: null, lastAttemptAt: null, lastError: null };

  constructor(private readonly options: RequestPollerOptions) {
    this.random = options.random ?? Math.random;
    this.setTimer = options.setTimer ?? ((callback, delayMs) => setTimeout(callback, delayMs));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** Starts the background poll with one poll now; the desktop app calls this, the CLI does not. */
  start(): void {
    if (this.running) return;
    this.running = true;
    void this.pollNow('start');
  }

  stop(): void {
    this.running = false;
    if (this.timer) this.clearTimer(this.timer);
    this.timer = null;
  }

  isRunning(): boolean {
    return this.running;
  }

  status(): RequestsPollStatus {
    return { ...this.state, active: this.running && this.options.checkedIn() };
  }

  /**
   * Polls now unless a poll is already running, in which case it returns that poll's outcome. Never
   * rejects: a failure is logged, kept for status() and retried at the next trigger.
   */
  pollNow(reason: PollReason): Promise<PollOutcome> {
    this.inFlight ??= this.poll(reason).finally(() => {
      this.inFlight = null;
      this.scheduleNext();
    });
    return this.inFlight;
  }

  private async poll(reason: PollReason): Promise<PollOutcome> {
    if ((reason === 'interval' || reason === 'start') && !this.options.checkedIn()) {
      return { status: 'skipped', reason: 'not_checked_in' };
    }

    const attemptAt = this.options.now();
    this.state.lastAttemptAt = attemptAt;
    try {
      const client = await this.options.client();
      if (client === null) {
        this.state.lastError = NOT_ENROLLED_TEXT;
        return { status: 'skipped', reason: 'not_enrolled' };
      }

      const outcome = await this.fetchAndStore(client);
      this.state.lastSuccessAt = attemptAt;
      this.state.lastError = null;
      return outcome;
    } catch (error) {
      const text = failureText(error);
      this.state.lastError = text;
      this.options.logger.warn('Request poll failed', { reason, error: error instanceof Error ? error.message : String(error) });
      return { status: 'failed', error: text };
    }
  }

  private async fetchAndStore(client: CentralClient): Promise<PollOutcome> {
    const { repository } = this.options;
    const previousEtag = repository.etag();
    const response = await client.fetchUrgentRequests(previousEtag);
    if (response.status === 'unchanged') return { status: 'unchanged' };

    // Requests are committed before anything shows them. Ids already stored are left alone, so a
    // request that is listed again never appears twice.
    const receivedAt = this.options.now();
    const received = writeTransaction(this.options.db, () => {
      const known = repository.knownIds();
      const fresh = response.requests.filter((request) => !known.has(request.id));
      for (const request of fresh) repository.insert(request, receivedAt);
      if (response.etag !== previousEtag) repository.saveEtag(response.etag);
      return fresh.map((request) => request.id);
    });

    if (received.length > 0) {
      this.options.logger.info('Urgent requests received', { count: received.length, ids: received });
      this.options.onReceived(received);
    }
    return { status: 'updated', received };
  }

  /** Waits the policy's interval, jittered so that an agency's devices do not poll in step. */
  private scheduleNext(): void {
    if (!this.running) return;
    if (this.timer) this.clearTimer(this.timer);

    const { seconds, jitterPercent } = this.options.interval();
    const jitter = 1 + ((2 * this.random() - 1) * jitterPercent) / 100;
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.pollNow('interval');
    }, Math.round(seconds * 1000 * jitter));
    // A pending poll must not keep a CLI process or a test alive.
    this.timer.unref?.();
  }
}
