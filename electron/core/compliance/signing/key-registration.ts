// Keeps the central system's copy of the device's public key current. Enrollment registers the key.
// When the key changes later (its keychain entry was removed, or the device enrolled before keys were
// registered), the new one is registered with PUT /v1/device-key.
import type { CentralClient } from '../../central/client';
import type { Enrollment } from '../../central/enrollment';
import type { Logger } from '../../logger';
import { writeTransaction, type Database } from '../../storage/database';
import type { DeviceSigningKey } from './device-key';

/** Settings row: "<deviceId> <keyId>" of the last key the central system accepted for this enrollment. */
export const REGISTERED_KEY_SETTING = 'snapshot_signing_key_registered';

export function markKeyRegistered(db: Database, deviceId: string, keyId: string): void {
  writeTransaction(db, () => {
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(REGISTERED_KEY_SETTING, `${deviceId} ${keyId}`);
  });
}

function isRegistered(db: Database, deviceId: string, keyId: string): boolean {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(REGISTERED_KEY_SETTING) as string | undefined;
  return value === `${deviceId} ${keyId}`;
}

export interface KeyRegistrationOptions {
  db: Database;
  enrollment: Enrollment | null;
  key: DeviceSigningKey;
  client: () => Promise<CentralClient | null>;
  logger: Logger;
}

/**
 * Registers the key unless this enrollment already registered it, and returns the outcome. A failure
 * is logged and tried again on the next call. A late registration still makes earlier snapshots of
 * this key verifiable, because the server verifies a snapshot when it reads it.
 */
export async function ensureKeyRegistered(options: KeyRegistrationOptions): Promise<'registered' | 'current' | 'not-enrolled' | 'failed'> {
  const { db, enrollment, key, logger } = options;
  if (enrollment === null) return 'not-enrolled';
  if (isRegistered(db, enrollment.deviceId, key.keyId)) return 'current';

  try {
    const client = await options.client();
    if (client === null) return 'not-enrolled';
    await client.registerDeviceKey(key.publicKey);
    markKeyRegistered(db, enrollment.deviceId, key.keyId);
    logger.info('Signing key registered with the central system', { deviceId: enrollment.deviceId, keyId: key.keyId });
    return 'registered';
  } catch (error) {
    logger.warn('Registering the signing key failed; trying again after the next check', {
      deviceId: enrollment.deviceId,
      keyId: key.keyId,
      error: error instanceof Error ? error.message : String(error),
    });
    return 'failed';
  }
}
