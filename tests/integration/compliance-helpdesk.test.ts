// The helpdesk page and /admin/devices of the reference server, fed by a real companion: enrollment
// registers the device key, a check is signed when stored and delivered, and the server verifies it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { adminDevicesResponseSchema, type HelpdeskDevice } from '../../shared/central-api';
import { Companion } from '../../electron/core/companion';
import { CentralClient } from '../../electron/core/central/client';
import { DeviceSigningKey, SIGNING_KEY_ACCOUNT } from '../../electron/core/compliance/signing/device-key';
import { deviceTokenAccount } from '../../electron/core/central/enrollment';
import { silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { openDatabase } from '../../electron/core/storage/database';

let folder: string;
let central: CentralServer;
let companion: Companion;
let secrets: MemorySecretStore;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'asnc-helpdesk-'));
  central = await startCentralServer({ port: 0, host: '127.0.0.1', dbPath: join(folder, 'central.sqlite') });
  secrets = new MemorySecretStore({ available: true, backend: 'keychain', reason: null });
  companion = await Companion.open({ dataDir: join(folder, 'device'), secretStore: secrets, logSink: silentSink });
});

afterEach(async () => {
  companion.close();
  await central.close();
  rmSync(folder, { recursive: true, force: true });
});

async function devices(): Promise<HelpdeskDevice[]> {
  const response = await fetch(`${central.url}/admin/devices`);
  return adminDevicesResponseSchema.parse(await response.json()).devices;
}

async function page(query = ''): Promise<string> {
  const response = await fetch(`${central.url}/helpdesk${query}`);
  expect(response.headers.get('content-type')).toContain('text/html');
  return response.text();
}

async function enrollCheckAndFlush(): Promise<string> {
  const enrollment = await companion.enroll(central.url, 'DEMO');
  await companion.runCheck({ skipSpeed: true });
  const flushed = await companion.flush();
  expect(flushed.accepted).toBe(1);
  return enrollment.deviceId;
}

/** Rewrites the stored payload of the device's snapshot the way someone with the server's database could. */
function alterStoredSnapshot(deviceId: string): void {
  const db = new BetterSqlite3(join(folder, 'central.sqlite'));
  try {
    const changed = db
      .prepare(`UPDATE events SET payload_json = json_set(payload_json, '$.overall', 'pass', '$.checks[0].verdict', 'pass') WHERE device_id = ? AND type = 'compliance.snapshot'`)
      .run(deviceId).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
}

describe('helpdesk', () => {
  it('lists a signed snapshot as valid', async () => {
    const deviceId = await enrollCheckAndFlush();
    const key = await companion.deviceSigningKey();

    const [device] = await devices();
    expect(device?.deviceId).toBe(deviceId);
    expect(device?.keyId).toBe(key.keyId);
    expect(device?.lastSeenAt).not.toBeNull();
    expect(device?.latestSnapshot?.id).toBe(companion.snapshots.latest()?.id);
    expect(device?.latestSnapshot?.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
    expect(device?.latestSnapshot?.verification).toEqual({ status: 'valid', reason: null });

    const english = await page('?lang=en');
    expect(english).toContain('data-status="valid">valid</td>');
    expect(english).toContain('IT helpdesk: enrolled devices');
    const indonesian = await page();
    expect(indonesian).toContain('data-status="valid">sah</td>');
    expect(indonesian).toContain('<html lang="id">');
  });

  it('shows an altered payload as invalid', async () => {
    const deviceId = await enrollCheckAndFlush();
    alterStoredSnapshot(deviceId);

    const [device] = await devices();
    expect(device?.latestSnapshot?.overall).toBe('pass');
    expect(device?.latestSnapshot?.verification.status).toBe('invalid');
    expect(device?.latestSnapshot?.verification.reason?.en).toContain('does not match the snapshot content');

    const english = await page('?lang=en');
    expect(english).toContain('data-status="invalid">invalid: the signature does not match the snapshot content');
    expect(english).not.toContain('data-status="valid"');
  });

  it('judges against a replaced key', async () => {
    const deviceId = await enrollCheckAndFlush();
    const otherDb = openDatabase(join(folder, 'other'));
    const other = await DeviceSigningKey.loadOrCreate(new MemorySecretStore(), otherDb);
    otherDb.close();
    const token = await secrets.get(deviceTokenAccount(deviceId));
    const client = new CentralClient({ baseUrl: central.url, token });

    expect(await client.registerDeviceKey(other.publicKey)).toBe(other.keyId);

    const [device] = await devices();
    expect(device?.keyId).toBe(other.keyId);
    expect(device?.latestSnapshot?.verification.status).toBe('invalid');
    expect(device?.latestSnapshot?.verification.reason?.en).toContain(`not the registered key ${other.keyId}`);
  });

  it('registers a changed key on the next flush', async () => {
    const deviceId = await enrollCheckAndFlush();
    const oldKeyId = (await companion.deviceSigningKey()).keyId;
    companion.close();
    await secrets.delete(SIGNING_KEY_ACCOUNT);
    companion = await Companion.open({ dataDir: join(folder, 'device'), secretStore: secrets, logSink: silentSink });

    await companion.runCheck({ skipSpeed: true });
    await companion.flush();

    const newKeyId = (await companion.deviceSigningKey()).keyId;
    expect(newKeyId).not.toBe(oldKeyId);
    const [device] = await devices();
    expect(device?.deviceId).toBe(deviceId);
    expect(device?.keyId).toBe(newKeyId);
    expect(device?.latestSnapshot?.verification.status).toBe('valid');
  });

  it('registers a changed key right after a check in the app', async () => {
    await enrollCheckAndFlush();
    companion.close();
    await secrets.delete(SIGNING_KEY_ACCOUNT);
    companion = await Companion.open({ dataDir: join(folder, 'device'), secretStore: secrets, logSink: silentSink });
    companion.startComplianceSchedule();

    await companion.runCheck({ skipSpeed: true });
    await companion.keyRegistration;

    const [device] = await devices();
    expect(device?.keyId).toBe((await companion.deviceSigningKey()).keyId);
  });

  it('re-enrollment registers the key with the new device', async () => {
    await enrollCheckAndFlush();
    const second = await companion.enroll(central.url, 'DEMO');
    const key = await companion.deviceSigningKey();

    const listed = await devices();
    expect(listed).toHaveLength(2);
    expect(listed.find((device) => device.deviceId === second.deviceId)?.keyId).toBe(key.keyId);
  });

  it('rejects a key that is not Ed25519', async () => {
    const response = await fetch(`${central.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'DEMO', publicKey: Buffer.from('not a key').toString('base64') }),
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_public_key');
    expect(await devices()).toEqual([]);
  });

  it('escapes device names and marks devices without a key', async () => {
    const response = await fetch(`${central.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: 'DEMO', deviceName: '<img src=x onerror="alert(1)">' }),
    });
    expect(response.status).toBe(201);

    const [device] = await devices();
    expect(device?.keyId).toBeNull();
    expect(device?.latestSnapshot).toBeNull();
    const html = await page('?lang=en');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('none yet');
  });
});
