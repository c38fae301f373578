// `npm test`: runs every step of the test suite, in order, and keeps going after a failing step, so
// one red step never hides the results of the others. Exits 1 when any step failed.
import { spawnSync } from 'node:child_process';

const steps = [
  { name: 'lint', script: 'lint' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'security scan', script: 'scan' },
  { name: 'unit and integration tests', script: 'test:unit' },
  { name: 'shaped-link speed tests', script: 'test:links' },
  { name: 'worktime tests in three zones', script: 'test:tz' },
  { name: 'browser tests', script: 'test:e2e' },
];

const failed = [];
for (const step of steps) {
  console.log(`\n=== ${step.name} (npm run ${step.script})`);
  const result = spawnSync('npm', ['run', '-s', step.script], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${step.name} (exit ${result.status ?? result.signal})`);
}

console.log('');
if (failed.length === 0) {
  console.log(`All ${steps.length} test steps passed.`);
} else {
  console.log(`Failed test steps: ${failed.join(', ')}.`);
  process.exit(1);
}
