// Smoke test of the real app in Electron through Playwright's _electron driver: start, the tray menu,
// a check-in, closing the window, a second launch. It needs the Electron binary, which `npm install`
// downloads on a networked machine. Where the binary is missing, the suite is reported as skipped with
// the reason in its title, never as passed. Nothing here downloads anything.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/**
 * Finds the Electron executable the way the electron package's index.js does (path.txt names it
 * inside dist/), without requiring that package, whose install script may try to download.
 */
function electronExecutable(): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Returns why the suite cannot run here, or null. */
function skipReason(): string | null {
  if (electronExecutable() === null) return 'Electron binary not installed';
  const native = join(projectRoot, 'native');
  if (!existsSync(native) || readdirSync(native).length === 0) return 'Electron build of better-sqlite3 missing (npm run rebuild:electron)';
  if (!existsSync(join(projectRoot, 'dist-electron', 'main.js')) || !existsSync(join(projectRoot, 'dist', 'renderer', 'index.html'))) {
    return 'app not built (npm run build)';
  }
  return null;
}

const reason = skipReason();
if (reason !== null) process.stdout.write(`Electron smoke tests skipped: ${reason}\n`);

describe.skipIf(reason !== null)(`Electron smoke${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let userData: string;
  let app: ElectronApplication;
  let window: Page;

  function launch(): Promise<ElectronApplication> {
    return _electron.launch({
      executablePath: electronExecutable()!,
      args: [projectRoot, `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
  }

  beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'asn-electron-smoke-'));
    app = await launch();
    window = await app.firstWindow();
    // Record every tray menu the shell builds from here on, so the test can read and click it.
    await app.evaluate(({ Menu }) => {
      const recorded: Electron.MenuItemConstructorOptions[][] = [];
      const build = Menu.buildFromTemplate.bind(Menu);
      Menu.buildFromTemplate = (template) => {
        recorded.push(template as Electron.MenuItemConstructorOptions[]);
        return build(template);
      };
      (globalThis as unknown as { trayMenus: typeof recorded }).trayMenus = recorded;
    });
  }, 90_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  /** Labels of the last tray menu built, by item id. */
  async function trayMenu(): Promise<Record<string, string>> {
    return app.evaluate(() => {
      const menus = (globalThis as unknown as { trayMenus: Electron.MenuItemConstructorOptions[][] }).trayMenus;
      const last = menus.at(-1) ?? [];
      return Object.fromEntries(last.filter((item) => item.id).map((item) => [item.id!, item.label ?? '']));
    });
  }

  it('starts on the app page', async () => {
    await window.getByRole('heading', { level: 1 }).waitFor();

    expect(window.url()).toBe('app://renderer/index.html');
    expect(await window.evaluate('typeof window.companion.getStatus')).toBe('function');
    expect(await window.evaluate('typeof require')).toBe('undefined');
  });

  it('checks in from the window and updates the tray', async () => {
    await window.getByRole('button', { name: 'Check-in WFH' }).click();

    await expect.poll(trayMenu, { timeout: 15_000 }).toMatchObject({ 'check-out': 'Check-out' });
  });

  it('checks out from the tray menu', async () => {
    await app.evaluate(() => {
      const menus = (globalThis as unknown as { trayMenus: Electron.MenuItemConstructorOptions[][] }).trayMenus;
      const item = menus.at(-1)?.find((candidate) => candidate.id === 'check-out');
      (item?.click as (() => void) | undefined)?.();
    });

    await expect.poll(trayMenu, { timeout: 15_000 }).toMatchObject({ 'check-in': 'Check-in WFH' });
  });

  it('keeps running when the window closes', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());

    const visible = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((item) => item.isVisible()));
    expect(visible).toEqual([false]);
    expect(app.process().exitCode).toBeNull();
  });

  it('shows the window to a second launch', async () => {
    const second = spawn(electronExecutable()!, [projectRoot, `--user-data-dir=${userData}`], { stdio: 'ignore' });
    const exitCode = await new Promise<number | null>((done) => second.on('exit', (code) => done(code)));

    expect(exitCode).toBe(0);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((item) => item.isVisible())), { timeout: 15_000 })
      .toBe(true);
  });
});
