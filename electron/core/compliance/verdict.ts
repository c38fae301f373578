import type { ComplianceSnapshot, Verdict } from '../../../shared/domain';

/** Severity of each verdict, worst first: a snapshot's overall verdict is its worst check. */
const severity: Record<Verdict, number> = { error: 4, fail: 3, warn: 2, unknown: 1, pass: 0 };

/** Returns the worst of the verdicts (error > fail > warn > unknown > pass); no verdicts gives unknown. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 0) return 'unknown';

  let worst: Verdict = 'pass';
  for (const verdict of verdicts) {
    if (severity[verdict] > severity[worst]) worst = verdict;
  }
  return worst;
}

/**
 * Reduces verdicts to the tray's three colours: fail beats warn beats pass. `unknown` and `error`
 * count as warn, because the machine could not show that the standard is met and the user should
 * look, but neither is a measured failure. An empty list (no check run yet) is warn for the same reason.
 */
export function trayColour(verdicts: readonly Verdict[]): 'pass' | 'warn' | 'fail' {
  if (verdicts.length === 0) return 'warn';
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.every((verdict) => verdict === 'pass')) return 'pass';
  return 'warn';
}

/** Returns the tray colour of the latest snapshot's checks; null (grey) while not checked in or before the first snapshot. */
export function trayVerdict(checkedIn: boolean, snapshot: Pick<ComplianceSnapshot, 'checks'> | null): 'pass' | 'warn' | 'fail' | null {
  if (!checkedIn || snapshot === null) return null;
  return trayColour(snapshot.checks.map((check) => check.verdict));
}
