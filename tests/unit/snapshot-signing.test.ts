import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplianceSnapshot } from '../../shared/domain';
import { canonicalJson } from '../../electron/core/compliance/signing/canonical-json';
import { DeviceSigningKey, PUBLIC_KEY_SETTING, SIGNING_KEY_ACCOUNT, storedPublicKey } from '../../electron/core/compliance/signing/device-key';
import { signedSnapshotFile, signSnapshot, verifySignedSnapshotFile } from '../../electron/core/compliance/signing/signed-snapshot';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { openDatabase, type Database } from '../../electron/core/storage/database';

const snapshot: ComplianceSnapshot = {
  id: '019af0c2-0000-7000-8000-000000000001',
  createdAt: 1_790_000_000_000,
  policyId: 'artikel-wfh-asn-2026',
  policyVersion: '2026.1',
  overall: 'fail',
  checks: [
    {
      check: 'power',
      verdict: 'fail',
      summary: { id: 'Tidak ada baterai atau UPS terdeteksi.', en: 'No battery or UPS was detected.' },
      evidence: { hasBattery: false, chargePercent: null, ups: [{ status: 'OL RB', runtimeSeconds: 180 }] },
      policy: { minBatteryHealthPercent: 80, minUpsRuntimeSeconds: 600 },
      remediation: [{ id: 'Pasang UPS.', en: 'Connect a UPS.' }],
      startedAt: 1_790_000_000_000,
      durationMs: 12.5,
    },
  ],
};

/** Every path to a leaf of a JSON value, e.g. ["snapshot", "checks", 0, "verdict"]. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  return [prefix];
}

/** Changes the leaf at `path` to a different value of the same kind. */
function flip(root: unknown, path: (string | number)[]): void {
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], root); // eslint-disable-line @typescript-eslint/no-explicit-any
  const key = path[path.length - 1]!;
  const value = parent[key];
  if (typeof value === 'number') parent[key] = value + 1;
  else if (typeof value === 'boolean') parent[key] = !value;
  else if (typeof value === 'string') parent[key] = value.length > 0 ? `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}` : 'A';
  else parent[key] = 'changed';
}

describe('canonical JSON', () => {
  it('gives the same bytes whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1.5, y: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":0,"z":1.5}}');
    expect(canonicalJson({ c: { y: 0, z: 1.5 }, a: [true, null, 'x'], b: 1 })).toBe(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1.5, y: 0 } }));
  });

  it('refuses a number JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ evidence: { mbps: Number.NaN } })).toThrow('$.evidence.mbps');
  });
});

describe('signed snapshots', () => {
  let folder: string;
  let db: Database;
  let secrets: MemorySecretStore;
  let key: DeviceSigningKey;
  let file: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'asnc-signing-'));
    db = openDatabase(folder);
    secrets = new MemorySecretStore({ available: true, backend: 'keychain', reason: null });
    key = await DeviceSigningKey.loadOrCreate(secrets, db);
    file = signedSnapshotFile(signSnapshot(snapshot, key));
  });

  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the private key in the secret store and only the public key in the database', async () => {
    const privateKey = await secrets.get(SIGNING_KEY_ACCOUNT);

    expect(privateKey).not.toBeNull();
    expect(storedPublicKey(db)).toBe(key.publicKey);
    const settings = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    expect(settings.map((row) => row.value).join()).not.toContain(privateKey!);
    expect(settings.find((row) => row.key === PUBLIC_KEY_SETTING)?.value).toBe(key.publicKey);
    expect((await DeviceSigningKey.loadOrCreate(secrets, db)).keyId).toBe(key.keyId);
  });

  it('accepts an exported snapshot', () => {
    expect(verifySignedSnapshotFile(file)).toEqual({ valid: true, snapshotId: snapshot.id, keyId: key.keyId, createdAt: snapshot.createdAt });
    expect(verifySignedSnapshotFile(file, key.publicKey).valid).toBe(true);
  });

  it('rejects the file after any one field changes', () => {
    const paths = leafPaths(JSON.parse(file));
    expect(paths.length).toBeGreaterThan(20);

    for (const path of paths) {
      const edited = JSON.parse(file) as unknown;
      flip(edited, path);
      // Re-serialised canonically, so only the signature (or the key id) can catch the change.
      const result = verifySignedSnapshotFile(`${canonicalJson(edited)}\n`);
      expect(result.valid, `a change at ${path.join('.')} was not detected`).toBe(false);
    }
  });

  it('rejects the file after any one byte changes', () => {
    const bytes = Buffer.from(file);

    for (let index = 0; index < bytes.length; index += 1) {
      const edited = Buffer.from(bytes);
      edited[index] = edited[index]! ^ 0x01;
      expect(verifySignedSnapshotFile(edited.toString('latin1')).valid, `a change of byte ${index} was not detected`).toBe(false);
    }
  });

  it('rejects a snapshot re-signed with another key when the device key is given', async () => {
    const otherDb = openDatabase(join(folder, 'other'));
    const other = await DeviceSigningKey.loadOrCreate(new MemorySecretStore(), otherDb);
    otherDb.close();
    const forged = signedSnapshotFile(signSnapshot({ ...snapshot, overall: 'pass' }, other));

    expect(verifySignedSnapshotFile(forged).valid).toBe(true);
    const result = verifySignedSnapshotFile(forged, key.publicKey);
    expect(result).toMatchObject({ valid: false });
    expect(result.valid === false && result.reason.en).toContain('signed by another key');
  });

  it('says why a reformatted file is rejected', () => {
    const result = verifySignedSnapshotFile(`${JSON.stringify(JSON.parse(file), null, 2)}\n`);

    expect(result.valid === false && result.reason.id).toContain('isi berkas telah diubah');
  });
});
