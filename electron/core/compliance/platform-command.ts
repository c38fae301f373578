// Runs the operating-system commands that the compliance checks read (PowerShell, route, nmcli,
// resolvectl, scutil) with a time limit and an untranslated locale. A command that is not installed
// or not allowed to run is a CommandUnavailableError, which the checks turn into `unknown` evidence.
import { execFile } from 'node:child_process';

export const DEFAULT_COMMAND_TIMEOUT_MS = 5_000;
/** A cold start of Windows PowerShell with the NetTCPIP module takes a few seconds on a slow laptop (an estimate). */
export const POWERSHELL_TIMEOUT_MS = 10_000;

/** The command could not be started (not installed, not executable), so nothing was read. */
export class CommandUnavailableError extends Error {
  constructor(
    readonly command: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The command "${command}" is not available (${detail}).`, options);
    this.name = 'CommandUnavailableError';
  }
}

/** The command ran but exited with an error; `stderr` and `exitCode` are kept for the caller to judge. */
export class CommandFailedError extends Error {
  constructor(
    readonly commandLine: string,
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(`${commandLine} failed with exit code ${exitCode ?? 'none'}: ${stderr.trim() || stdout.trim() || 'no output'}`, options);
    this.name = 'CommandFailedError';
  }
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/** Runs a program and returns its output; the signature lets tests pass recorded outputs instead. */
export type CommandRunner = (command: string, args: readonly string[], options?: { timeoutMs?: number }) => Promise<CommandOutput>;

/**
 * Runs `command` without a shell, with LC_ALL=C so that tools which translate their output (nmcli,
 * route, resolvectl) print the untranslated words the parsers expect. A run past the time limit is
 * killed and reported as a timeout.
 */
export const runCommand: CommandRunner = (command, args, options = {}) => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const commandLine = [command, ...args].join(' ');

  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      { timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ stdout, stderr });
          return;
        }

        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
        if (failure.code === 'ENOENT' || failure.code === 'EACCES') {
          reject(new CommandUnavailableError(command, String(failure.code), { cause: error }));
          return;
        }
        if (failure.killed) {
          reject(new Error(`${commandLine} timed out after ${timeoutMs} ms and was stopped.`, { cause: error }));
          return;
        }
        const exitCode = typeof failure.code === 'number' ? failure.code : null;
        reject(new CommandFailedError(commandLine, exitCode, stdout, stderr, { cause: error }));
      },
    );
  });
};

/**
 * Runs a Windows PowerShell script. `powershell.exe` (5.1) is used rather than `pwsh`, because it
 * is present on every supported Windows and is the one that can load WinRT types.
 */
export function runPowerShell(run: CommandRunner, script: string, timeoutMs = POWERSHELL_TIMEOUT_MS): Promise<CommandOutput> {
  // UTF-8 output, so that adapter names outside the console code page survive.
  const prelude = "$ErrorActionPreference = 'Stop'; [Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ";
  return run('powershell.exe', ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', prelude + script], { timeoutMs });
}

/**
 * Parses the output of PowerShell's ConvertTo-Json as a list. ConvertTo-Json writes one object for a
 * single result and an array for several, and empty output (no result at all) becomes an empty list.
 */
export function parsePowerShellJson(stdout: string, commandName: string): unknown[] {
  const text = stdout.trim();
  if (text === '') return [];

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${commandName} printed output that is not JSON: ${text.slice(0, 200)}`, { cause: error });
  }
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Quotes a value as a PowerShell single-quoted string, in which only the quote itself needs doubling. */
export function powerShellString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
