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
import { PeriodicRefresh } from './central/periodic-refresh';
import { POLICY_SYNC_INTERVAL_MS, PolicySync } from './central/policy-sync';
import { runCompliance } from './compliance/runner';
import { AttestationRepository } from './compliance/attestations';
import { SnapshotRepository } from './compliance/snapshots';
import { ComplianceSchedule, type ScheduleTrigger } from './compliance/schedule';
import { DeviceSigningKey } from './compliance/signing/device-key';
import { snapshotSignature } from './compliance/signing/signed-snapshot';
import { ensureKeyRegistered, markKeyRegistered } from './compliance/signing/key-registration';
import { trayVerdict } from './compliance/verdict';
import type { SnapshotSignature } from '../../shared/central-api';
import { createLogger, fileSink, type Logger, type LogSink } from './logger';
import { Outbox } from './outbox/outbox';
import { DeliveryTriggers } from './outbox/delivery-triggers';
import { OutboxSender, type FlushReason } from './outbox/sender';
import { exportDead, listOutbox } from './outbox/transparency';
import { WorkCalendar } from './policy/calendar';
import { PolicyStore } from './policy/store';
import { openSecretStore, type SecretStore } from './secrets/secret-store';
import { lastRecovery, openDatabase, RECOVERY_SETTING, writeTransaction, type Database } from './storage/database';
import { ReminderScheduler, type ScheduleDriver } from './scheduler/scheduler';
import { ClaimService } from './claims/service';
import { TrainingService } from './training/service';
import { RequestsService } from './requests/service';
import { RequestsRepository } from './requests/repository';
import { ReportsService } from './reports/service';
import { summarizeResponseTimes } from './reports/response-times';
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

/** Days of urgent requests the dashboard's response times cover, like its compliance history. */
const RESPONSE_TIMES_DAYS = 30;

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
  /** Timer of the urgent-request alerts; node-schedule by default, a recording fake in tests. */
  scheduleDriver?: ScheduleDriver;
}

export interface RunCheckOptions {
  skipSpeed?: boolean;
  speedEndpoint?: string | null;
  /** Re-runs this check alone; the others are copied from the latest snapshot. */
  only?: CheckName;
  /** The user asked for the speed test on a metered connection too. */
  allowMetered?: boolean;
  /** Stops the speed test (the schedule aborts its run at check-out and close). */
  signal?: AbortSignal;
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
  /** Installs the policy the central system assigns; checked during background delivery and on flush. */
  readonly policySync: PolicySync;
  /** Claim decisions and the training record, refreshed during background delivery. */
  private readonly centralRefresh: PeriodicRefresh;
  /** Allowance claims and their receipts (electron/core/claims/). */
  readonly claims: ClaimService;
  /** Digital-literacy training status and deadline reminders (electron/core/training/). */
  readonly training: TrainingService;
  /** Urgent requests: polling, deadline alerts, acknowledgement and answer (electron/core/requests/). */
  readonly requests: RequestsService;
  /** Daily reports, weekly summaries, output targets and the dashboard (electron/core/reports/). */
  readonly reports: ReportsService;

  /** Compliance runs at check-in, on a timer, on network change and on resume (desktop app only). */
  readonly complianceSchedule: ComplianceSchedule;

  private readonly events = new EventEmitter();
  private calendarCache: { policy: unknown; calendar: WorkCalendar } | null = null;
  /** Settles when the compliance run in progress (if any) ends; the next run waits for it. */
  private complianceTurn: Promise<void> = Promise.resolve();
  private complianceScheduleEnabled = false;
  private signingKey: Promise<DeviceSigningKey> | null = null;
  /** The last key registration started after a snapshot; tests await it. */
  keyRegistration: Promise<void> = Promise.resolve();
  private closed = false;

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
    this.policySync = new PolicySync({
      db,
      policies: this.policies,
      client: () => this.enrollment.client(),
      now,
      logger: logger.child('policy-sync'),
    });
    // Background delivery also checks the central policy and refreshes claim decisions and the
    // training record, each at most once per POLICY_SYNC_INTERVAL_MS.
    const deliverAndSyncPolicy = {
      requestFlush: async (reason: FlushReason) => {
        const result = await this.sender.requestFlush(reason);
        await this.policySync.syncIfDue();
        await this.centralRefresh.runIfDue();
        return result;
      },
      nextAttemptAt: () => this.sender.nextAttemptAt(),
    };
    this.delivery = new DeliveryTriggers({ sender: deliverAndSyncPolicy, now, logger: logger.child('delivery') });
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
        this.followAttendance(type);
      },
      onNotice: (notice) => {
        this.events.emit('worktime-notice', notice);
        this.changed();
      },
    });
    this.attendance = this.worktime.attendance;
    this.complianceSchedule = this.buildComplianceSchedule();
    this.reminders = new ReminderScheduler({
      policy: () => this.policies.active(),
      calendar: () => this.calendar(),
      now: () => clock.wall(),
      checkedIn: () => this.attendance.repository.openSession() !== null,
      reportSubmitted: (date) => this.reports.daily.isSubmitted(date),
      deliver: (reminder, late) => this.events.emit('reminder', reminder, late),
      logger: logger.child('reminders'),
    });
    this.claims = new ClaimService({
      db,
      dataDir: options.dataDir,
      policy: () => this.policies.active(),
      calendar: () => this.calendar(),
      outbox: this.outbox,
      now,
      logger: logger.child('claims'),
      onQueued: () => this.delivery.eventQueued(),
      client: () => this.enrollment.client(),
    });
    this.training = new TrainingService({
      db,
      policy: () => this.policies.active(),
      now,
      logger: logger.child('training'),
      client: () => this.enrollment.client(),
      deliver: (reminder) => this.events.emit('reminder', reminder, false),
    });
    this.centralRefresh = new PeriodicRefresh({
      jobs: [
        { name: 'claim-statuses', run: () => this.claims.refreshStatuses() },
        { name: 'training-record', run: () => this.training.refresh() },
      ],
      intervalMs: POLICY_SYNC_INTERVAL_MS,
      now,
      logger: logger.child('central-refresh'),
    });
    this.requests = new RequestsService({
      db,
      outbox: this.outbox,
      now,
      policy: () => this.policies.active(),
      calendar: () => this.calendar(),
      client: () => this.enrollment.client(),
      checkedIn: () => this.attendance.repository.openSession() !== null,
      eventQueued: () => this.delivery.eventQueued(),
      logger: logger.child('requests'),
      driver: options.scheduleDriver,
    });
    this.reports = new ReportsService({
      db,
      outbox: this.outbox,
      policy: () => this.policies.active(),
      calendar: () => this.calendar(),
      now,
      language: () => this.language(),
      workWeek: (date) => this.workTime(date).week,
      // Response times come from the urgent requests stored by the requests module (migration 0004).
      responseTimes: () => summarizeResponseTimes(new RequestsRepository(db).all(), now(), RESPONSE_TIMES_DAYS),
      // The outbox counts on the home page change with each submitted report.
      onQueued: () => {
        this.delivery.eventQueued();
        this.changed();
      },
      logger: logger.child('reports'),
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
      this.training.schedule('start');
      this.policies.onInstalled(() => this.training.schedule('policy'));
    }
    // Urgent requests: the poll runs while checked in; alerts follow the deadlines whatever the attendance.
    this.requests.start();
    this.policies.onInstalled(() => this.requests.recompute('policy'));
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
    const attendance = this.attendanceWithWfh();
    const lastSnapshot = this.snapshots.latest();
    return {
      attendance,
      outbox: this.outbox.counts(),
      lastSnapshot,
      enrollment: this.enrollment.current(),
      secureStorage: this.secrets.status,
      demoMode: this.options.demoMode ?? false,
      policy: { id: policy.id, version: policy.version, name: policy.name },
      storageNotice: lastRecovery(this.db)?.text ?? null,
      complianceWorst: trayVerdict(attendance.checkedIn, lastSnapshot),
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
    this.requests.checkedIn();
    this.changed();
    return status;
  }

  checkOut(): AttendanceStatus {
    const status = this.worktime.checkOut();
    this.logger.info('Checked out');
    this.changed();
    return status;
  }

  /**
   * Runs the workstation checks, signs and stores the snapshot and queues it for the central system.
   * Runs take turns, whoever starts them (the user, the CLI, the schedule): two speed tests at once
   * would each measure about half of the link.
   */
  runCheck(options: RunCheckOptions = {}): Promise<ComplianceSnapshot> {
    const run = this.complianceTurn.then(() => this.runCheckNow(options));
    this.complianceTurn = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async runCheckNow(options: RunCheckOptions): Promise<ComplianceSnapshot> {
    if (options.signal?.aborted) throw new Error('The compliance run was stopped while it waited for its turn.');
    const policy = this.policies.active();
    const snapshot = await runCompliance({
      policy,
      speedEndpoint: options.speedEndpoint ?? this.options.speedEndpoint ?? policy.speed.endpoint,
      skipSpeed: options.skipSpeed ?? false,
      now: this.options.now,
      logger: this.logger.child('compliance'),
      attestations: new AttestationRepository(this.db).list(),
      signal: options.signal,
      only: options.only ? { check: options.only, previous: this.snapshots.latest() } : undefined,
      allowMetered: options.allowMetered,
    });

    const signature = await this.signSnapshot(snapshot);
    if (this.closed) throw new Error(`The companion closed during compliance run ${snapshot.id}; the run was not stored.`);
    // A scheduled run stopped by check-out measured only part of the workstation, so it is dropped.
    if (options.signal?.aborted) throw new Error(`Compliance run ${snapshot.id} was stopped before it was stored.`);

    writeTransaction(this.db, () => {
      this.snapshots.save(snapshot, signature);
      this.outbox.enqueue({
        stream: COMPLIANCE_STREAM,
        type: 'compliance.snapshot',
        occurredAt: snapshot.createdAt,
        payload: { ...snapshot, ...(signature ? { signature } : {}) },
      });
    });
    this.delivery.eventQueued();
    this.complianceSchedule.ranElsewhere();
    // Only the desktop app registers right away; the CLI registers on `flush`, so that `check` never
    // waits for the network.
    if (signature && this.complianceScheduleEnabled) this.keyRegistration = this.registerSigningKey();
    this.logger.info('Compliance run stored', { snapshotId: snapshot.id, overall: snapshot.overall, keyId: signature?.keyId ?? null });
    this.changed();
    return snapshot;
  }

  /**
   * Returns the device's signing key, loading or creating it once per process. Where no keychain is
   * available the secret store is process memory, so the key lives as long as the process, like the
   * device token, and a restart makes a new one.
   */
  deviceSigningKey(): Promise<DeviceSigningKey> {
    this.signingKey ??= DeviceSigningKey.loadOrCreate(this.secrets, this.db).catch((error: unknown) => {
      this.signingKey = null;
      throw error;
    });
    return this.signingKey;
  }

  /**
   * Signs the snapshot with the device key. When the keychain cannot be read (locked, timed out) the
   * snapshot is stored unsigned rather than lost; `snapshot export` signs such a row when exporting.
   */
  private async signSnapshot(snapshot: ComplianceSnapshot): Promise<SnapshotSignature | null> {
    try {
      return snapshotSignature(snapshot, await this.deviceSigningKey());
    } catch (error) {
      this.logger.error('Compliance snapshot stored unsigned: the signing key could not be read', {
        snapshotId: snapshot.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }

  /** Registers the signing key with the central system when it has not accepted this key yet; never rejects. */
  private async registerSigningKey(): Promise<void> {
    try {
      if (this.closed) return;
      await ensureKeyRegistered({
        db: this.db,
        enrollment: this.enrollment.current(),
        key: await this.deviceSigningKey(),
        client: () => this.enrollment.client(),
        logger: this.logger.child('compliance.signing'),
      });
    } catch (error) {
      this.logger.warn('Checking the signing key registration failed', { error: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * Lets the compliance schedule run while the user is checked in. Only the desktop app calls this;
   * the command line runs checks on request only.
   */
  startComplianceSchedule(): void {
    this.complianceScheduleEnabled = true;
    if (this.attendance.repository.openSession() !== null) this.complianceSchedule.start();
  }

  private buildComplianceSchedule(): ComplianceSchedule {
    return new ComplianceSchedule({
      policy: () => this.policies.active().complianceSchedule,
      run: (_trigger: ScheduleTrigger, signal: AbortSignal) => this.runCheck({ signal }),
      logger: this.logger.child('compliance.schedule'),
    });
  }

  /** Starts or stops the schedule as attendance changes, whichever path checked in or out. */
  private followAttendance(type: 'check_in' | 'check_out'): void {
    if (type === 'check_out') this.complianceSchedule.stop();
    else if (this.complianceScheduleEnabled) this.complianceSchedule.start();
  }

  /** Enrolls the device and registers the public half of its snapshot signing key with the enrollment. */
  async enroll(centralUrl: string, code: string): Promise<Enrollment> {
    let publicKey: string | undefined;
    try {
      publicKey = (await this.deviceSigningKey()).publicKey;
    } catch (error) {
      // The token needs the same keychain, so enrollment itself reports the problem to the user.
      this.logger.warn('Enrolling without a signing key: the key could not be read', { error: error instanceof Error ? error.message : String(error) });
    }
    const enrollment = await this.enrollment.enroll(centralUrl, code, publicKey);
    if (publicKey !== undefined) markKeyRegistered(this.db, enrollment.deviceId, (await this.deviceSigningKey()).keyId);
    this.changed();
    return enrollment;
  }

  async flush(): Promise<FlushResult> {
    await this.registerSigningKey();
    const result = await this.sender.requestFlush('user');
    await this.policySync.sync();
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
    this.closed = true;
    this.complianceSchedule.stop();
    this.delivery.stop();
    this.worktime.stop();
    this.reminders.stop();
    this.training.stop();
    this.requests.stop();
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
