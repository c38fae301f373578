// Composition root: builds every core service from configuration. The Electron shell, the CLI and
// the browser-test bridge all drive the companion through this one object.
import { EventEmitter } from 'node:events';
import type {
  AttendanceStatus,
  CompanionStatus,
  ComplianceSnapshot,
  FlushResult,
  Language,
  WorkMode,
} from '../../shared/domain';
import { CentralClient } from './central/client';
import { EnrollmentService, type Enrollment } from './central/enrollment';
import { runCompliance } from './compliance/runner';
import { SnapshotRepository } from './compliance/snapshots';
import { createLogger, fileSink, type Logger, type LogSink } from './logger';
import { Outbox } from './outbox/outbox';
import { OutboxSender } from './outbox/sender';
import { WorkCalendar } from './policy/calendar';
import { PolicyStore } from './policy/store';
import { openSecretStore, type SecretStore } from './secrets/secret-store';
import { openDatabase, writeTransaction, type Database } from './storage/database';
import { AttendanceService } from './worktime/attendance';

export const ATTENDANCE_STREAM = 'attendance';
export const COMPLIANCE_STREAM = 'compliance';

/** Name under which secrets are kept in the OS keychain. */
export const KEYCHAIN_SERVICE = 'asn-work-companion';

export interface CompanionOptions {
  dataDir: string;
  /** Wall clock in UTC milliseconds; tests pass a controlled one. */
  now?: () => number;
  /** Secret store to use instead of the OS keychain (tests). */
  secretStore?: SecretStore;
  logSink?: LogSink;
  /** Started from source against the loopback reference server; the UI shows "Mode demo". */
  demoMode?: boolean;
  /** Speed endpoint overriding the policy's, e.g. from --speed-endpoint. */
  speedEndpoint?: string | null;
  fetch?: typeof fetch;
}

export interface RunCheckOptions {
  skipSpeed?: boolean;
  speedEndpoint?: string | null;
}

export class Companion {
  readonly db: Database;
  readonly logger: Logger;
  readonly policies: PolicyStore;
  readonly attendance: AttendanceService;
  readonly outbox: Outbox;
  readonly snapshots: SnapshotRepository;
  readonly enrollment: EnrollmentService;
  readonly sender: OutboxSender;

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
    this.attendance = new AttendanceService(
      db,
      () => this.policies.active(),
      () => this.calendar(),
      now,
      ({ type, session, at }) => {
        this.outbox.enqueue({
          stream: ATTENDANCE_STREAM,
          type: type === 'check_in' ? 'attendance.check_in' : 'attendance.check_out',
          occurredAt: at,
          payload: { sessionId: session.id, mode: session.mode, startedAt: session.startedAt, endedAt: session.endedAt },
        });
      },
    );
  }

  /** Opens the database and the secret store; throws StorageError when the data folder is unusable. */
  static async open(options: CompanionOptions): Promise<Companion> {
    const logger = createLogger(options.logSink ?? fileSink(options.dataDir));
    const db = openDatabase(options.dataDir);
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
      attendance: this.attendance.status(),
      outbox: this.outbox.counts(),
      lastSnapshot: this.snapshots.latest(),
      enrollment: this.enrollment.current(),
      secureStorage: this.secrets.status,
      demoMode: this.options.demoMode ?? false,
      policy: { id: policy.id, version: policy.version, name: policy.name },
    };
  }

  checkIn(mode: WorkMode): AttendanceStatus {
    const status = this.attendance.checkIn(mode);
    this.logger.info('Checked in', { mode });
    this.changed();
    return status;
  }

  checkOut(): AttendanceStatus {
    const status = this.attendance.checkOut();
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
    const result = await this.sender.flush();
    this.changed();
    return result;
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
