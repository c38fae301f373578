// The central system's address: https anywhere, plain http only to this computer, refused with a
// message in both languages from the client, enrollment and the CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXIT_ERROR, runCli } from '../../electron/cli/main';
import { Companion } from '../../electron/core/companion';
import { CentralClient, InvalidCentralUrlError, parseCentralUrl } from '../../electron/core/central/client';
import { insecureCentralUrlReason } from '../../electron/core/central/central-url';
import { isCompanionError } from '../../electron/core/errors';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'central-url-'));
  folders.push(folder);
  return folder;
}

describe('parseCentralUrl', () => {
  it.each(['https://central.example.invalid/api', 'http://127.0.0.1:8787', 'http://localhost:8787/', 'http://[::1]:8787/'])('accepts %s', (url) => {
    expect(parseCentralUrl(url).protocol).toMatch(/^https?:$/);
  });

  it.each(['http://central.example.invalid', 'http://10.20.0.5:8080/api', 'http://127.0.0.2/', 'http://[::2]/'])('rejects %s', (url) => {
    expect(() => parseCentralUrl(url)).toThrow(InvalidCentralUrlError);
    expect(() => parseCentralUrl(url)).toThrow(/unencrypted http:\/\//);
  });

  it('explains the refusal in both languages', () => {
    const reason = insecureCentralUrlReason(new URL('http://central.example.invalid:8080/api'));

    expect(reason?.id).toContain('Pakai alamat yang diawali https://');
    expect(reason?.id).toContain('"http://central.example.invalid:8080"');
    expect(reason?.en).toContain('Use an address that starts with https://');
  });

  it('refuses before any request is made', () => {
    let requests = 0;
    const countingFetch = (() => {
      requests += 1;
      return Promise.reject(new Error('unexpected request'));
    }) as unknown as typeof fetch;

    expect(() => new CentralClient({ baseUrl: 'http://central.example.invalid', fetch: countingFetch })).toThrow(InvalidCentralUrlError);
    expect(requests).toBe(0);
  });
});

describe('enrollment over http', () => {
  it('rejects a remote http address', async () => {
    const companion = await Companion.open({ dataDir: tempFolder(), secretStore: new MemorySecretStore(), logSink: silentSink });
    try {
      const error = await companion.enroll('http://central.example.invalid/', 'KODE-1234').catch((caught: unknown) => caught);

      expect(isCompanionError(error)).toBe(true);
      if (!isCompanionError(error)) return;
      expect(error.code).toBe('invalid_central_url');
      expect(error.text.id).toContain('tanpa enkripsi');
      expect(error.text.en).toContain('unencrypted');
      expect(companion.enrollment.current()).toBeNull();
    } finally {
      companion.close();
    }
  });
});

describe('asn-companion enroll --central', () => {
  async function enroll(url: string, language: 'id' | 'en') {
    let stderr = '';
    const code = await runCli(['enroll', '--central', url, '--code', 'KODE-1234', '--data-dir', tempFolder(), '--lang', language], {
      stdout: () => {},
      stderr: (text) => (stderr += text + '\n'),
      env: {},
    });
    return { code, stderr };
  }

  it('rejects http in Indonesian', async () => {
    const result = await enroll('http://central.example.invalid', 'id');

    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain('memakai http:// tanpa enkripsi');
  });

  it('rejects http in English', async () => {
    const result = await enroll('http://central.example.invalid', 'en');

    expect(result.code).toBe(EXIT_ERROR);
    expect(result.stderr).toContain('uses unencrypted http://');
  });
});
