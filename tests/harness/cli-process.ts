// The asn-companion command line as a person runs it: a child process per command, through tsx.
// Several commands can share one D-Bus session with an unlocked keyring, so a token or key that one
// command stores in the keychain is read back by the next.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = process.cwd();
export const TSX = join(root, 'node_modules/.bin/tsx');
export const CLI = join(root, 'electron/cli/main.ts');
export const KEYRING_SESSION = join(root, 'tests/harness/keyring-session.sh');

/** Timeout of one child process; a CLI command that hangs fails its test instead of the whole run. */
const PROCESS_TIMEOUT_MS = 120_000;

export interface ProcessRun {
  /** Exit code, or null when the process was killed (e.g. by the timeout). */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program without blocking this process, which may serve the central server it talks to. */
export function runProcess(file: string, args: string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8', timeout: PROCESS_TIMEOUT_MS }, (error, stdout, stderr) => {
      let status: number | null = 0;
      if (error) status = typeof error.code === 'number' ? error.code : null;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs one CLI command with `--data-dir` appended, outside any keyring session. */
export function runCli(args: string[], dataDir: string): Promise<ProcessRun> {
  return runProcess(TSX, [CLI, ...args, '--data-dir', dataDir]);
}

/** Runs a bash script inside one keyring session; the script may call `"$TSX" "$CLI" …`. */
export function runInKeyringSession(script: string): Promise<ProcessRun> {
  return runProcess(KEYRING_SESSION, ['bash', '-c', `TSX="${TSX}"; CLI="${CLI}"\n${script}`]);
}

/**
 * Runs CLI commands (each a string of arguments) one after another in one keyring session, every one
 * even when an earlier one failed, and returns each command's combined output and exit code.
 */
export async function runCliSteps(steps: string[], dataDir: string): Promise<{ outputs: string[]; codes: number[] }> {
  const script = steps
    .map((step, index) => `out=$("$TSX" "$CLI" ${step} --data-dir "${dataDir}" 2>&1); code=$?; echo "== ${index} exit=$code"; echo "$out"`)
    .join('\n');
  const result = await runInKeyringSession(script);
  const parts = result.stdout.split(/^== \d+ exit=/m).slice(1);
  return {
    codes: parts.map((part) => Number(part.slice(0, part.indexOf('\n')))),
    outputs: parts.map((part) => part.slice(part.indexOf('\n') + 1)),
  };
}
