// The training deadline and its reminders from the policy, in the policy zone.
import { describe, expect, it } from 'vitest';
import { articleProfile, perpresProfile } from '../../electron/core/policy/profiles';
import { daysUntil, lastDayOfMonths, trainingDeadline, upcomingTrainingReminders } from '../../electron/core/training/deadline';

describe('training deadline', () => {
  it('ends six months from 1 January on 30 June', () => {
    expect(trainingDeadline(articleProfile.training)).toBe('2026-06-30');
  });

  it('clamps a start on the 31st', () => {
    // 31 August plus 6 months is 28 February (no 31st), and the period ends the day before.
    expect(lastDayOfMonths('2026-08-31', 6)).toBe('2027-02-27');
  });

  it('crosses a year', () => {
    expect(lastDayOfMonths('2026-10-15', 6)).toBe('2027-04-14');
  });

  it('is unset in the regulation profile', () => {
    expect(trainingDeadline(perpresProfile.training)).toBeNull();
  });

  it('counts days left in the policy zone', () => {
    // 2026-06-29 17:30 UTC is already 30 June 00:30 WIB: the deadline day itself.
    expect(daysUntil('2026-06-30', Date.parse('2026-06-29T17:30:00Z'), 'Asia/Jakarta')).toBe(0);
    expect(daysUntil('2026-06-30', Date.parse('2026-06-29T16:30:00Z'), 'Asia/Jakarta')).toBe(1);
  });
});

describe('training reminders', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');

  it('fires at the lead times at 09:00 WIB', () => {
    const reminders = upcomingTrainingReminders(articleProfile.training, 'Asia/Jakarta', now, false);
    expect(reminders.map((reminder) => reminder.date)).toEqual(['2026-06-16', '2026-06-23', '2026-06-29']);
    expect(reminders[0]!.at).toBe(Date.parse('2026-06-16T02:00:00Z'));
  });

  it('names the deadline and the allowance', () => {
    const [first] = upcomingTrainingReminders(articleProfile.training, 'Asia/Jakarta', now, false);
    expect(first!.text.id).toBe(
      'Pelatihan literasi digital wajib selesai paling lambat 2026-06-30, 14 hari lagi. Sertifikat memberi tunjangan kompetensi Rp 300.000 per bulan.',
    );
  });

  it('stops once certified', () => {
    expect(upcomingTrainingReminders(articleProfile.training, 'Asia/Jakarta', now, true)).toEqual([]);
  });

  it('has none after the deadline', () => {
    expect(upcomingTrainingReminders(articleProfile.training, 'Asia/Jakarta', Date.parse('2026-07-01T00:00:00Z'), false)).toEqual([]);
  });
});
