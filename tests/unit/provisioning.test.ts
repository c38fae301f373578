// The IT provisioning file: where it lives per platform, how it is validated, and enrollment from it
// against the reference central server on loopback.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Companion } from '../../electron/core/companion';
import { isCompanionError } from '../../electron/core/errors';
import { createLogger, silentSink } from '../../electron/core/logger';
import { enrollFromProvisioning, PROVISIONING_FILE_ENV, provisioningFilePath, readProvisioning } from '../../electron/core/provisioning';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { DEMO_ENROLLMENT_CODE, startDemoCentral } from '../../electron/main/demo';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'provisioning-'));
  folders.push(folder);
  return folder;
}

function provisioningFile(content: string): string {
  const path = join(tempFolder(), 'provisioning.json');
  writeFileSync(path, content);
  return path;
}

/** Returns the thrown CompanionError's texts; throws when the read succeeded. */
function readError(path: string): { id: string; en: string } {
  try {
    readProvisioning(path);
  } catch (error) {
    if (isCompanionError(error)) return error.text;
    throw error;
  }
  throw new Error(`Expected ${path} to be rejected`);
}

describe('provisioningFilePath', () => {
  it('uses ProgramData on Windows', () => {
    expect(provisioningFilePath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\PendampingKerjaASN\\provisioning.json');
    expect(provisioningFilePath({}, 'win32')).toBe('C:\\ProgramData\\PendampingKerjaASN\\provisioning.json');
  });

  it('uses /etc on Linux', () => {
    expect(provisioningFilePath({}, 'linux')).toBe('/etc/asn-work-companion/provisioning.json');
  });

  it('uses /Library on macOS', () => {
    expect(provisioningFilePath({}, 'darwin')).toBe('/Library/Application Support/PendampingKerjaASN/provisioning.json');
  });

  it('honours the environment override', () => {
    expect(provisioningFilePath({ [PROVISIONING_FILE_ENV]: '/srv/p.json' }, 'linux')).toBe('/srv/p.json');
  });
});

describe('readProvisioning', () => {
  it('returns null without a file', () => {
    expect(readProvisioning(join(tempFolder(), 'missing.json'))).toBeNull();
  });

  it('reads the URL and code', () => {
    const path = provisioningFile('\uFEFF{ "centralUrl": "https://central.example.invalid/api", "enrollmentCode": " KODE-42 " }');

    expect(readProvisioning(path)).toEqual({ centralUrl: 'https://central.example.invalid/api', enrollmentCode: 'KODE-42' });
  });

  it('accepts a file without a code', () => {
    const path = provisioningFile('{ "centralUrl": "https://central.example.invalid/" }');

    expect(readProvisioning(path)?.enrollmentCode).toBeUndefined();
  });

  it('rejects invalid JSON naming the file', () => {
    const path = provisioningFile('{ centralUrl: https://central.example.invalid }');

    const text = readError(path);

    expect(text.en).toContain(`The provisioning file ${path} cannot be used: it is not valid JSON`);
    expect(text.id).toContain(`Berkas provisioning ${path} tidak dapat dipakai`);
  });

  it('rejects a misspelt field by name', () => {
    const text = readError(provisioningFile('{ "centralURL": "https://central.example.invalid/" }'));

    expect(text.en).toContain('centralUrl');
    expect(text.en).toContain('centralURL');
  });

  it('rejects an empty code', () => {
    const text = readError(provisioningFile('{ "centralUrl": "https://central.example.invalid/", "enrollmentCode": "  " }'));

    expect(text.en).toContain('enrollmentCode: must not be empty');
  });

  it('rejects remote http in both languages', () => {
    const text = readError(provisioningFile('{ "centralUrl": "http://central.example.invalid/" }'));

    expect(text.id).toContain('memakai http:// tanpa enkripsi');
    expect(text.en).toContain('uses unencrypted http://');
    expect(text.en).toContain('Ask your IT administrator to fix the file.');
  });
});

describe('enrollFromProvisioning', () => {
  it('enrolls against the reference server', async () => {
    const central = await startDemoCentral(tempFolder(), createLogger(silentSink));
    const companion = await Companion.open({ dataDir: tempFolder(), secretStore: new MemorySecretStore(), logSink: silentSink });
    try {
      const path = provisioningFile(JSON.stringify({ centralUrl: central.url, enrollmentCode: DEMO_ENROLLMENT_CODE }));

      const outcome = await enrollFromProvisioning(companion, path);

      expect(outcome).toEqual({ kind: 'enrolled', centralUrl: central.url });
      expect(companion.enrollment.current()?.centralUrl).toBe(central.url);
      expect(await enrollFromProvisioning(companion, path)).toEqual({ kind: 'already-enrolled' });
    } finally {
      companion.close();
      await central.close();
    }
  });

  it('waits for the user without a code', async () => {
    const companion = await Companion.open({ dataDir: tempFolder(), secretStore: new MemorySecretStore(), logSink: silentSink });
    try {
      const path = provisioningFile('{ "centralUrl": "https://central.example.invalid/" }');

      expect(await enrollFromProvisioning(companion, path)).toEqual({ kind: 'no-code', centralUrl: 'https://central.example.invalid/' });
      expect(companion.enrollment.current()).toBeNull();
    } finally {
      companion.close();
    }
  });

  it('returns a bad file as a failure', async () => {
    const companion = await Companion.open({ dataDir: tempFolder(), secretStore: new MemorySecretStore(), logSink: silentSink });
    try {
      const outcome = await enrollFromProvisioning(companion, provisioningFile('[]'));

      expect(outcome.kind).toBe('failed');
      expect(companion.enrollment.current()).toBeNull();
    } finally {
      companion.close();
    }
  });
});
