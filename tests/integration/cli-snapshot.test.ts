// `asn-companion snapshot export` and `snapshot verify` as a person runs them: export inside a D-Bus
// session with a real keychain (so the device key persists between processes), verify outside it,
// with no data folder, as the helpdesk would.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runInKeyringSession, runProcess, TSX } from '../harness/cli-process';


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
      `"$TSX" "$CLI" check --no-speed --data-dir "${dataDir}"; test $? -le 1 || exit 9`,
      `"$TSX" "$CLI" snapshot export latest --out "${first}" --data-dir "${dataDir}" || exit $?`,
      `"$TSX" "$CLI" check --no-speed --data-dir "${dataDir}"; test $? -le 1 || exit 9`,
      `"$TSX" "$CLI" snapshot export --out "${second}" --lang en --data-dir "${dataDir}" || exit $?`,
    ].join('\n');

    const exported = await runInKeyringSession(script);

    expect(exported.stderr).not.toContain('Peringatan');
    expect(exported.status).toBe(0);
    const keyIds = [...exported.stdout.matchAll(/(?:kunci perangkat|device key) ([0-9a-f]{16})/g)].map((match) => match[1]);
    expect(keyIds).toHaveLength(2);
    expect(keyIds[0]).toBe(keyIds[1]);

    const valid = await runProcess(TSX, [CLI, 'snapshot', 'verify', first]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain(`SAH: snapshot`);
    expect(valid.stdout).toContain(keyIds[0]);

    const edited = readFileSync(second, 'utf8').replace('"overall":"', '"overall":"x');
    writeFileSync(second, edited);
    const invalid = await runProcess(TSX, [CLI, 'snapshot', 'verify', second, '--lang', 'en']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('INVALID: ');
  });

  it('says what is missing', async () => {
    const noFile = await runProcess(TSX, [CLI, 'snapshot', 'verify', join(folder, 'missing.json')]);
    const noAction = await runProcess(TSX, [CLI, 'snapshot']);

    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toContain('ENOENT');
    expect(noAction.status).toBe(2);
    expect(noAction.stderr).toContain('snapshot export');
  });
});
