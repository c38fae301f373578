// Digital-literacy training: the deadline from the policy, the modules and certificates the central
// LMS reports for this device, and reminders as the deadline nears.
import type { TrainingView } from '../../../shared/claims';
import { trainingRecordSchema, type TrainingRecord } from '../../../shared/central-api';
import { CentralError, type CentralClient } from '../central/client';
import { claimErrors } from '../claims/messages';
import { CentralResourceCache } from '../claims/central-cache';
import type { Logger } from '../logger';
import type { Policy } from '../policy/schema';
import { nodeScheduleDriver, type ScheduledJob, type ScheduleDriver } from '../scheduler/scheduler';
import type { Reminder } from '../scheduler/reminders';
import type { Database } from '../storage/database';
import { writeTransaction } from '../storage/database';
import { dateKey } from '../worktime/zoned-time';
import { daysUntil, trainingDeadline, upcomingTrainingReminders } from './deadline';

export interface TrainingServiceOptions {
  db: Database;
  policy: () => Policy;
  now: () => number;
  logger: Logger;
  client: () => Promise<CentralClient | null>;
  deliver: (reminder: Reminder) => void;
  driver?: ScheduleDriver;
}

const EMPTY_RECORD: TrainingRecord = { modules: [], certificates: [] };

export class TrainingService {
  private readonly cache: CentralResourceCache;
  private readonly driver: ScheduleDriver;
  private job: ScheduledJob | null = null;

  constructor(private readonly options: TrainingServiceOptions) {
    this.cache = new CentralResourceCache(options.db, 'training');
    this.driver = options.driver ?? nodeScheduleDriver;
  }

  /** Returns the record last fetched, or an empty one before the first fetch. */
  record(): TrainingRecord {
    const parsed = trainingRecordSchema.safeParse(this.cache.body());
    return parsed.success ? parsed.data : EMPTY_RECORD;
  }

  view(): TrainingView {
    const policy = this.options.policy();
    const now = this.options.now();
    const record = this.record();
    const deadline = trainingDeadline(policy.training);
    const certified = record.certificates.length > 0;
    return {
      programmeStart: policy.training.programmeStart,
      deadline,
      daysLeft: deadline === null ? null : daysUntil(deadline, now, policy.zone),
      modules: record.modules,
      certificates: record.certificates,
      certified,
      competencyAllowanceRupiah: policy.training.competencyAllowanceRupiah,
      nextReminderAt: upcomingTrainingReminders(policy.training, policy.zone, now, certified)[0]?.at ?? null,
      fetchedAt: this.cache.fetchedAt(),
      today: dateKey(now, policy.zone),
    };
  }

  /** Fetches the record with the ETag of the last reply; returns false when the device is not enrolled. */
  async refresh(): Promise<boolean> {
    const client = await this.options.client();
    if (client === null) return false;

    let reply: Awaited<ReturnType<typeof client.getConditional<TrainingRecord>>>;
    try {
      reply = await client.getConditional('v1/training', trainingRecordSchema, this.cache.etag());
    } catch (error) {
      if (!(error instanceof CentralError)) throw error;
      this.options.logger.warn('Training record fetch failed', { kind: error.kind, error: error.message });
      throw claimErrors.centralFailed({ id: 'Data pelatihan', en: 'Training data' }, error.message);
    }
    const now = this.options.now();
    writeTransaction(this.options.db, () => {
      if (reply.status === 'unchanged') this.cache.touch(now);
      else this.cache.store(reply.etag, reply.body, now);
    });
    if (reply.status === 'updated') {
      this.options.logger.info('Training record fetched', { modules: reply.body.modules.length, certificates: reply.body.certificates.length });
    }
    this.schedule('fetch');
    return true;
  }

  /**
   * Arms a timer for the next reminder only; when it fires the next one is armed. The companion
   * rebuilds it at start, after a policy change and after each fetch.
   * NOTE: the shell's resume handler rebuilds only the daily reminders, so a training reminder due
   * during sleep relies on node-schedule firing it late on wake.
   */
  schedule(reason: string): void {
    this.stop();
    const policy = this.options.policy();
    const certified = this.record().certificates.length > 0;
    const [next] = upcomingTrainingReminders(policy.training, policy.zone, this.options.now(), certified);
    if (!next) return;

    this.job = this.driver.at(next.at, () => {
      this.job = null;
      this.options.deliver(next);
      this.schedule('fired');
    });
    this.options.logger.debug('Training reminder scheduled', { reason, at: next.at });
  }

  stop(): void {
    this.job?.cancel();
    this.job = null;
  }
}
