// The setting of the reports integration tests: a Companion on a temporary data folder (real SQLite)
// with a controlled clock, enrolled against the reference central server on 127.0.0.1, and the
// fixture week of tests/fixtures/reports-week.ts built through real check-ins and reports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentralServer, type CentralServer } from '../../central/server';
import { Companion } from '../../electron/core/companion';
import { isCompanionError, type CompanionError } from '../../electron/core/errors';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { adminEventsResponseSchema, type PolicyDocument, type ReceivedEvent } from '../../shared/central-api';
import type { ActivityInput, DailyReportDraft } from '../../shared/reports';
import { fixtureActivities } from '../fixtures/reports-week';

/** Civil time in Asia/Jakarta (UTC+7, no daylight saving) as UTC milliseconds. */
export function wib(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+07:00`);
}

/** Runs fn and returns the CompanionError it throws; fails when it throws anything else or nothing. */
export function refusal(fn: () => unknown): CompanionError {
  try {
    fn();
  } catch (error) {
    if (isCompanionError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

export function draftOf(activities: ActivityInput[], obstacles = '', plan = 'Lanjutkan rekap'): DailyReportDraft {
  return { activities, obstacles, plan };
}

export const oneActivity = draftOf([{ description: 'Menyusun laporan kegiatan', output: 'Laporan 2 halaman', status: 'done', hours: 2 }]);

export class ReportsWorld {
  /** The companion's wall clock, UTC milliseconds; Thursday 16 July 2026, 10:00 WIB unless a test moves it. */
  clock = wib('2026-07-16', '10:00');
  private dataDir: string | null = null;
  private server: CentralServer | null = null;
  private opened: Companion | null = null;

  get companion(): Companion {
    if (!this.opened) throw new Error('ReportsWorld.open() was not called.');
    return this.opened;
  }

  get central(): CentralServer {
    if (!this.server) throw new Error('ReportsWorld.open() was not called.');
    return this.server;
  }

  /** Starts the central server (serving `policy` when given), opens the companion and enrolls it. */
  async open(policy?: PolicyDocument): Promise<Companion> {
    this.clock = wib('2026-07-16', '10:00');
    this.dataDir = mkdtempSync(join(tmpdir(), 'asn-reports-'));
    this.server = await startCentralServer({ port: 0, enrollmentCodes: ['DEMO'], ...(policy ? { policy } : {}) });
    this.opened = await Companion.open({ dataDir: this.dataDir, now: () => this.clock, secretStore: new MemorySecretStore(), logSink: silentSink });
    await this.opened.enroll(this.server.url, 'DEMO');
    return this.opened;
  }

  async close(): Promise<void> {
    this.opened?.close();
    await this.server?.close();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    this.opened = null;
    this.server = null;
    this.dataDir = null;
  }

  /** Events of one type that the central server stored, as GET /admin/events lists them. */
  async storedEvents(type: string): Promise<ReceivedEvent[]> {
    const response = await fetch(`${this.central.url}/admin/events`);
    return adminEventsResponseSchema.parse(await response.json()).events.filter((event) => event.type === type);
  }

  /**
   * Builds the fixture week (6-12 July 2026) through check-ins and reports, and leaves the clock at
   * Monday 13 July, 10:00 WIB. Wednesday's report is submitted on Thursday, so it is late.
   */
  buildFixtureWeek(): void {
    const reports = this.companion.reports.daily;
    const work = (date: string, from: string, to: string, during: () => void) => {
      this.clock = wib(date, from);
      this.companion.checkIn('wfh');
      during();
      this.clock = wib(date, to);
      this.companion.checkOut();
    };

    work('2026-07-06', '08:00', '16:00', () => {
      this.clock = wib('2026-07-06', '15:30');
      reports.saveDraft('2026-07-06', draftOf(fixtureActivities.monday));
      reports.submit('2026-07-06');
    });
    work('2026-07-07', '08:00', '12:30', () => {
      this.clock = wib('2026-07-07', '12:00');
      reports.saveDraft('2026-07-07', draftOf(fixtureActivities.tuesday));
      reports.submit('2026-07-07');
    });
    work('2026-07-08', '08:00', '15:00', () => {
      this.clock = wib('2026-07-08', '14:00');
      reports.saveDraft('2026-07-08', draftOf(fixtureActivities.wednesday, 'Aplikasi kepegawaian tidak dapat diakses lewat VPN'));
    });
    this.clock = wib('2026-07-09', '09:00');
    reports.submit('2026-07-08');
    work('2026-07-10', '09:00', '16:00', () => {
      this.clock = wib('2026-07-10', '15:00');
      reports.saveDraft('2026-07-10', draftOf(fixtureActivities.friday));
    });
    this.clock = wib('2026-07-13', '10:00');
  }
}
