// The worktime model assembled: the timeline, attendance, presence, the return prompt, the weekly
// cap and the WFH plan. The long-running app calls start() to run the heartbeat. The command line
// does not, so its sessions follow the wall clock and are never closed behind its back.
import type { LocalizedText, WorkMode } from '../../../shared/domain';
import type { Logger } from '../logger';
import type { WorkCalendar } from '../policy/calendar';
import type { Policy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import { AttendanceService, type AttendanceHook } from './attendance';
import { capThresholdsReached, instantBeforeNow } from './cap';
import { Timeline, type Clock } from './clock';
import { capReachedText, capThresholdText } from './messages';
import { PresenceTracker } from './presence';
import type { AwayRecord } from './records';
import { ReturnPrompts, type ReturnChoice } from './return-prompt';
import { WfhPlanner } from './wfh-plan';
import { MINUTE } from './zoned-time';

export type WorktimeNotice =
  | { kind: 'cap-threshold'; minutes: number; text: LocalizedText }
  | { kind: 'cap-reached'; minutes: number; endedSession: boolean; text: LocalizedText }
  | { kind: 'return-prompt'; away: AwayRecord };

export interface WorktimeServiceOptions {
  db: Database;
  policy: () => Policy;
  calendar: () => WorkCalendar;
  clock: Clock;
  logger: Logger;
  onChange?: AttendanceHook;
  onNotice?: (notice: WorktimeNotice) => void;
}

export class WorktimeService {
  readonly timeline: Timeline;
  readonly attendance: AttendanceService;
  readonly presence: PresenceTracker;
  readonly prompts: ReturnPrompts;
  readonly planner: WfhPlanner;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** Postponed prompts already shown again, as "id:promptAfter", so each is shown once per postponement. */
  private askedAgain = new Set<string>();

  constructor(private readonly options: WorktimeServiceOptions) {
    const { db, policy, calendar, clock, logger } = options;
    this.timeline = new Timeline(clock);
    const now = () => this.timeline.now();
    this.attendance = new AttendanceService(db, policy, calendar, now, options.onChange);
    this.timeline.raiseFloor(this.attendance.repository.lastSessionEnd() ?? Number.NEGATIVE_INFINITY);

    this.presence = new PresenceTracker({
      db,
      attendance: this.attendance,
      timeline: this.timeline,
      policy: () => policy().worktime.presence,
      logger: logger.child('presence'),
      onAwayClosed: (away) => options.onNotice?.({ kind: 'return-prompt', away }),
    });
    this.prompts = new ReturnPrompts(db, this.attendance, now, () => policy().worktime.presence.promptAgainMinutes * MINUTE);
    this.prompts.onCheckedOut = () => this.presence.afterCheckOut();
    this.planner = new WfhPlanner(db, policy, calendar);
  }

  now(): number {
    return this.timeline.now();
  }

  /**
   * Closes a session left open by a process that died, measures the open session on the monotonic
   * clock and runs the heartbeat every policy interval. Pass `intervalMs: null` to drive tick() by hand.
   */
  start(options: { intervalMs?: number | null } = {}): void {
    const presence = this.options.policy().worktime.presence;
    this.presence.recover(presence.heartbeatSeconds * 1000 * 3);
    this.running = true;
    if (this.attendance.repository.openSession()) this.timeline.pin();
    this.presence.heartbeat();

    const intervalMs = options.intervalMs === undefined ? presence.heartbeatSeconds * 1000 : options.intervalMs;
    if (intervalMs !== null) {
      this.timer = setInterval(() => this.safeTick(), intervalMs);
      this.timer.unref();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.running = false;
  }

  /** Runs tick() from the timer, where an exception would otherwise end the process. */
  private safeTick(): void {
    try {
      this.tick();
    } catch (error) {
      this.options.logger.error('Worktime heartbeat failed; the next one tries again', { error: (error as Error).message });
    }
  }

  /** Runs one heartbeat: finds gaps and clock steps, checks the weekly cap and repeats due prompts. */
  tick(): void {
    this.presence.heartbeat();
    this.checkCap();
    this.askAgain();
  }

  /** Shows a postponed return prompt again once its delay has passed. */
  private askAgain(): void {
    const due = this.prompts.due();
    if (!due || due.promptAfter === null) return;
    const key = `${due.id}:${due.promptAfter}`;
    if (this.askedAgain.has(key)) return;
    this.askedAgain.add(key);
    this.options.onNotice?.({ kind: 'return-prompt', away: due });
  }

  checkIn(mode: WorkMode) {
    const status = this.attendance.checkIn(mode);
    if (this.running) {
      this.timeline.pin();
      this.presence.heartbeat();
    }
    return status;
  }

  checkOut() {
    // Pressing check-out is input: an idle interval ends here and waits for a decision, instead of the
    // session ending back when the idle time began.
    if (this.running) this.presence.input();
    writeTransaction(this.options.db, () => {
      // An open away interval means the person left when it began.
      const away = this.attendance.repository.openAway();
      this.attendance.checkOutInTransaction(away ? { at: away.startedAt } : {});
    });
    this.presence.afterCheckOut();
    return this.attendance.status();
  }

  decide(awayId: string, choice: ReturnChoice): AwayRecord {
    return this.prompts.decide(awayId, choice);
  }

  /**
   * Sends the notices for thresholds the week has reached, once each per week, and ends the session
   * at the cap when the policy requires it.
   */
  checkCap(): void {
    const policy = this.options.policy();
    const capMinutes = policy.worktime.weeklyCapMinutes;
    const week = this.attendance.week();
    const key = `cap_notified:${week.weekStart}`;
    const notified = this.readNotified(key);
    const reached = capThresholdsReached(policy.worktime.cap, capMinutes, week.workedMs, notified);
    if (reached.length === 0) return;

    const endsSession = policy.worktime.cap.onReach === 'end-session';
    let endedSession = false;
    writeTransaction(this.options.db, () => {
      const session = this.attendance.repository.openSession();
      if (endsSession && reached.includes(capMinutes) && session) {
        const aways = this.attendance.repository.awaysOf([session.id]);
        const at = instantBeforeNow(session, aways, this.now(), week.workedMs - capMinutes * MINUTE);
        this.attendance.checkOutInTransaction({ at, flag: 'cap-reached' });
        endedSession = true;
      }
      this.writeNotified(key, [...notified, ...reached]);
    });
    if (endedSession) this.presence.afterCheckOut();

    for (const minutes of reached) {
      if (minutes === capMinutes) {
        this.options.onNotice?.({ kind: 'cap-reached', minutes, endedSession, text: capReachedText(capMinutes, endedSession) });
      } else {
        this.options.onNotice?.({ kind: 'cap-threshold', minutes, text: capThresholdText(minutes, capMinutes) });
      }
    }
  }

  private readNotified(key: string): number[] {
    const row = this.options.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as number[]) : [];
  }

  private writeNotified(key: string, minutes: number[]): void {
    this.options.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(minutes));
  }
}
