// Decision deadlines in working days against the 2026 holiday and cuti bersama table.
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../electron/core/claims/deadline';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile } from '../../electron/core/policy/profiles';

const calendar = new WorkCalendar(articleProfile);

describe('claim decision deadline', () => {
  it('skips Nyepi, Idul Fitri and cuti bersama', () => {
    // Submitted on Friday 2026-03-13; the submission day does not count, day 1 is the next working day.
    //   day 1  Mon 16 Mar, day 2 Tue 17 Mar
    //   off    Wed 18 (cuti bersama), Thu 19 (Nyepi), Fri 20 (cuti bersama), Sat 21 and Sun 22 (Idul Fitri),
    //          Mon 23 and Tue 24 (cuti bersama)
    //   day 3  Wed 25, day 4 Thu 26, day 5 Fri 27, day 6 Mon 30, day 7 Tue 31, day 8 Wed 1 Apr,
    //   day 9  Thu 2 Apr; off Fri 3 Apr (Good Friday) and the weekend of 4-5 Apr
    //   day 10 Mon 6 Apr, day 11 Tue 7, day 12 Wed 8, day 13 Thu 9, day 14 Fri 10 Apr
    expect(addWorkingDays(calendar, '2026-03-13', 14)).toBe('2026-04-10');
  });

  it('reads each skipped day from the table', () => {
    const offDays = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-03'];
    for (const date of offDays) expect(calendar.day(date).working, date).toBe(false);
  });

  it('counts one working day as the next one', () => {
    expect(addWorkingDays(calendar, '2026-03-13', 1)).toBe('2026-03-16');
  });

  it('jumps the whole Lebaran break from Tuesday', () => {
    expect(addWorkingDays(calendar, '2026-03-17', 1)).toBe('2026-03-25');
  });

  it('skips a single mid-week holiday', () => {
    // From Monday 2026-06-08: 9-12 Jun are days 1-4, 15 Jun day 5, 16 Jun (1 Muharram) is off,
    // 17-19 Jun days 6-8, 22-26 Jun days 9-13, and Monday 29 Jun is day 14.
    expect(addWorkingDays(calendar, '2026-06-08', 14)).toBe('2026-06-29');
  });
});
