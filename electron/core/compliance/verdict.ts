import type { Verdict } from '../../../shared/domain';

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
