// npm run scan: Electronegativity over the shell, offline, failing on findings of medium severity.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function runScan(folder?: string) {
  const args = ['scripts/scan-electron.mjs', ...(folder ? [folder] : [])];
  return spawnSync(process.execPath, args, { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
}

describe('scan-electron', () => {
  it('passes on the shell sources', () => {
    const run = runScan();

    expect(run.stdout).toMatch(/0 at MEDIUM or higher/);
    expect(run.status).toBe(0);
  });

  it('fails on a window with Node integration', () => {
    const folder = mkdtempSync(join(tmpdir(), 'scan-fixture-'));
    folders.push(folder);
    mkdirSync(join(folder, 'main'));
    const window = "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n";
    writeFileSync(join(folder, 'main', 'window.js'), window);

    const run = runScan(folder);

    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL HIGH CONTEXT_ISOLATION_JS_CHECK electron/main/window.js:2');
    expect(run.stdout).toContain('FAIL MEDIUM SANDBOX_JS_CHECK');
  });
});
