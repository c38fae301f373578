// Sums the JSON reports of the vitest runs into one closing line, "N passed, N failed", which CI
// reads in place of the runners' own summaries. A missing report (its step did not run or did not
// finish) counts as one failure and is named, and a failed step that left no report (lint,
// typecheck) counts as one failure, so a red run never prints "0 failed".
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  'test-results/unit.json',
  'test-results/links.json',
  'test-results/e2e.json',
  // The worktime tests again under three OS zones (scripts/test-tz.mjs).
  'test-results/worktime-tz-UTC.json',
  'test-results/worktime-tz-Europe-London.json',
  'test-results/worktime-tz-America-New_York.json',
];
const exitStatus = Number(process.argv[2] ?? 0);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`Missing report ${file}: its test step did not run or did not finish.`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

if (exitStatus !== 0 && failed === 0) failed = 1;

// Skipped tests (the Electron smoke suite where the binary is missing) get a line of their own, so
// the closing line keeps exactly the form CI reads.
if (skipped > 0) console.log(`${skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
