// `asn-companion snapshot export` and `snapshot verify` as a person runs them: export inside a D-Bus
// session with a real keychain (so the device key persists between processes), verify outside it,
// with no data folder, as the helpdesk would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'electron/cli/main.ts');
const keyringSession = join(root, 'tests/harness/keyring-session.sh');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

describe('asn-companion snapshot', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'asnc-cli-snapshot-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('exports signed snapshots with one device key and verifies them offline', async () => {
    const dataDir = join(folder, 'data');
    const first = join(folder, 'first.json');
    const second = join(folder, 'second.json');
    const script = [
      `"${tsx}" "${cli}" check --no-speed --data-dir "${dataDir}"; test $? -le 1 || exit 9`,
      `"${tsx}" "${cli}" snapshot export latest --out "${first}" --data-dir "${dataDir}" || exit $?`,
      `"${tsx}" "${cli}" check --no-speed --data-dir "${dataDir}"; test $? -le 1 || exit 9`,
      `"${tsx}" "${cli}" snapshot export --out "${second}" --lang en --data-dir "${dataDir}" || exit $?`,
    ].join('\n');

    const exported = await run(keyringSession, ['bash', '-c', script]);

    expect(exported.stderr).not.toContain('Peringatan');
    expect(exported.status).toBe(0);
    const keyIds = [...exported.stdout.matchAll(/(?:kunci perangkat|device key) ([0-9a-f]{16})/g)].map((match) => match[1]);
    expect(keyIds).toHaveLength(2);
    expect(keyIds[0]).toBe(keyIds[1]);

    const valid = await run(tsx, [cli, 'snapshot', 'verify', first]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain(`SAH: snapshot`);
    expect(valid.stdout).toContain(keyIds[0]);

    const edited = readFileSync(second, 'utf8').replace('"overall":"', '"overall":"x');
    writeFileSync(second, edited);
    const invalid = await run(tsx, [cli, 'snapshot', 'verify', second, '--lang', 'en']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('INVALID: ');
  });

  it('says what is missing', async () => {
    const noFile = await run(tsx, [cli, 'snapshot', 'verify', join(folder, 'missing.json')]);
    const noAction = await run(tsx, [cli, 'snapshot']);

    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('ENOENT');
    expect(noAction.status).toBe(2);
    expect(noAction.stderr).toContain('snapshot export');
  });
});
