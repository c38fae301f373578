// scripts/start.mjs: finding the Electron binary without loading the electron package, the message
// printed when the binary is missing, and the --dev start against a stand-in binary that
// ELECTRON_OVERRIDE_DIST_PATH points at.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const startScript = join(projectRoot, 'scripts', 'start.mjs');

interface StartModule {
  findElectronBinary(electronDir?: string, env?: NodeJS.ProcessEnv): string | null;
  MISSING_BINARY_MESSAGE: string;
}

// Imported by URL so the compiler does not look for type declarations of the .mjs file.
const start = (await import(pathToFileURL(startScript).href)) as StartModule;

/** Returns the environment without the variable that redirects the electron package to another binary, and with downloads off. */
function envWithoutOverride(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  delete env.ELECTRON_OVERRIDE_DIST_PATH;
  return env;
}

const binaryInstalled = start.findElectronBinary(undefined, envWithoutOverride()) !== null;

describe('findElectronBinary', () => {
  let electronDir: string;
  beforeEach(() => {
    electronDir = mkdtempSync(join(tmpdir(), 'electron-package-'));
  });
  afterEach(() => rmSync(electronDir, { recursive: true, force: true }));

  it('returns null without path.txt', () => {
    expect(start.findElectronBinary(electronDir, {})).toBeNull();
  });

  it('returns null when path.txt names a missing file', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');

    expect(start.findElectronBinary(electronDir, {})).toBeNull();
  });

  it('returns the binary named by path.txt', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist', 'electron'), '');

    expect(start.findElectronBinary(electronDir, {})).toBe(join(electronDir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const override = join(electronDir, 'elsewhere');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');

    expect(start.findElectronBinary(electronDir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(join(override, 'electron'));
  });
});

describe('npm start without the Electron binary', () => {
  for (const args of [[], ['--dev']]) {
    it(`prints install help and exits 1 (${args.join(' ') || 'no flags'})`, (context) => {
      // With the binary present this branch cannot be reached; the report shows the skip and why.
      context.skip(binaryInstalled, 'Electron binary installed');

      const result = spawnSync(process.execPath, [startScript, ...args], {
        cwd: projectRoot,
        env: envWithoutOverride(),
        encoding: 'utf8',
        timeout: 20_000,
      });

      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(start.MISSING_BINARY_MESSAGE);
      expect(result.stderr).toContain('The Electron binary is not installed');
      expect(result.stderr).toContain('Program Electron belum terpasang');
      expect(result.stderr).toContain('npx install-electron');
      expect(result.stderr).toContain('npm test');
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout).toBe('');
    });
  }
});

describe('npm start downloading Electron', () => {
  it('reports a failed download and exits 1', async (context) => {
    context.skip(binaryInstalled, 'Electron binary installed');

    // A loopback mirror that has no files: the installer's download fails at once.
    const mirror = createServer((_request, response) => {
      response.writeHead(404).end('not found');
    });
    await new Promise<void>((resolveListen) => mirror.listen(0, '127.0.0.1', resolveListen));
    const port = (mirror.address() as AddressInfo).port;
    const cacheDir = mkdtempSync(join(tmpdir(), 'electron-cache-'));

    try {
      const env: NodeJS.ProcessEnv = { ...envWithoutOverride(), ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cacheDir };
      delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
      const result = await new Promise<{ status: number | null; stderr: string }>((resolveRun) => {
        execFile(process.execPath, [startScript], { cwd: projectRoot, env, encoding: 'utf8', timeout: 60_000 }, (error, _stdout, stderr) => {
          resolveRun({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr });
        });
      });

      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Mengunduh program Electron... / Downloading the Electron binary');
      expect(result.stderr).toContain('Unduhan gagal');
      expect(result.stderr).toContain(start.MISSING_BINARY_MESSAGE);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      mirror.close();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('npm run dev with a stand-in binary', () => {
  let binDir: string;
  beforeEach(() => {
    binDir = mkdtempSync(join(tmpdir(), 'electron-stand-in-'));
  });
  afterEach(() => rmSync(binDir, { recursive: true, force: true }));

  it('serves the renderer and runs Electron on the project', () => {
    // The stand-in records what Electron would receive, fetches the dev server page, and exits 7.
    const reportPath = join(binDir, 'report.json');
    const standIn = join(binDir, 'electron');
    writeFileSync(
      standIn,
      [
        '#!/usr/bin/env node',
        'const { writeFileSync } = require("node:fs");',
        'const url = process.env.VITE_DEV_SERVER_URL;',
        'fetch(url).then((response) => response.text()).then((page) => {',
        `  writeFileSync(${JSON.stringify(reportPath)}, JSON.stringify({ args: process.argv.slice(2), url, page }));`,
        '  process.exit(7);',
        '});',
      ].join('\n'),
    );
    chmodSync(standIn, 0o755);

    const result = spawnSync(process.execPath, [startScript, '--dev'], {
      cwd: projectRoot,
      // The stand-in is not Electron, so no Electron build of better-sqlite3 is made for it.
      env: { ...envWithoutOverride(), ELECTRON_OVERRIDE_DIST_PATH: binDir, ASN_COMPANION_SKIP_ELECTRON_SQLITE: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });

    expect(result.status).toBe(7);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { args: string[]; url: string; page: string };
    expect(report.args).toEqual([projectRoot]);
    expect(report.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(report.page).toContain('<div id="root"></div>');
    expect(result.stdout).toContain(`Renderer dev server: ${report.url}`);
  }, 150_000);
});
