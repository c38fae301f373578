#!/usr/bin/env node
// Starts the desktop app from source.
//   node scripts/start.mjs         build everything, then run Electron on the project folder
//   node scripts/start.mjs --dev   serve the renderer from the Vite dev server, build main and preload, run Electron
// It never requires the 'electron' package, because that package tries to download its binary when
// loaded without one. Without internet that fails with a stack trace instead of the message below.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const projectRoot = resolve(import.meta.dirname, '..');

/**
 * Returns the Electron executable that `npm install electron` placed in electronDir, or null when it
 * is missing. Honours ELECTRON_OVERRIDE_DIST_PATH the way the electron package does.
 */
export function findElectronBinary(electronDir = join(projectRoot, 'node_modules', 'electron'), env = process.env) {
  let relativePath;
  try {
    relativePath = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    relativePath = null;
  }

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relativePath || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relativePath) return null;

  const candidate = join(electronDir, 'dist', relativePath);
  return existsSync(candidate) ? candidate : null;
}

export const MISSING_BINARY_MESSAGE = `Program Electron belum terpasang, jadi aplikasi desktop tidak dapat dijalankan di sini.
"npm start" mengunduhnya bila komputer dapat menjangkau server unduhan Electron dan
ELECTRON_SKIP_BINARY_DOWNLOAD tidak diatur. Untuk mengunduhnya secara manual, jalankan di folder ini:
    npx install-electron
Pemasang Electron membutuhkan Node.js 22.12 atau yang lebih baru.
Pengujian tidak membutuhkannya: jalankan "npm test".

The Electron binary is not installed, so the desktop app cannot start here.
"npm start" downloads it when the machine can reach Electron's download server and
ELECTRON_SKIP_BINARY_DOWNLOAD is not set. To download it by hand, run in this folder:
    npx install-electron
Electron's installer expects Node.js 22.12 or newer.
The tests do not need it: run "npm test".`;

/**
 * Runs the electron package's own installer, which downloads the binary of the installed version.
 * Since Electron 45 the package has no install script, so "npm install" alone leaves it missing.
 * Returns false without trying when ELECTRON_SKIP_BINARY_DOWNLOAD is set.
 */
export function downloadElectronBinary(electronDir = join(projectRoot, 'node_modules', 'electron'), env = process.env) {
  const skip = env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  if (skip !== undefined && skip !== '' && skip !== '0' && skip !== 'false') return false;

  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return false;

  console.error('Mengunduh program Electron... / Downloading the Electron binary...');
  const result = spawnSync(process.execPath, [installer], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status === 0) return true;

  // The installer prints a stack trace; the line that names the error is enough for the user.
  const reason = (result.stderr ?? '').split('\n').find((line) => /error/i.test(line)) ?? `exit code ${result.status}`;
  console.error(`Unduhan gagal / The download failed: ${reason.trim()}\n`);
  return false;
}

function runBuild() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`"npm run build" failed (exit code ${result.status ?? result.signal}); fix the errors above and start again.`);
    process.exit(1);
  }
}

async function buildMainAndPreload(vite) {
  for (const mode of ['main', 'preload']) {
    await vite.build({ configFile: join(projectRoot, 'vite.config.ts'), mode, logLevel: 'warn' });
  }
}

/** Runs Electron on the project folder and resolves with its exit code. */
function runElectron(binary, extraEnv) {
  const child = spawn(binary, [projectRoot], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
    windowsHide: false,
  });

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }

  return new Promise((resolvePromise) => {
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

async function startDev(binary) {
  const vite = await import('vite');
  const server = await vite.createServer({ configFile: join(projectRoot, 'vite.config.ts'), mode: 'development' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) {
    await server.close();
    throw new Error('The Vite dev server started but reported no local URL.');
  }
  console.log(`Renderer dev server: ${url}`);

  try {
    await buildMainAndPreload(vite);
    return await runElectron(binary, { VITE_DEV_SERVER_URL: url });
  } finally {
    await server.close();
  }
}

/**
 * Builds better-sqlite3 for Electron's ABI once (scripts/rebuild-electron.mjs), beside the Node build
 * the tests use. ASN_COMPANION_SKIP_ELECTRON_SQLITE=1 skips it for a stand-in binary that is not Electron.
 */
function ensureElectronSqlite(env = process.env) {
  if (env.ASN_COMPANION_SKIP_ELECTRON_SQLITE === '1') return true;
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'rebuild-electron.mjs')], { cwd: projectRoot, stdio: 'inherit', env });
  if (result.status === 0) return true;
  console.error(
    'Modul SQLite untuk Electron belum tersedia; jalankan "npm run rebuild:electron" di komputer yang terhubung ke internet.\n' +
      'The SQLite module for Electron is missing; run "npm run rebuild:electron" on a machine with internet access.',
  );
  return false;
}

async function main(args) {
  let binary = findElectronBinary();
  if (binary === null && downloadElectronBinary()) binary = findElectronBinary();
  if (binary === null) {
    console.error(MISSING_BINARY_MESSAGE);
    return 1;
  }
  if (!ensureElectronSqlite()) return 1;

  if (args.includes('--dev')) return startDev(binary);

  runBuild();
  return runElectron(binary, {});
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Starting the app failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
