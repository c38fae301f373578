// Builds the preload, then runs Electronegativity (Doyensec's static checker of Electron security
// settings) over the shell sources and the built preload, and exits 1 when a finding of medium
// severity or higher remains.
// An accepted finding is disabled at its line with an `eng-disable CHECK_NAME` comment and a reason.
//
// Usage: node scripts/scan-electron.mjs [FOLDER]
// FOLDER defaults to electron/; dist-electron/preload.cjs, built first, is scanned with it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const projectRoot = resolve(import.meta.dirname, '..');

/** Severity name of Electronegativity; findings at this level or above fail the scan. */
const FAILING_SEVERITY = 'MEDIUM';

/**
 * Keeps the scanner offline. On every run, Electronegativity 1.10.3 downloads translations from its S3
 * bucket, and its AvailableSecurityFixesGlobalCheck the list of Electron releases, both with `got`.
 * The bundled en-US texts are enough and the release check is advisory. So `got` is replaced, for the
 * scanner only, by a function that fails at once, and the scanner logs that and continues offline.
 */
function blockNetworkAccess() {
  const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [join(scannerDir, 'dist', 'locales')] });
  const offline = () => Promise.reject(new Error('network access disabled for the scan'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) };
}

/**
 * Copies the shell sources and the built preload into one temporary folder. Electronegativity's
 * global checks (CSP, navigation limits, permission handler) judge one input as a whole app, so the
 * preload scanned on its own would be reported as an app without any of them.
 */
/** Builds dist-electron/preload.cjs from the current sources, so the scan never sees a stale bundle. */
function buildPreload() {
  const vite = join(projectRoot, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--mode', 'preload', '--logLevel', 'warn'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`FAIL building the preload for the scan (vite exited with ${result.status ?? result.signal}); run "npm run build" to see why.`);
    process.exit(1);
  }
}

function stageInputs(sources) {
  const staged = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  cpSync(sources, join(staged, 'electron'), { recursive: true });

  const preloadBundle = join(projectRoot, 'dist-electron', 'preload.cjs');
  if (existsSync(preloadBundle)) {
    mkdirSync(join(staged, 'dist-electron'));
    cpSync(preloadBundle, join(staged, 'dist-electron', 'preload.cjs'));
  } else {
    console.log('Note: dist-electron/preload.cjs not found (npm run build makes it); scanning the preload sources only.');
  }
  return staged;
}

function electronVersion() {
  return JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

async function scan(input) {
  const run = require('@doyensec/electronegativity/dist/runner.js');
  return run({
    input,
    customScan: [],
    excludeFromScan: [],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion(),
    parserPlugins: [],
  });
}

async function main() {
  process.env.LANG = 'en-US';
  blockNetworkAccess();
  console.log('Network access is blocked for this scan, so the scanner\'s notes about missing connectivity are expected.');
  buildPreload();
  const { severity } = require('@doyensec/electronegativity/dist/finder/attributes.js');
  const threshold = severity[FAILING_SEVERITY].value;

  const sources = resolve(process.argv[2] ?? join(projectRoot, 'electron'));
  const staged = stageInputs(sources);
  let result;
  try {
    result = await scan(staged);
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }

  let failing = 0;
  for (const error of result.errors.filter((parseError) => !parseError.tolerable)) {
    console.error(`FAIL could not parse ${error.file}: ${error.message}`);
    failing += 1;
  }
  for (const issue of result.issues) {
    const fails = issue.severity.value >= threshold;
    if (fails) failing += 1;
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    console.log(`${fails ? 'FAIL' : 'note'} ${issue.severity.name} ${issue.id} ${where} ${issue.description}`);
  }

  const checks = result.atomicChecks + result.globalChecks;
  console.log(`Electronegativity: ${checks} checks, ${result.issues.length} finding(s), ${failing} at ${FAILING_SEVERITY} or higher.`);
  if (failing > 0) {
    console.log('Fix each finding, or disable it at its line with /* eng-disable CHECK_NAME */ and a comment saying why.');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`Electronegativity scan failed: ${error.stack ?? error}`);
  process.exit(1);
});
