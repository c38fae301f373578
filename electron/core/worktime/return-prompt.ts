// The return prompt: after an away interval above the threshold the person keeps the time as work,
// discards it, or discards it and checks out. Unanswered prompts leave the time excluded and come back
// later. Every answer and every postponement is written to an append-only audit table.
import { CompanionError } from '../errors';
import { writeTransaction, type Database } from '../storage/database';
import type { AttendanceService } from './attendance';
import type { AwayDecision, AwayRecord } from './records';

export type ReturnChoice = Exclude<AwayDecision, 'pending'>;

export class ReturnPrompts {
  constructor(
    private readonly db: Database,
    private readonly attendance: AttendanceService,
    private readonly now: () => number,
    private readonly promptAgainMs: () => number,
  ) {}

  /** The oldest closed, undecided away interval whose prompt is due, or null. */
  due(): AwayRecord | null {
    return this.attendance.repository.promptsDue(this.now())[0] ?? null;
  }

  /** Records the choice; "discard-and-check-out" also ends the session when the person left. */
  decide(awayId: string, choice: ReturnChoice): AwayRecord {
    const repository = this.attendance.repository;
    const checkedOut = writeTransaction(this.db, () => {
      const away = this.requireAway(awayId);
      repository.decide(away, choice, this.now());

      const open = repository.openSession();
      if (choice !== 'discard-and-check-out' || open?.id !== away.sessionId) return false;
      this.attendance.checkOutInTransaction({ at: away.startedAt });
      return true;
    });
    if (checkedOut) this.onCheckedOut();
    return repository.away(awayId)!;
  }

  /** Leaves the interval excluded and shows the prompt again after the policy's delay. */
  postpone(awayId: string): AwayRecord {
    const repository = this.attendance.repository;
    writeTransaction(this.db, () => {
      const away = this.requireAway(awayId);
      const now = this.now();
      repository.postpone(away, now + this.promptAgainMs(), now);
    });
    return repository.away(awayId)!;
  }

  /** Set by the owner so the timeline is released when a choice checks out. */
  onCheckedOut: () => void = () => {};

  private requireAway(awayId: string): AwayRecord {
    const away = this.attendance.repository.away(awayId);
    if (!away) {
      throw new CompanionError('away_not_found', {
        id: `Interval tidak di tempat "${awayId}" tidak ditemukan. Muat ulang halaman Jam Kerja lalu coba lagi.`,
        en: `Away interval "${awayId}" was not found. Reload the Jam Kerja page and try again.`,
      });
    }
    if (away.endedAt === null) {
      throw new CompanionError('away_still_open', {
        id: 'Anda masih tercatat tidak di tempat. Keputusan bisa diambil setelah Anda kembali bekerja.',
        en: 'You are still recorded as away. You can decide once you are back at work.',
      });
    }
    return away;
  }
}
