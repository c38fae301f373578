// Composition root: builds every core service from configuration. The Electron shell, the CLI and
// the browser-test bridge all drive the companion through this one object.
import { EventEmitter } from 'node:events';
import type {
  AttendanceStatus,
  CheckName,
  CompanionStatus,
  ComplianceSnapshot,
  FlushResult,
  DeadExport,
  Language,
  OutboxList,
  OutboxState,
  WorkMode,
} from '../../shared/domain';
import { CentralClient } from './central/client';
import { EnrollmentService, type Enrollment } from './central/enrollment';
import { runCompliance } from './compliance/runner';
import { AttestationRepository } from './compliance/attestations';
import { SnapshotRepository } from './compliance/snapshots';
import { createLogger, fileSink, type Logger, type LogSink } from './logger';
import { Outbox } from './outbox/outbox';
import { DeliveryTriggers } from './outbox/delivery-triggers';
import { OutboxSender } from './outbox/sender';
import { exportDead, listOutbox } from './outbox/transparency';
import { WorkCalendar } from './policy/calendar';
import { PolicyStore } from './policy/store';
import { openSecretStore, type SecretStore } from './secrets/secret-store';
import { lastRecovery, openDatabase, RECOVERY_SETTING, writeTransaction, type Database } from './storage/database';
import { ReminderScheduler } from './scheduler/scheduler';
import type { Reminder } from './scheduler/reminders';
import type { AttendanceService } from './worktime/attendance';
import { systemClock, type Clock } from './worktime/clock';
import type { ReturnChoice } from './worktime/return-prompt';
import { WorktimeService, type WorktimeNotice } from './worktime/service';
import { buildWorkTimeView } from './worktime/view';
import type { JobCategory, OfficeException, WorkTimeView } from '../../shared/worktime';
import type { WorkPlace } from './worktime/wfh-plan';

export const ATTENDANCE_STREAM = 'attendance';
export const COMPLIANCE_STREAM = 'compliance';

/** Name under which secrets are kept in the OS keychain. */
export const KEYCHAIN_SERVICE = 'asn-work-companion';

export interface CompanionOptions {
  dataDir: string;
  /** Wall clock in UTC milliseconds; tests pass a controlled one. */
  now?: () => number;
  /**
   * Wall and monotonic clocks for working time; by default the system's, or `now` for both when a
   * test passes only `now`.
   */
  clock?: Clock;
  /** Secret store to use instead of the OS keychain (tests). */
  secretStore?: SecretStore;
  logSink?: LogSink;
  /** Started from source against the loopback reference server; the UI shows "Mode demo". */
  demoMode?: boolean;
  /** Path of the better-sqlite3 build for this runtime (Electron); undefined uses the package's own. */
  nativeBinding?: string;
  /** Speed endpoint overriding the policy's, e.g. from --speed-endpoint. */
  speedEndpoint?: string | null;
  fetch?: typeof fetch;
}

export interface RunCheckOptions {
  skipSpeed?: boolean;
  speedEndpoint?: string | null;
  /** Re-runs this check alone; the others are copied from the latest snapshot. */
  only?: CheckName;
}

export class Companion {
  readonly db: Database;
  readonly logger: Logger;
  readonly policies: PolicyStore;
  readonly attendance: AttendanceService;
  readonly worktime: WorktimeService;
  readonly reminders: ReminderScheduler;
  readonly outbox: Outbox;
  readonly snapshots: SnapshotRepository;
  readonly enrollment: EnrollmentService;
  readonly sender: OutboxSender;
  /** Background delivery; the desktop app starts it, the CLI delivers only on `flush`. */
  readonly delivery: DeliveryTriggers;

  private readonly events = new EventEmitter();
  private calendarCache: { policy: unknown; calendar: WorkCalendar } | null = null;

  private constructor(
    readonly options: CompanionOptions & { now: () => number },
    readonly secrets: SecretStore,
    db: Database,
    logger: Logger,
  ) {
    this.db = db;
    this.logger = logger;
    const now = options.now;

    this.policies = new PolicyStore(db);
    this.outbox = new Outbox(db, now);
    this.snapshots = new SnapshotRepository(db);
    this.enrollment = new EnrollmentService({
      db,
      secrets,
      now,
      createClient: (baseUrl, token) => new CentralClient({ baseUrl, token, fetch: options.fetch }),
      logger: logger.child('enrollment'),
    });
    this.sender = new OutboxSender({
      outbox: this.outbox,
      client: () => this.enrollment.client(),
      now,
      logger: logger.child('outbox'),
    });
    this.delivery = new DeliveryTriggers({ sender: this.sender, now, logger: logger.child('delivery') });
    const clock = options.clock ?? (options.now === Date.now ? systemClock : { wall: now, monotonic: now });
    this.worktime = new WorktimeService({
      db,
      policy: () => this.policies.active(),
      calendar: () => this.calendar(),
      clock,
      logger: logger.child('worktime'),
      onChange: ({ type, session, at }) => {
        this.outbox.enqueue({
          stream: ATTENDANCE_STREAM,
          type: type === 'check_in' ? 'attendance.check_in' : 'attendance.check_out',
          occurredAt: at,
          payload: { sessionId: session.id, mode: session.mode, startedAt: session.startedAt, endedAt: session.endedAt },
        });
        this.delivery.eventQueued();
      },
      onNotice: (notice) => {
        this.events.emit('worktime-notice', notice);
        this.changed();
      },
    });
    this.attendance = this.worktime.attendance;
    this.reminders = new ReminderScheduler({
      policy: () => this.policies.active(),
      calendar: () => this.calendar(),
      now: () => clock.wall(),
      checkedIn: () => this.attendance.repository.openSession() !== null,
      deliver: (reminder, late) => this.events.emit('reminder', reminder, late),
      logger: logger.child('reminders'),
    });
  }

  /**
   * Starts what only the long-running app needs: closing a session left open by a dead process, the
   * presence heartbeat and the reminders. The command line never calls this.
   */
  startPresence(options: { heartbeatMs?: number | null; reminders?: boolean } = {}): void {
    this.worktime.start({ intervalMs: options.heartbeatMs });
    if (options.reminders ?? true) {
      this.reminders.recompute('start');
      // A new profile can move the window, the zone or the meeting, so the timers are rebuilt.
      this.policies.onInstalled(() => this.reminders.recompute('policy'));
    }
    this.changed();
  }

  /** Builds the Jam Kerja view: the week and month containing the date, away intervals and the due prompt. */
  workTime(date?: string): WorkTimeView {
    return buildWorkTimeView(this.worktime, this.policies.active(), this.calendar(), date);
  }

  /** Records the answer to a return prompt. */
  decideAway(awayId: string, choice: ReturnChoice): WorkTimeView {
    const away = this.worktime.decide(awayId, choice);
    this.logger.info('Away interval decided', { awayId, choice, minutes: Math.round(((away.endedAt ?? away.startedAt) - away.startedAt) / 60_000) });
    this.changed();
    return this.workTime();
  }

  /** Leaves the away time excluded; the prompt returns after the policy's delay. */
  postponeAway(awayId: string): WorkTimeView {
    this.worktime.prompts.postpone(awayId);
    this.changed();
    return this.workTime();
  }

  /** Attendance with this week's WFH days against the quota, as the home page shows it. */
  private attendanceWithWfh(): AttendanceStatus {
    const attendance = this.attendance.status();
    const { quotaDays, usedDays, leftDays, exceeded } = this.worktime.planner.week(attendance.today);
    return { ...attendance, wfh: { quotaDays, usedDays, leftDays, exceeded } };
  }

  /** Plans a day of the week as WFH or office; null removes the plan. Over-quota plans are saved and flagged. */
  planWfhDay(date: string, place: WorkPlace | null, exception: OfficeException | null): WorkTimeView {
    if (place === null) this.worktime.planner.clearDay(date);
    else this.worktime.planner.planDay(date, place, exception, this.options.now());
    this.changed();
    return this.workTime(date);
  }

  setJobCategory(category: JobCategory): WorkTimeView {
    this.worktime.planner.setJobCategory(category);
    this.changed();
    return this.workTime();
  }

  /** Subscribes to cap notices and return prompts; returns a function that unsubscribes. */
  onWorktimeNotice(listener: (notice: WorktimeNotice) => void): () => void {
    this.events.on('worktime-notice', listener);
    return () => this.events.off('worktime-notice', listener);
  }

  /** Subscribes to reminders as they fire; `late` marks one fired on wake after it was missed in sleep. */
  onReminder(listener: (reminder: Reminder, late: boolean) => void): () => void {
    this.events.on('reminder', listener);
    return () => this.events.off('reminder', listener);
  }

  /** Opens the database and the secret store; throws StorageError when the data folder is unusable. */
  static async open(options: CompanionOptions): Promise<Companion> {
    const logger = createLogger(options.logSink ?? fileSink(options.dataDir));
    const db = openDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
    const secrets = options.secretStore ?? (await openSecretStore({ service: KEYCHAIN_SERVICE, logger: logger.child('secrets') }));
    const companion = new Companion({ ...options, now: options.now ?? Date.now }, secrets, db, logger);
    logger.info('Companion started', { demoMode: options.demoMode ?? false, secureStorage: secrets.status.backend });
    return companion;
  }

  /**
   * Switches to demo mode against a loopback reference server: the status says "Mode demo" and the
   * speed test uses that server. Whether demo mode applies depends on the stored enrollment, which
   * is only known once the database is open.
   */
  enterDemoMode(centralUrl: string): void {
    this.options.demoMode = true;
    this.options.speedEndpoint = centralUrl;
    this.changed();
  }

  calendar(): WorkCalendar {
    const policy = this.policies.active();
    if (this.calendarCache?.policy !== policy) {
      this.calendarCache = { policy, calendar: new WorkCalendar(policy) };
    }
    return this.calendarCache.calendar;
  }

  status(): CompanionStatus {
    const policy = this.policies.active();
    return {
      attendance: this.attendanceWithWfh(),
      outbox: this.outbox.counts(),
      lastSnapshot: this.snapshots.latest(),
      enrollment: this.enrollment.current(),
      secureStorage: this.secrets.status,
      demoMode: this.options.demoMode ?? false,
      policy: { id: policy.id, version: policy.version, name: policy.name },
      storageNotice: lastRecovery(this.db)?.text ?? null,
    };
  }

  /** Forgets the notice of the last recovery from backup once the user has read it. */
  dismissStorageNotice(): { dismissed: boolean } {
    const dismissed = writeTransaction(this.db, () => this.db.prepare('DELETE FROM settings WHERE key = ?').run(RECOVERY_SETTING).changes > 0);
    this.changed();
    return { dismissed };
  }

  checkIn(mode: WorkMode): AttendanceStatus {
    const status = this.worktime.checkIn(mode);
    this.logger.info('Checked in', { mode });
    this.changed();
    return status;
  }

  checkOut(): AttendanceStatus {
    const status = this.worktime.checkOut();
    this.logger.info('Checked out');
    this.changed();
    return status;
  }

  /** Runs the workstation checks, stores the snapshot and queues it for the central system. */
  async runCheck(options: RunCheckOptions = {}): Promise<ComplianceSnapshot> {
    const policy = this.policies.active();
    const snapshot = await runCompliance({
      policy,
      speedEndpoint: options.speedEndpoint ?? this.options.speedEndpoint ?? policy.speed.endpoint,
      skipSpeed: options.skipSpeed ?? false,
      now: this.options.now,
      logger: this.logger.child('compliance'),
      attestations: new AttestationRepository(this.db).list(),
      only: options.only ? { check: options.only, previous: this.snapshots.latest() } : undefined,
    });

    writeTransaction(this.db, () => {
      this.snapshots.save(snapshot);
      this.outbox.enqueue({
        stream: COMPLIANCE_STREAM,
        type: 'compliance.snapshot',
        occurredAt: snapshot.createdAt,
        payload: snapshot as unknown as Record<string, unknown>,
      });
    });
    this.delivery.eventQueued();
    this.logger.info('Compliance run stored', { snapshotId: snapshot.id, overall: snapshot.overall });
    this.changed();
    return snapshot;
  }

  async enroll(centralUrl: string, code: string): Promise<Enrollment> {
    const enrollment = await this.enrollment.enroll(centralUrl, code);
    this.changed();
    return enrollment;
  }

  async flush(): Promise<FlushResult> {
    const result = await this.sender.requestFlush('user');
    this.changed();
    return result;
  }

  /** Outbox records for the Antrean page, newest first, with their exact payloads. */
  listOutbox(options: { states?: OutboxState[]; limit?: number } = {}): OutboxList {
    return listOutbox(this.outbox, options);
  }

  /** Puts dead records back in the queue at the user's request and tries to send them. */
  retryDead(ids: readonly string[]): { retried: number } {
    const retried = this.outbox.retryDead(ids);
    this.changed();
    if (retried > 0) void this.sender.requestFlush('user').then(() => this.changed(), () => this.changed());
    return { retried };
  }

  exportDead(): DeadExport {
    return exportDead(this.outbox, this.options.now());
  }

  language(): Language {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'language'").get() as { value: string } | undefined;
    return row?.value === 'en' ? 'en' : 'id';
  }

  setLanguage(language: Language): Language {
    writeTransaction(this.db, () => {
      this.db
        .prepare("INSERT INTO settings (key, value) VALUES ('language', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(language);
    });
    this.changed();
    return language;
  }

  /** Subscribes to status changes; returns a function that unsubscribes. */
  onStatusChanged(listener: (status: CompanionStatus) => void): () => void {
    this.events.on('status', listener);
    return () => this.events.off('status', listener);
  }

  close(): void {
    this.delivery.stop();
    this.worktime.stop();
    this.reminders.stop();
    this.events.removeAllListeners();
    this.db.close();
    this.logger.info('Companion stopped');
  }

  private changed(): void {
    if (this.events.listenerCount('status') === 0) return;
    const status = this.status();
    this.events.emit('status', status);
  }
}
