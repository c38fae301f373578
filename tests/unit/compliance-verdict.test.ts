import { describe, expect, it } from 'vitest';
import { trayVerdict, worstVerdict } from '../../electron/core/compliance/verdict';
import type { ComplianceSnapshot, Verdict } from '../../shared/domain';

describe('worstVerdict', () => {
  it('orders error > fail > warn > unknown > pass', () => {
    expect(worstVerdict(['pass', 'unknown', 'warn', 'fail', 'error'])).toBe('error');
    expect(worstVerdict(['pass', 'fail', 'warn', 'unknown'])).toBe('fail');
    expect(worstVerdict(['unknown', 'warn', 'pass'])).toBe('warn');
    expect(worstVerdict(['pass', 'unknown'])).toBe('unknown');
    expect(worstVerdict(['pass', 'pass'])).toBe('pass');
  });

  it('never makes pass out of nothing', () => {
    expect(worstVerdict([])).toBe('unknown');
  });
});

describe('trayVerdict', () => {
  const snapshot = (verdicts: Verdict[]) => ({ checks: verdicts.map((verdict) => ({ verdict })) }) as unknown as Pick<ComplianceSnapshot, 'checks'>;

  it('is grey while not checked in', () => {
    expect(trayVerdict(false, snapshot(['fail']))).toBeNull();
  });

  it('is grey before the first snapshot', () => {
    expect(trayVerdict(true, null)).toBeNull();
  });

  it('shows fail beside an errored check', () => {
    expect(trayVerdict(true, snapshot(['error', 'fail', 'pass']))).toBe('fail');
  });

  it('shows warn for an errored check alone', () => {
    expect(trayVerdict(true, snapshot(['error', 'pass']))).toBe('warn');
  });
});
