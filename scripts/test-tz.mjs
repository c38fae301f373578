// Runs the worktime tests once per OS time zone and fails unless every run passes with the same
// results: the totals are computed in the policy zone, so the OS zone must change nothing.
// Each run writes test-results/worktime-tz-<zone>.json, which scripts/test-summary.mjs counts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

export const zones = ['UTC', 'Europe/London', 'America/New_York'];

export function reportFile(zone) {
  return `test-results/worktime-tz-${zone.replace(/\//g, '-')}.json`;
}

function run(zone) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', 'tests/unit/worktime', '--reporter=dot', '--reporter=json', `--outputFile.json=${reportFile(zone)}`],
    { stdio: 'inherit', env: { ...process.env, TZ: zone } },
  );
  return result.status ?? 1;
}

/** Test name to status, in a stable order. */
function outcomes(zone) {
  const report = JSON.parse(readFileSync(reportFile(zone), 'utf8'));
  const entries = [];
  for (const file of report.testResults) {
    for (const test of file.assertionResults) entries.push([`${file.name.replace(process.cwd(), '')} > ${test.fullName}`, test.status]);
  }
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

mkdirSync('test-results', { recursive: true });
let failed = false;
for (const zone of zones) {
  console.log(`\nworktime tests with TZ=${zone}`);
  if (run(zone) !== 0) failed = true;
}

const [reference, ...others] = zones.map((zone) => ({ zone, results: outcomes(zone) }));
for (const other of others) {
  const names = new Set([...reference.results.keys(), ...other.results.keys()]);
  for (const name of names) {
    const expected = reference.results.get(name);
    const actual = other.results.get(name);
    if (expected !== actual) {
      failed = true;
      console.error(`Differs between TZ=${reference.zone} (${expected ?? 'missing'}) and TZ=${other.zone} (${actual ?? 'missing'}): ${name}`);
    }
  }
}

console.log(`\n${reference.results.size} worktime tests in each of ${zones.join(', ')}: ${failed ? 'FAILED' : 'identical results'}`);
process.exit(failed ? 1 : 0);
