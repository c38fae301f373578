import { describe, expect, it } from 'vitest';
import { worstVerdict } from '../../electron/core/compliance/verdict';

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
