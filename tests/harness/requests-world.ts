// A companion and the reference central server on 127.0.0.1 sharing one controlled clock, with the
// alert timer replaced by a recording driver that the test advances. Used by the requests-* tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentralServer, type CentralServer } from '../../central/server';
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import type { ScheduleDriver } from '../../electron/core/scheduler/scheduler';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import type { RequestLevel, RequestAlert } from '../../shared/requests';

const MINUTE = 60_000;

/** Monday 6 April 2026 at hh:mm WIB (UTC+7), a working day outside Ramadan with an 08.00–16.00 window. */
export function mondayAt(time: string): number {
  return Date.parse(`2026-04-06T${time}:00+07:00`);
}

export function minutes(count: number): number {
  return count * MINUTE;
}

interface Job {
  at: number;
  fire: () => void;
  cancelled: boolean;
}

/** Records armed timers; advanceTo() moves the clock and fires every job that has come due, in order. */
export class RecordingDriver implements ScheduleDriver {
  readonly jobs: Job[] = [];

  constructor(private readonly setClock: (instant: number) => void) {}

  at(instant: number, fire: () => void) {
    const job: Job = { at: instant, fire, cancelled: false };
    this.jobs.push(job);
    return { cancel: () => void (job.cancelled = true) };
  }

  /** Instants of the jobs still armed. */
  armed(): number[] {
    return this.jobs.filter((job) => !job.cancelled).map((job) => job.at);
  }

  advanceTo(instant: number): void {
    for (;;) {
      const due = this.jobs.filter((job) => !job.cancelled && job.at <= instant).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.cancelled = true;
      this.setClock(due.at);
      due.fire();
    }
    this.setClock(instant);
  }
}

export class RequestsWorld {
  clock: number;
  readonly dir = mkdtempSync(join(tmpdir(), 'asn-requests-'));
  readonly dataDir = join(this.dir, 'device');
  readonly centralDb = join(this.dir, 'central.sqlite3');
  readonly secrets = new MemorySecretStore();
  readonly driver = new RecordingDriver((instant) => (this.clock = instant));
  readonly serverLog: string[] = [];
  readonly alerts: RequestAlert[] = [];
  central!: CentralServer;
  companion!: Companion;
  private port = 0;

  constructor(start: number) {
    this.clock = start;
  }

  /** Starts the server, opens the companion, enrolls it and checks in. */
  async setUp(): Promise<void> {
    await this.startCentral();
    await this.openCompanion();
    await this.companion.enroll(this.central.url, 'DEMO');
    this.companion.checkIn('wfh');
  }

  async startCentral(): Promise<void> {
    this.central = await startCentralServer({ port: this.port, dbPath: this.centralDb, now: () => this.clock, logger: (line) => this.serverLog.push(line) });
    this.port = this.central.port;
  }

  /** Opens (or reopens, as after a restart) the companion on the same data folder and subscribes to alerts. */
  async openCompanion(): Promise<Companion> {
    this.companion = await Companion.open({
      dataDir: this.dataDir,
      now: () => this.clock,
      secretStore: this.secrets,
      logSink: silentSink,
      scheduleDriver: this.driver,
    });
    this.companion.requests.onAlert((alert) => this.alerts.push(alert));
    return this.companion;
  }

  /** Posts a request through the loopback admin endpoint and returns its id. */
  async post(level: RequestLevel, subject: string, extra: { dueAt?: number } = {}): Promise<string> {
    const response = await fetch(`${this.central.url}/admin/requests`, {
      method: 'POST',
      body: JSON.stringify({ level, sender: 'Kepala Bidang Perencanaan', subject, body: `Mohon tindak lanjut: ${subject}.`, ...extra }),
    });
    if (response.status !== 201) throw new Error(`POST /admin/requests returned ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  /** Lines the server logged for GET /v1/requests, one per request it answered. */
  requestPolls(): string[] {
    return this.serverLog.filter((line) => line.startsWith('GET /v1/requests '));
  }

  async tearDown(): Promise<void> {
    this.companion?.close();
    await this.central?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
