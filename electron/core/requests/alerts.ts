// Raises request alerts on time: decides every unanswered request against the wall clock, records
// each alert before raising it (so a restart never repeats one), and arms one timer for the next.
// After sleep the shell calls recompute(), which follows the same rule as a timer that fired late.
import type { RequestAlert } from '../../../shared/requests';
import type { Logger } from '../logger';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { nodeScheduleDriver, type ScheduleDriver, type ScheduledJob } from '../scheduler/scheduler';
import { writeTransaction, type Database } from '../storage/database';
import { decideAlerts } from './alert-plan';
import { alertTexts } from './alert-texts';
import type { RequestsRepository, StoredRequest } from './repository';

export interface RequestAlertsOptions {
  db: Database;
  repository: RequestsRepository;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  now: () => number;
  /** Receives each alert once, after it is recorded. */
  emit: (alert: RequestAlert) => void;
  /**
   * Whether anyone shows alerts (the desktop shell). Without a listener nothing is raised or recorded,
   * so a CLI command never marks as shown an alert that the app should still show.
   */
  hasListener: () => boolean;
  logger: Logger;
  driver?: ScheduleDriver;
}

/** An alert raised this much after its release time counts as late (fired after sleep or a busy event loop). */
const LATE_AFTER_MS = 60_000;

export class RequestAlerts {
  private job: ScheduledJob | null = null;
  private nextAt: number | null = null;
  private readonly driver: ScheduleDriver;

  constructor(private readonly options: RequestAlertsOptions) {
    this.driver = options.driver ?? nodeScheduleDriver;
  }

  /** Raises the alerts that are due now, then arms the timer for the next one; returns what it raised. */
  recompute(reason: string): RequestAlert[] {
    const { db, repository, policy, calendar, now, logger } = this.options;
    const at = now();
    const raised: RequestAlert[] = [];
    let nextAt: number | null = null;

    if (!this.options.hasListener()) {
      this.arm(null);
      return raised;
    }

    // Decide and record in one transaction; nothing is written when no alert is due.
    writeTransaction(db, () => {
      for (const request of repository.unanswered()) {
        const decision = decideAlerts(request, repository.decidedAlerts(request.id), at, policy(), calendar());
        for (const skipped of decision.skip) repository.recordAlert(request.id, skipped.key, skipped.at, 'skipped', at);
        if (decision.raise) {
          repository.recordAlert(request.id, decision.raise.key, decision.raise.at, 'shown', at);
          raised.push(this.toAlert(request, decision.raise, at));
        }
        if (decision.nextAt !== null && (nextAt === null || decision.nextAt < nextAt)) nextAt = decision.nextAt;
      }
    });

    this.arm(nextAt);
    if (raised.length > 0) logger.info('Request alerts raised', { reason, alerts: raised.map((alert) => alert.alertId) });
    for (const alert of raised) this.emit(alert);
    return raised;
  }

  /** The next alert of one request, for the view; null when none is left. */
  nextAlertFor(request: StoredRequest): number | null {
    if (request.answeredAt !== null) return null;
    const { repository, policy, calendar, now } = this.options;
    return decideAlerts(request, repository.decidedAlerts(request.id), now(), policy(), calendar()).nextAt;
  }

  stop(): void {
    this.job?.cancel();
    this.job = null;
    this.nextAt = null;
  }

  private toAlert(request: StoredRequest, planned: { key: string; kind: RequestAlert['kind']; fraction: number | null; at: number; releasedAt: number }, firedAt: number): RequestAlert {
    const texts = alertTexts({ ...request, kind: planned.kind, now: firedAt, zone: this.options.policy().zone });
    return {
      alertId: `${request.id}:${planned.key}`,
      requestId: request.id,
      level: request.level,
      kind: planned.kind,
      fraction: planned.fraction,
      sender: request.sender,
      subject: request.subject,
      dueAt: request.dueAt,
      plannedAt: planned.at,
      firedAt,
      late: firedAt - planned.releasedAt > LATE_AFTER_MS || planned.releasedAt > planned.at,
      ...texts,
    };
  }

  private emit(alert: RequestAlert): void {
    try {
      this.options.emit(alert);
    } catch (error) {
      // The alert is recorded as shown; a failing listener must not stop the others or the timer.
      this.options.logger.error('Request alert listener failed', { alertId: alert.alertId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  private arm(nextAt: number | null): void {
    if (nextAt === this.nextAt && this.job !== null) return;
    this.job?.cancel();
    this.job = null;
    this.nextAt = nextAt;
    if (nextAt === null) return;

    // The fired job is forgotten first, so a timer that fires a little early re-arms for the same instant.
    this.job = this.driver.at(nextAt, () => {
      this.job = null;
      this.recompute('timer');
    });
  }
}
