// The device token in the OS keychain: a real gnome-keyring in a private D-Bus session, and the
// memory fallback in a process without D-Bus. Both run the scenarios of
// tests/harness/keychain-scenario.ts in child processes, because the keychain backend is chosen
// from the process environment.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const scenario = join(repoRoot, 'tests/harness/keychain-scenario.ts');
const keyringSession = join(repoRoot, 'tests/harness/keyring-session.sh');

const missingTools = ['dbus-run-session', 'dbus-send', 'gnome-keyring-daemon'].filter(
  (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
);
const keyringSkipReason = missingTools.length > 0 ? ` (skipped: ${missingTools.join(', ')} not installed)` : '';

interface ChildRun {
  exitCode: number;
  stderr: string;
  /** The JSON object the scenario printed as its last line. */
  result: Record<string, unknown>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ChildRun> {
  return new Promise((done) => {
    execFile(command, args, { encoding: 'utf8', timeout: 90_000, env }, (error, stdout, stderr) => {
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      let result: Record<string, unknown> = {};
      try {
        result = JSON.parse(lastLine) as Record<string, unknown>;
      } catch {
        result = { unparsedStdout: stdout };
      }
      done({ exitCode: error ? Number(error.code ?? 1) : 0, stderr, result });
    });
  });
}

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'asn-keychain-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('keychain in a D-Bus session', () => {
  it.skipIf(missingTools.length > 0)(
    `stores the token for a second process${keyringSkipReason}`,
    async () => {
      const { exitCode, stderr, result } = await run(keyringSession, [tsx, scenario, 'keychain', dataDir]);

      expect(exitCode, stderr).toBe(0);
      expect(result.status).toEqual({ available: true, backend: 'keychain', reason: null });
      expect(result.tokenStored).toBe(true);
      expect(result.tokenFoundInFiles).toEqual([]);
      expect(result.deviceIdFoundInFiles).toBe(true);

      const second = result.second as { exitCode: number; stderr: string; result: Record<string, unknown> };
      expect(second.exitCode, second.stderr).toBe(0);
      expect(second.result.status).toEqual({ available: true, backend: 'keychain', reason: null });
      expect(second.result.flush).toEqual({ attempted: 1, accepted: 1, duplicates: 0, rejected: 0, failed: 0, stoppedBecause: null });

      const serverEvents = result.serverEvents as { id: string; deviceId: string }[];
      expect(serverEvents.map((event) => event.id)).toEqual([second.result.eventId]);
      expect(serverEvents[0]?.deviceId).toBe(result.deviceId);
    },
    90_000,
  );
});

describe('C27: moving a secret into and between keychain entries', () => {
  it.skipIf(missingTools.length > 0)(
    `reads it back before deleting the old entry${keyringSkipReason}`,
    async () => {
      const { exitCode, stderr, result } = await run(keyringSession, [tsx, scenario, 'migrate', dataDir]);

      expect(exitCode, stderr).toBe(0);
      expect(result.status).toEqual({ available: true, backend: 'keychain', reason: null });
      expect(result.toKeychain).toEqual({ status: 'moved' });
      expect(result.memoryAfterMove).toBeNull();
      expect(result.readAfterMove).toBe(true);
      expect(result.toRenamed).toEqual({ status: 'moved' });
      expect(result.oldServiceAfterRename).toBeNull();
      expect(result.renamedHasSecret).toBe(true);
    },
    90_000,
  );
});

describe('keychain without D-Bus', () => {
  let memoryDataDir: string;
  let memoryRun: ChildRun;

  beforeAll(async () => {
    memoryDataDir = mkdtempSync(join(tmpdir(), 'asn-keychain-memory-'));
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    delete env.DISPLAY;
    memoryRun = await run(tsx, [scenario, 'memory', memoryDataDir], env);
  }, 60_000);

  afterAll(() => {
    rmSync(memoryDataDir, { recursive: true, force: true });
  });

  it('falls back to memory and says so', () => {
    const { exitCode, stderr, result } = memoryRun;

    expect(exitCode, stderr).toBe(0);
    const status = result.status as { available: boolean; backend: string; reason: { id: string; en: string } };
    expect(status.available).toBe(false);
    expect(status.backend).toBe('memory');
    expect(status.reason.id).toContain('Penyimpanan aman (keychain) tidak tersedia');
    expect(status.reason.id).toContain('hanya disimpan di memori');
    expect(status.reason.en).toContain('Secure storage (keychain) is unavailable');
    expect(status.reason.en).toContain('kept in memory only');
    expect(status.reason.en).toContain('no D-Bus session');
  });

  it('writes the token to no file', () => {
    const { exitCode, stderr, result } = memoryRun;

    expect(exitCode, stderr).toBe(0);
    expect(result.tokenStored).toBe(true);
    expect(result.clientWhileRunning).toBe(true);
    expect(existsSync(join(memoryDataDir, 'companion.sqlite3'))).toBe(true);
    expect(existsSync(join(memoryDataDir, 'logs', 'companion.log'))).toBe(true);
    expect(result.deviceIdFoundInFiles).toBe(true);
    expect(result.tokenFoundInFiles).toEqual([]);
  });

  it('asks to enroll again after a restart', () => {
    const { exitCode, stderr, result } = memoryRun;

    expect(exitCode, stderr).toBe(0);
    const afterRestart = result.afterRestart as { code: string; text: { id: string; en: string } };
    expect(afterRestart.code).toBe('device_token_missing');
    expect(afterRestart.text.id).toContain('Daftarkan perangkat lagi');
    expect(afterRestart.text.en).toContain('Enroll the device again');
  });
});
