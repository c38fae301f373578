// Urgent requests on the device: receiving them from the central system, alerting on their
// deadlines, and recording the user's acknowledgement and answer. The shell calls the methods marked
// "shell"; the IPC handlers and the CLI call the rest.
import { EventEmitter } from 'node:events';
import type { RequestAlert, RequestsList, RequestsSummary, RequestState, UrgentRequestView } from '../../../shared/requests';
import type { CentralClient } from '../central/client';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import type { TimerHandle } from '../outbox/delivery-triggers';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import type { ScheduleDriver } from '../scheduler/scheduler';
import type { Database } from '../storage/database';
import { RequestAlerts } from './alerts';
import { acknowledge, requireRequest, respond, type AnswerContext } from './answers';
import { RequestPoller, type PollOutcome, type PollReason } from './poller';
import { RequestsRepository, type StoredRequest } from './repository';
import { deliveryOf, sortForList, summarize, toView } from './view';

export type { PollOutcome, PollReason };

export interface RequestsServiceOptions {
  db: Database;
  outbox: Outbox;
  now: () => number;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  client: () => Promise<CentralClient | null>;
  checkedIn: () => boolean;
  /** Called after an acknowledgement or answer is queued, so delivery starts soon. */
  eventQueued: () => void;
  logger: Logger;
  /** Timer of the alerts; node-schedule by default, a recording fake in tests. */
  driver?: ScheduleDriver;
  /** Timer and random source of the poll; setTimeout and Math.random by default. */
  pollTimer?: { setTimer: (callback: () => void, delayMs: number) => TimerHandle; clearTimer: (handle: TimerHandle) => void };
  random?: () => number;
}

export class RequestsService {
  readonly repository: RequestsRepository;
  readonly poller: RequestPoller;
  readonly alerts: RequestAlerts;
  private readonly events = new EventEmitter();

  constructor(private readonly options: RequestsServiceOptions) {
    this.repository = new RequestsRepository(options.db);
    this.alerts = new RequestAlerts({
      db: options.db,
      repository: this.repository,
      policy: options.policy,
      calendar: options.calendar,
      now: options.now,
      emit: (alert) => this.events.emit('alert', alert),
      hasListener: () => this.events.listenerCount('alert') > 0,
      logger: options.logger.child('alerts'),
      driver: options.driver,
    });
    this.poller = new RequestPoller({
      db: options.db,
      repository: this.repository,
      client: options.client,
      now: options.now,
      checkedIn: options.checkedIn,
      interval: () => {
        const handling = options.policy().requests.handling;
        return { seconds: handling.pollSeconds, jitterPercent: handling.pollJitterPercent };
      },
      onReceived: () => this.afterChange('received'),
      logger: options.logger.child('poll'),
      random: options.random,
      ...options.pollTimer,
    });
  }

  /** Starts the background poll and the alert timer; the desktop app calls this, the CLI does not. */
  start(): void {
    this.alerts.recompute('start');
    this.poller.start();
  }

  stop(): void {
    this.poller.stop();
    this.alerts.stop();
  }

  /** shell: subscribes to alerts (new, reminder, overdue); returns a function that unsubscribes. */
  onAlert(listener: (alert: RequestAlert) => void): () => void {
    this.events.on('alert', listener);
    // The first listener gets what is already due, right after this call returns.
    if (this.events.listenerCount('alert') === 1) queueMicrotask(() => this.recomputeIfOpen('listener'));
    return () => this.events.off('alert', listener);
  }

  /** shell: subscribes to summary changes for the tray badge and the requestsChanged event. */
  onChanged(listener: (summary: RequestsSummary) => void): () => void {
    this.events.on('changed', listener);
    return () => this.events.off('changed', listener);
  }

  /**
   * shell: polls at once, e.g. on resume from sleep or when the network returns. After a resume the
   * alert timers are rebuilt from the wall clock first. Never rejects; the outcome says what happened.
   */
  async pollNow(reason: PollReason): Promise<PollOutcome> {
    if (reason === 'resume') {
      try {
        this.recompute('resume');
      } catch (error) {
        this.options.logger.error('Request alerts could not be recomputed after resume', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    return this.poller.pollNow(reason);
  }

  /** After a check-in: the background poll, when running, asks at once instead of waiting for its timer. */
  checkedIn(): void {
    if (this.poller.isRunning()) void this.poller.pollNow('check_in');
  }

  /** shell: raises what is due and rebuilds the alert timer from the wall clock, e.g. after resume. */
  recompute(reason: string): RequestAlert[] {
    const raised = this.alerts.recompute(reason);
    if (raised.length > 0) this.emitChanged();
    return raised;
  }

  private recomputeIfOpen(reason: string): void {
    if (this.options.db.open) this.recompute(reason);
  }

  summary(): RequestsSummary {
    return summarize(this.repository.all(), this.options.now());
  }

  list(states?: readonly RequestState[]): RequestsList {
    const now = this.options.now();
    const stored = this.repository.all();
    const views = stored.map((request) => this.view(request, now));
    const wanted = states && states.length > 0 ? new Set(states) : null;
    return {
      requests: sortForList(wanted ? views.filter((view) => wanted.has(view.state)) : views),
      summary: summarize(stored, now),
      poll: this.poller.status(),
      maxResponseLength: this.options.policy().requests.handling.maxResponseLength,
    };
  }

  get(id: string): UrgentRequestView {
    return this.view(requireRequest(this.repository, id), this.options.now());
  }

  /** "Terima": committed with the moment of the click and queued for the central system. Repeating it changes nothing. */
  acknowledge(id: string): UrgentRequestView {
    const recorded = acknowledge(this.answerContext(), id, this.options.now());
    if (recorded) this.afterAnswer(id, 'acknowledged');
    return this.get(id);
  }

  /** "Selesai": the response text with the moment of the click, queued for the central system; final once recorded. */
  respond(id: string, text: string): UrgentRequestView {
    const maxLength = this.options.policy().requests.handling.maxResponseLength;
    respond(this.answerContext(), id, text, this.options.now(), maxLength);
    this.afterAnswer(id, 'answered');
    return this.get(id);
  }

  private answerContext(): AnswerContext {
    return { db: this.options.db, repository: this.repository, outbox: this.options.outbox, zone: this.options.policy().zone };
  }

  private view(request: StoredRequest, now: number): UrgentRequestView {
    const eventState = (eventId: string | null) => (eventId === null ? null : (this.options.outbox.get(eventId)?.state ?? null));
    return toView(request, now, {
      nextAlertAt: this.alerts.nextAlertFor(request),
      acknowledgeDelivery: deliveryOf(eventState(request.acknowledgeEventId)),
      answerDelivery: deliveryOf(eventState(request.answerEventId)),
    });
  }

  private afterAnswer(id: string, what: 'acknowledged' | 'answered'): void {
    this.options.logger.info(`Request ${what}`, { requestId: id });
    this.options.eventQueued();
    this.afterChange(what);
  }

  /** New or answered requests change which alerts remain, so the timer is rebuilt and listeners told. */
  private afterChange(reason: string): void {
    this.alerts.recompute(reason);
    this.emitChanged();
  }

  private emitChanged(): void {
    if (this.events.listenerCount('changed') === 0) return;
    this.events.emit('changed', this.summary());
  }
}
