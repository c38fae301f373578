import { describe, expect, it } from 'vitest';
import { centralArguments, EXIT_CHECK_NOT_PASSED, EXIT_ERROR, EXIT_OK, exitCodeFor, runCli } from '../../electron/cli/main';
import type { CheckResult, ComplianceSnapshot, Verdict } from '../../shared/domain';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text + '\n'),
    stderr: (text) => (stderr += text + '\n'),
    env: {},
  });
  return { code, stdout, stderr };
}

function snapshotOf(...checks: [Verdict, Record<string, unknown>?][]): ComplianceSnapshot {
  const names = ['speed', 'vpn', 'power'] as const;
  return {
    id: 'snapshot',
    createdAt: 0,
    policyId: 'test',
    policyVersion: '1',
    overall: 'pass',
    checks: checks.map(([verdict, evidence], index): CheckResult => ({
      check: names[index]!,
      verdict,
      summary: { id: '', en: '' },
      evidence: evidence ?? {},
      policy: {},
      remediation: [],
      startedAt: 0,
      durationMs: 0,
    })),
  };
}

describe('CLI arguments', () => {
  it('names an unknown option in Indonesian', async () => {
    const result = await run(['status', '--bogus']);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toBe('Opsi tidak dikenal: --bogus. Jalankan "asn-companion help" untuk melihat opsi yang tersedia.\n');
  });

  it('names an unknown option in English', async () => {
    const result = await run(['status', '--bogus', '--lang', 'en']);
    expect(result.stderr).toContain('Unknown option --bogus.');
  });

  it('rejects an unavailable language', async () => {
    const result = await run(['status', '--lang', 'fr']);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain('Bahasa "fr" tidak tersedia');
  });

  it('checks the last --lang given', async () => {
    const result = await run(['status', '--lang', 'en', '--lang', 'fr']);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain('Bahasa "fr" tidak tersedia');
  });

  it('asks for the value of --lang', async () => {
    const result = await run(['status', '--lang']);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain('Opsi --lang membutuhkan nilai');
  });

  it('asks for the value of --central', async () => {
    const result = await run(['enroll', '--central']);
    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain('Opsi --central membutuhkan nilai');
  });

  it('prints help in both languages', async () => {
    expect((await run(['help'])).stdout).toContain('Penggunaan: asn-companion');
    expect((await run(['help', '--lang=en'])).stdout).toContain('Usage: asn-companion');
  });
});

describe('exitCodeFor', () => {
  it('is 0 when every check passed', () => {
    expect(exitCodeFor(snapshotOf(['pass'], ['pass'], ['pass']))).toBe(EXIT_OK);
  });

  it('is 1 for fail, warn or unknown', () => {
    expect(exitCodeFor(snapshotOf(['pass'], ['pass'], ['fail']))).toBe(EXIT_CHECK_NOT_PASSED);
    expect(exitCodeFor(snapshotOf(['pass'], ['warn'], ['pass']))).toBe(EXIT_CHECK_NOT_PASSED);
    expect(exitCodeFor(snapshotOf(['unknown'], ['pass'], ['pass']))).toBe(EXIT_CHECK_NOT_PASSED);
  });

  it('is 2 when a check broke', () => {
    expect(exitCodeFor(snapshotOf(['error'], ['fail'], ['pass']))).toBe(EXIT_ERROR);
  });

  it('ignores a skipped check', () => {
    expect(exitCodeFor(snapshotOf(['unknown', { skipped: true }], ['pass'], ['pass']))).toBe(EXIT_OK);
    expect(exitCodeFor(snapshotOf(['unknown', { skipped: true }], ['pass'], ['fail']))).toBe(EXIT_CHECK_NOT_PASSED);
  });
});

describe('centralArguments', () => {
  it('puts the database in the data folder', () => {
    expect(centralArguments({ 'data-dir': '/srv/asn', port: '8787' })).toEqual(['--port', '8787', '--db', '/srv/asn/central.sqlite3']);
  });

  it('prefers an explicit database', () => {
    expect(centralArguments({ 'data-dir': '/srv/asn', db: '/tmp/c.sqlite3' })).toEqual(['--db', '/tmp/c.sqlite3']);
  });

  it('passes every enrollment code', () => {
    expect(centralArguments({ 'enrollment-code': ['A1', 'B2'] })).toEqual(['--enrollment-code', 'A1', '--enrollment-code', 'B2']);
  });
});
