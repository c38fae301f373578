// The layer rule is enforced by ESLint; these cases prove the configuration rejects each wrong import.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const layerRules = ['no-restricted-imports', 'no-restricted-syntax'];
  return (result?.messages ?? []).filter((message) => layerRules.includes(message.ruleId ?? '')).map((message) => message.message);
}

describe('layer lint rule', () => {
  it('rejects electron in electron/core', async () => {
    const messages = await restrictedImportMessages('electron/core/bad-import.ts', "import { app } from 'electron';\nexport const name = app.name;\n");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('plain Node');
  });

  it('rejects dynamic electron imports in electron/core', async () => {
    expect(await restrictedImportMessages('electron/core/bad-import.ts', "export const load = () => import('electron');\n")).toHaveLength(1);
    expect(await restrictedImportMessages('electron/core/bad-import.ts', "export const load = () => require('electron');\n")).toHaveLength(1);
  });

  it('rejects electron in shared and central', async () => {
    expect(await restrictedImportMessages('shared/bad-import.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restrictedImportMessages('central/bad-import.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it('rejects node built-ins in the renderer', async () => {
    const messages = await restrictedImportMessages('renderer/bad-import.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    expect(messages).toHaveLength(1);
    expect(await restrictedImportMessages('renderer/bad-import.ts', "import fs from 'fs';\nexport const a = fs;\n")).toHaveLength(1);
  });

  it('rejects core imports in the renderer', async () => {
    const code = "import { Companion } from '../electron/core/companion';\nexport const a = Companion;\n";
    expect(await restrictedImportMessages('renderer/bad-import.ts', code)).toHaveLength(1);
  });

  it('accepts electron in the shell', async () => {
    expect(await restrictedImportMessages('electron/main/ok-import.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });

  it('accepts node built-ins in the core', async () => {
    expect(await restrictedImportMessages('electron/core/ok-import.ts', "import { join } from 'node:path';\nexport const a = join;\n")).toEqual([]);
  });
});

describe('eslint command', () => {
  it('exits non-zero on electron in electron/core', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(
      process.execPath,
      ['node_modules/eslint/bin/eslint.js', '--stdin', '--stdin-filename', 'electron/core/bad-import.ts'],
      { input: "import { app } from 'electron';\nexport const name = app.name;\n", encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('no-restricted-imports');
  });
});

describe('IPC registration lint rule', () => {
  async function ipcMessages(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-properties').map((message) => message.message);
  }

  it('rejects ipcMain.handle in the shell', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('companion:call:x', () => 1);\n";

    const messages = await ipcMessages('electron/main/shortcut.ts', code);

    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('registerIpcHandlers');
  });

  it('rejects ipcMain.on in the shell', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.on('companion:call:x', () => {});\n";

    expect(await ipcMessages('electron/main/shortcut.ts', code)).toHaveLength(1);
  });

  it('accepts the wrapper itself', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('companion:call:x', () => 1);\n";

    expect(await ipcMessages('electron/main/ipc.ts', code)).toEqual([]);
  });
});
