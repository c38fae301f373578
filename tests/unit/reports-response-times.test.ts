// Response times to urgent requests as the dashboard shows them.
import { describe, expect, it } from 'vitest';
import { summarizeResponseTimes } from '../../electron/core/reports/response-times';

const MINUTE = 60_000;
const NOW = Date.parse('2026-07-16T03:00:00Z');

function request(sentMinutesAgo: number, dueAfter: number, answeredAfter: number | null) {
  const sentAt = NOW - sentMinutesAgo * MINUTE;
  return { sentAt, dueAt: sentAt + dueAfter * MINUTE, answeredAt: answeredAfter === null ? null : sentAt + answeredAfter * MINUTE };
}

describe('response times', () => {
  it('summarizes answered and overdue requests', () => {
    const summary = summarizeResponseTimes(
      [
        request(600, 120, 45), // urgent, answered in time
        request(500, 30, 50), // emergency, answered late
        request(400, 120, 90), // urgent, in time
        request(300, 120, null), // unanswered, overdue
        request(10, 120, null), // unanswered, still open
        request(31 * 24 * 60, 120, 500), // outside the 30 days
      ],
      NOW,
      30,
    );
    expect(summary).toEqual({
      available: true,
      windowDays: 30,
      requests: 5,
      answered: 3,
      answeredInTime: 2,
      answeredLate: 1,
      overdue: 1,
      medianMinutes: 50,
      maxMinutes: 90,
    });
  });

  it('takes median of even count', () => {
    const summary = summarizeResponseTimes([request(100, 120, 10), request(90, 120, 25)], NOW, 30);
    expect(summary).toMatchObject({ available: true, medianMinutes: 17.5 });
  });

  it('has no median without answers', () => {
    const summary = summarizeResponseTimes([], NOW, 30);
    expect(summary).toMatchObject({ available: true, medianMinutes: null });
  });
});
