#!/usr/bin/env node
// Builds better-sqlite3 for Electron's module ABI into native/electron-v<ABI>-<platform>-<arch>/,
// beside (not instead of) the Node build in node_modules that the tests and the CLI load. The app
// passes this file to better-sqlite3 as nativeBinding (electron/core/storage/native-binding.ts).
// Needs the network: it first tries better-sqlite3's prebuilt Electron binary (prebuild-install),
// then compiles against Electron's headers with node-gyp.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..');
const require = createRequire(join(projectRoot, 'package.json'));

const electronDir = join(projectRoot, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
const folder = join(projectRoot, 'native', `electron-v${abi}-${process.platform}-${process.arch}`);
const target = join(folder, 'better_sqlite3.node');

if (existsSync(target) && !process.argv.includes('--force')) {
  console.log(`Electron build of better-sqlite3 already present: ${target}`);
  process.exit(0);
}

// Work on a copy, so the Node build in node_modules is never replaced.
const packageDir = resolve(require.resolve('better-sqlite3/package.json'), '..');
const workDir = mkdtempSync(join(tmpdir(), 'better-sqlite3-electron-'));
cpSync(packageDir, workDir, { recursive: true, filter: (source) => !source.includes(`${packageDir}/build`) });

function run(command, args) {
  console.log(`> ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd: workDir, stdio: 'inherit' }).status === 0;
}

try {
  const prebuild = join(projectRoot, 'node_modules', 'prebuild-install', 'bin.js');
  const nodeGyp = process.env.npm_config_node_gyp;
  const built =
    (existsSync(prebuild) && run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch])) ||
    (nodeGyp !== undefined &&
      run(process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']));

  const output = join(workDir, 'build', 'Release', 'better_sqlite3.node');
  if (!built || !existsSync(output)) {
    console.error(
      `Could not build better-sqlite3 for Electron ${electronVersion} (ABI ${abi}). ` +
        'This needs the network; run it through "npm run rebuild:electron" so that npm provides node-gyp.',
    );
    process.exit(1);
  }

  mkdirSync(folder, { recursive: true });
  copyFileSync(output, target);
  console.log(`Electron build of better-sqlite3 written to ${target}`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
