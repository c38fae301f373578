// Presence: the shell reports power events and system idle time; a heartbeat finds the gaps that no
// event reported. Everything here turns those signals into away intervals inside the open session.
import { v7 as uuidv7 } from 'uuid';
import type { Logger } from '../logger';
import type { PresencePolicy } from '../policy/schema';
import { writeTransaction, type Database } from '../storage/database';
import type { AttendanceService } from './attendance';
import { IdleHealthMonitor, type IdleHealth } from './idle-health';
import type { AwayReason, AwayRecord, SessionRecord } from './records';
import type { WorktimeRepository } from './repository';
import type { Timeline } from './clock';

/** Presence signals from the shell to the core; Electron's powerMonitor maps onto them one to one. */
export interface PresenceSink {
  suspend(idleSeconds?: number): void;
  resume(): void;
  lock(idleSeconds?: number): void;
  unlock(): void;
  shutdown(): void;
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  idle(seconds: number): void;
  /** Input inside the companion's own windows. */
  input(): void;
}

export interface PresenceOptions {
  db: Database;
  attendance: AttendanceService;
  timeline: Timeline;
  policy: () => PresencePolicy;
  logger: Logger;
  /** Called after an away interval long enough to need the person's decision has closed. */
  onAwayClosed?: (away: AwayRecord) => void;
}

interface Beat {
  instant: number;
  wall: number;
  monotonic: number;
  drift: number;
}

export class PresenceTracker implements PresenceSink {
  private readonly repository: WorktimeRepository;
  private readonly idleHealth: IdleHealthMonitor;
  private lastBeat: Beat | null = null;
  private locked = false;
  private asleep = false;
  /** After a resume or a gap, the away interval ends at the first input after this instant. */
  private awaitingInputSince: number | null = null;
  private lastAppInput: number | null = null;

  constructor(private readonly options: PresenceOptions) {
    this.repository = options.attendance.repository;
    this.idleHealth = new IdleHealthMonitor(options.policy().idleSuspectAfterMinutes * 60_000);
  }

  idleDetection(): IdleHealth {
    return this.idleHealth.current();
  }

  suspend(idleSeconds?: number): void {
    this.asleep = true;
    this.openAway('sleep', this.lastInput(idleSeconds));
  }

  resume(): void {
    this.asleep = false;
    const now = this.options.timeline.catchUp();
    this.rebaseBeat();
    this.waitForInput(now);
  }

  lock(idleSeconds?: number): void {
    this.locked = true;
    this.openAway('lock', this.lastInput(idleSeconds));
  }

  unlock(): void {
    this.locked = false;
    this.asleep = false;
    this.awaitingInputSince = null;
    this.closeAway(this.options.timeline.now());
  }

  /** Checks out at the event's own time; an open away interval means the person left when it began. */
  shutdown(): void {
    const { db, attendance, timeline } = this.options;
    writeTransaction(db, () => {
      const session = this.repository.openSession();
      if (!session) return;
      const away = this.repository.openAway();
      const at = away ? away.startedAt : timeline.now();
      attendance.checkOutInTransaction({ at, flag: 'closed-at-shutdown' });
    });
    this.afterCheckOut();
  }

  idle(seconds: number): void {
    const now = this.options.timeline.now();
    if (!Number.isFinite(seconds) || seconds < 0) return;
    const wasAvailable = this.idleHealth.current().available;
    if (!this.idleHealth.observe(seconds, now)) {
      if (wasAvailable) this.withdrawIdleAway('Idle time is stuck; idle detection is now off');
      return;
    }

    const lastInput = now - seconds * 1000;
    if (this.lastAppInput !== null && seconds * 1000 >= this.thresholdMs() && this.lastAppInput > lastInput + this.toleranceMs()) {
      this.distrustIdle(now);
      return;
    }

    const open = this.repository.openAway();
    if (open) {
      this.endAwayOnInput(open, lastInput);
      return;
    }
    if (seconds * 1000 >= this.thresholdMs()) this.openAway('idle', lastInput);
  }

  input(): void {
    const now = this.options.timeline.now();
    this.lastAppInput = now;
    const open = this.repository.openAway();
    if (open) this.endAwayOnInput(open, now);
  }

  /**
   * Compares both clocks with the last beat. When the monotonic clock (which includes suspend where the
   * platform allows) moved much more than one interval, the machine slept or the process was frozen
   * without an event. The time since the last beat then becomes an away interval that waits for the
   * person's decision. When only the wall clock moved, it was stepped (NTP or by hand), so nothing
   * measured changes and the session is flagged.
   */
  heartbeat(): void {
    const { timeline, db } = this.options;
    const session = this.repository.openSession();
    if (!session) {
      this.lastBeat = null;
      return;
    }
    if (!timeline.pinned()) timeline.pin();

    const beat = this.readBeat();
    const previous = this.lastBeat;
    if (previous) {
      const driftChange = beat.drift - previous.drift;
      const monotonicGap = beat.monotonic - previous.monotonic;
      if (monotonicGap > this.gapMs() || (this.asleep && driftChange > this.toleranceMs())) {
        this.recordGap(session, previous, driftChange > this.toleranceMs());
      } else if (Math.abs(driftChange) > this.toleranceMs()) {
        writeTransaction(db, () => this.repository.addSessionFlag(session.id, 'clock-step'));
        this.options.logger.warn('Wall clock stepped during a session', { sessionId: session.id, stepMs: driftChange });
      }
    }

    this.lastBeat = this.readBeat();
    writeTransaction(db, () => this.repository.saveHeartbeat(session.id, this.lastBeat!.instant));
  }

  /**
   * Closes a session left open by a process that died: at the start of an open away interval, or
   * else at the last heartbeat, flagged either way. A session without any heartbeat was opened
   * without a running companion (e.g. from the command line) and stays open.
   */
  recover(staleAfterMs: number): SessionRecord | null {
    const { db, attendance, timeline } = this.options;
    const session = this.repository.openSession();
    const beat = this.repository.lastHeartbeat();
    if (!session || !beat || beat.sessionId !== session.id) return null;
    if (timeline.now() - beat.at < staleAfterMs) return null;

    writeTransaction(db, () => {
      const away = this.repository.openAway();
      if (away) attendance.checkOutInTransaction({ at: away.startedAt, flag: 'closed-at-sleep' });
      else attendance.checkOutInTransaction({ at: beat.at, flag: 'closed-at-heartbeat' });
    });
    this.afterCheckOut();
    this.options.logger.warn('Closed a session left open by a stopped process', { sessionId: session.id });
    return this.repository.session(session.id);
  }

  /** Forgets the in-memory state of a session that has ended. */
  afterCheckOut(): void {
    const { timeline } = this.options;
    this.lastBeat = null;
    this.awaitingInputSince = null;
    timeline.unpin(this.repository.lastSessionEnd() ?? timeline.now());
  }

  private recordGap(session: SessionRecord, previous: Beat, wallRanAhead: boolean): void {
    const { timeline, db, logger } = this.options;
    // A beat is running, so the machine is awake whether or not a resume event arrived.
    this.asleep = false;
    const now = timeline.catchUp();
    this.rebaseBeat();
    if (wallRanAhead) writeTransaction(db, () => this.repository.addSessionFlag(session.id, 'clock-jump'));
    logger.warn('Heartbeat gap found', { sessionId: session.id, gapMs: now - previous.instant, wallRanAhead });

    if (!this.repository.openAway()) this.openAway('gap', previous.instant);
    this.waitForInput(now);
  }

  /** Input at `at` ends the open interval, except while the screen is locked or before the return from sleep. */
  private endAwayOnInput(open: AwayRecord, at: number): void {
    if (this.locked || this.asleep) return;
    if (open.reason === 'lock' || open.reason === 'sleep' || open.reason === 'gap') {
      if (this.awaitingInputSince === null || at <= this.awaitingInputSince) return;
    }
    if (at <= open.startedAt) return;
    this.awaitingInputSince = null;
    this.closeAway(at);
  }

  private waitForInput(since: number): void {
    this.awaitingInputSince = since;
    // Without trustworthy idle time the return cannot be seen, so the interval ends on wake.
    if (!this.idleHealth.current().available) {
      this.awaitingInputSince = null;
      this.closeAway(since);
    }
  }

  private distrustIdle(now: number): void {
    this.idleHealth.contradict(now);
    this.withdrawIdleAway('Idle time rose while the companion saw input; idle detection is now off');
  }

  /** Time is never dropped on idle alone: an open interval that only idle time supports is withdrawn. */
  private withdrawIdleAway(message: string): void {
    this.options.logger.warn(message, { health: this.idleHealth.current() });
    const open = this.repository.openAway();
    if (open?.reason === 'idle') writeTransaction(this.options.db, () => this.repository.deleteAway(open.id));
  }

  private openAway(reason: AwayReason, from: number): void {
    const { db, timeline } = this.options;
    writeTransaction(db, () => {
      const session = this.repository.openSession();
      if (!session || this.repository.openAway()) return;
      const now = timeline.now();
      const startedAt = Math.min(now, Math.max(from, session.startedAt, this.repository.lastAwayEnd(session.id) ?? session.startedAt));
      this.repository.insertAway({
        id: uuidv7({ msecs: startedAt }),
        sessionId: session.id,
        startedAt,
        endedAt: null,
        reason,
        decision: 'pending',
        decidedAt: null,
        promptAfter: null,
      });
    });
  }

  /** Ends the open interval; one shorter than the policy threshold is dropped and counts as work. */
  private closeAway(at: number): void {
    const { db } = this.options;
    const closed = writeTransaction(db, () => {
      const open = this.repository.openAway();
      if (!open) return null;
      const endedAt = Math.max(open.startedAt, at);
      if (endedAt - open.startedAt < this.thresholdMs()) {
        this.repository.deleteAway(open.id);
        return null;
      }
      this.repository.closeAway(open.id, endedAt);
      return this.repository.away(open.id);
    });
    if (closed) this.options.onAwayClosed?.(closed);
  }

  private lastInput(idleSeconds: number | undefined): number {
    const now = this.options.timeline.now();
    if (idleSeconds === undefined || !this.idleHealth.current().available || idleSeconds < 0) return now;
    return now - idleSeconds * 1000;
  }

  private readBeat(): Beat {
    const { timeline } = this.options;
    const instant = timeline.now();
    const wall = timeline.clock.wall();
    return { instant, wall, monotonic: timeline.clock.monotonic(), drift: wall - instant };
  }

  private rebaseBeat(): void {
    if (this.lastBeat) this.lastBeat = this.readBeat();
  }

  private thresholdMs(): number {
    return this.options.policy().awayThresholdMinutes * 60_000;
  }

  private toleranceMs(): number {
    return this.options.policy().clockToleranceSeconds * 1000;
  }

  private gapMs(): number {
    return this.options.policy().heartbeatSeconds * 1000 * 3;
  }
}
