// The device's Ed25519 signing key. The private key lives in the OS keychain through the SecretStore
// and never in the database or a file; the public key is kept in the settings table so that it can
// be shown, registered with the central server and used to check this device's own exports.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { SecretStore } from '../../secrets/secret-store';
import type { Database } from '../../storage/database';

/** Keychain account of the private key. */
export const SIGNING_KEY_ACCOUNT = 'snapshot-signing-key';
/** Settings row of the public key (SPKI DER, base64). */
export const PUBLIC_KEY_SETTING = 'snapshot_signing_public_key';

export class DeviceSigningKey {
  private constructor(
    private readonly privateKey: KeyObject,
    /** SPKI DER of the public key, base64. */
    readonly publicKey: string,
  ) {}

  /** Short name of the key: the first 16 hex digits of the SHA-256 of its SPKI bytes. */
  get keyId(): string {
    return publicKeyId(this.publicKey);
  }

  /** Loads the key from the keychain, or makes and stores a new pair on first use. */
  static async loadOrCreate(secrets: SecretStore, db: Database): Promise<DeviceSigningKey> {
    const stored = await secrets.get(SIGNING_KEY_ACCOUNT);
    if (stored !== null) {
      const privateKey = createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
      const key = new DeviceSigningKey(privateKey, spkiBase64(createPublicKey(privateKey)));
      savePublicKey(db, key.publicKey);
      return key;
    }

    const pair = generateKeyPairSync('ed25519');
    await secrets.set(SIGNING_KEY_ACCOUNT, pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
    const key = new DeviceSigningKey(pair.privateKey, spkiBase64(pair.publicKey));
    savePublicKey(db, key.publicKey);
    return key;
  }

  sign(bytes: Buffer): string {
    return sign(null, bytes, this.privateKey).toString('base64');
  }
}

/** The public key stored on this device, or null before the first signature. */
export function storedPublicKey(db: Database): string | null {
  const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(PUBLIC_KEY_SETTING) as string | undefined;
  return value ?? null;
}

export function publicKeyId(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 16);
}

function spkiBase64(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

function savePublicKey(db: Database, publicKey: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PUBLIC_KEY_SETTING, publicKey);
}
