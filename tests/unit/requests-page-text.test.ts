// Texts of the Permintaan page: the countdown, the response time and the request address, with the
// renderer's real i18next set-up and locale files.
import { describe, expect, it } from 'vitest';
import type { ResponseTime } from '../../shared/requests';
import { countdownText, formatCountdownDuration, isOverdueAt, responseTimeText } from '../../renderer/components/requests/request-time';
import { createI18n } from '../../renderer/i18n';
import { requestIdFromHash } from '../../renderer/components/requests/request-address';

const i18n = createI18n();
const idText = i18n.getFixedT('id');
const enText = i18n.getFixedT('en');

// 15:00 WIB on Monday 2 March 2026.
const DUE_1500 = Date.UTC(2026, 2, 2, 8, 0);
const MINUTE = 60_000;

function responseTime(overrides: Partial<ResponseTime>): Pick<{ responseTime: ResponseTime }, 'responseTime'> {
  return {
    responseTime: { allowedMs: 30 * MINUTE, acknowledgedAfterMs: null, answeredAfterMs: null, onTime: null, overdueByMs: 0, ...overrides },
  };
}

describe('formatCountdownDuration', () => {
  it('shows hours and minutes from an hour up', () => {
    expect(formatCountdownDuration(idText, 2 * 60 * MINUTE)).toBe('2 jam 0 menit');
    expect(formatCountdownDuration(enText, 65 * MINUTE + 59_000)).toBe('1 h 5 min');
  });

  it('shows minutes and seconds below an hour', () => {
    expect(formatCountdownDuration(idText, 29 * MINUTE + 45_000)).toBe('29 menit 45 detik');
    expect(formatCountdownDuration(enText, 29 * MINUTE + 45_000)).toBe('29 min 45 s');
  });

  it('shows seconds below a minute', () => {
    expect(formatCountdownDuration(idText, 9_999)).toBe('9 detik');
    expect(formatCountdownDuration(idText, -5_000)).toBe('0 detik');
  });
});

describe('countdownText', () => {
  it('counts down to the deadline', () => {
    expect(countdownText(idText, DUE_1500, DUE_1500 - 10 * MINUTE)).toBe('Sisa 10 menit 0 detik');
    expect(countdownText(enText, DUE_1500, DUE_1500 - 10 * MINUTE)).toBe('10 min 0 s left');
  });

  it('says overdue in words after the deadline', () => {
    expect(countdownText(idText, DUE_1500, DUE_1500 + 90_000)).toBe('Lewat batas 1 menit 30 detik');
    expect(countdownText(enText, DUE_1500, DUE_1500)).toBe('Overdue by 0 s');
  });
});

describe('isOverdueAt', () => {
  it('turns an open request overdue at its deadline', () => {
    expect(isOverdueAt({ state: 'open', dueAt: DUE_1500 }, DUE_1500 - 1)).toBe(false);
    expect(isOverdueAt({ state: 'open', dueAt: DUE_1500 }, DUE_1500)).toBe(true);
    expect(isOverdueAt({ state: 'answered', dueAt: DUE_1500 }, DUE_1500 + MINUTE)).toBe(false);
  });
});

describe('responseTimeText', () => {
  it('is null while unanswered', () => {
    expect(responseTimeText(idText, responseTime({}))).toBeNull();
  });

  it('reports an answer on time', () => {
    expect(responseTimeText(idText, responseTime({ answeredAfterMs: 12 * MINUTE, onTime: true }))).toBe('12 menit 0 detik dari batas 30 menit 0 detik, tepat waktu');
  });

  it('reports a late answer', () => {
    const late = responseTime({ answeredAfterMs: 35 * MINUTE, onTime: false, overdueByMs: 5 * MINUTE });

    expect(responseTimeText(idText, late)).toBe('35 menit 0 detik dari batas 30 menit 0 detik, terlambat 5 menit 0 detik');
    expect(responseTimeText(enText, late)).toBe('35 min 0 s of 30 min 0 s allowed, late by 5 min 0 s');
  });
});

describe('requestIdFromHash', () => {
  it('reads the request of the address', () => {
    expect(requestIdFromHash('#/permintaan/req-1500')).toBe('req-1500');
    expect(requestIdFromHash('#/permintaan/a%2Fb%20c')).toBe('a/b c');
  });

  it('returns null without a request', () => {
    expect(requestIdFromHash('#/permintaan')).toBeNull();
    expect(requestIdFromHash('#/beranda')).toBeNull();
    expect(requestIdFromHash('#/permintaan/%E0%A4%A')).toBeNull();
  });
});
