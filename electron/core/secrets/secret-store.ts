// Secrets (the device token) live in the OS keychain. Where no keychain responds, they live in
// process memory only and the status reports it. A secret is never written to a file.
import { randomUUID } from 'node:crypto';
import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import type { LocalizedText, SecureStorageStatus } from '../../../shared/domain';
import type { Logger } from '../logger';

export interface SecretStore {
  readonly status: SecureStorageStatus;
  /** The stored secret, or null when the account has none. */
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Removes the account's secret; removing a missing one is not an error. */
  delete(account: string): Promise<void>;
}

/** A keychain operation failed; the message names the operation and the account, never the secret. */
export class SecretStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretStoreError';
  }
}

/**
 * Upper bound on one keychain call. A locked keyring may show an unlock prompt and wait for the user;
 * past this the call counts as failed instead of blocking start-up.
 */
export const KEYCHAIN_TIMEOUT_MS = 15_000;

// On Linux the binding falls back silently to the kernel keyutils keyring when no Secret Service
// responds. That keyring forgets everything at reboot, so the companion requires the Secret Service
// and otherwise reports secure storage as unavailable. The option is ignored on other platforms.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

const KEYCHAIN_STATUS: SecureStorageStatus = { available: true, backend: 'keychain', reason: null };

/** Builds the status text of the memory fallback, where `detail` explains why the keychain could not be used. */
export function keychainUnavailableReason(detail: LocalizedText | null): LocalizedText {
  return {
    id:
      `Penyimpanan aman (keychain) tidak tersedia${detail ? `: ${detail.id}` : ''}. ` +
      'Token perangkat hanya disimpan di memori dan hilang saat aplikasi ditutup, sehingga perangkat perlu didaftarkan ulang ' +
      'setelah aplikasi dibuka kembali. Aktifkan keyring sistem operasi (di Linux: GNOME Keyring atau KWallet), lalu mulai ulang aplikasi.',
    en:
      `Secure storage (keychain) is unavailable${detail ? `: ${detail.en}` : ''}. ` +
      'The device token is kept in memory only and is lost when the app closes, so the device must be enrolled again ' +
      'after a restart. Turn on the operating system keyring (on Linux: GNOME Keyring or KWallet), then restart the app.',
  };
}

/** Holds secrets in process memory; used when no keychain is available, and by tests. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();

  constructor(
    readonly status: SecureStorageStatus = { available: false, backend: 'memory', reason: keychainUnavailableReason(null) },
  ) {}

  async get(account: string): Promise<string | null> {
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<void> {
    this.secrets.delete(account);
  }
}

function withTimeout<T>(operation: Promise<T>, timeoutMs: number, operationName: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SecretStoreError(`${operationName} timed out after ${timeoutMs} ms.`)), timeoutMs);
  });
  return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
}

/** Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) under one service name. */
export class KeychainSecretStore implements SecretStore {
  readonly status = KEYCHAIN_STATUS;

  constructor(
    private readonly service: string,
    private readonly timeoutMs: number = KEYCHAIN_TIMEOUT_MS,
  ) {}

  get(account: string): Promise<string | null> {
    return this.run('Reading', account, (entry, signal) => entry.getPassword(signal));
  }

  async set(account: string, secret: string): Promise<void> {
    await this.run('Writing', account, (entry, signal) => entry.setPassword(secret, signal));
  }

  async delete(account: string): Promise<void> {
    await this.run('Deleting', account, (entry, signal) => entry.deletePassword(signal));
  }

  private async run<T>(action: string, account: string, operation: (entry: AsyncEntry, signal: AbortSignal) => Promise<T>): Promise<T> {
    const operationName = `${action} the keychain entry "${account}" of service "${this.service}"`;
    try {
      const entry = new AsyncEntry(this.service, account, ENTRY_OPTIONS);
      return await withTimeout(operation(entry, AbortSignal.timeout(this.timeoutMs)), this.timeoutMs, operationName);
    } catch (error) {
      if (error instanceof SecretStoreError) throw error;
      throw new SecretStoreError(`${operationName} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

/** Turns a failed probe into the reason shown to the user, in plain words where the cause is known. */
function describeProbeFailure(error: unknown): LocalizedText {
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS) {
    return { id: 'tidak ada sesi D-Bus (DBUS_SESSION_BUS_ADDRESS kosong)', en: 'there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set)' };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { id: `keychain gagal diakses (${message})`, en: `the keychain could not be used (${message})` };
}

/** Writes, reads back and deletes a throwaway entry; throws when any step fails. */
async function probeKeychain(store: KeychainSecretStore): Promise<void> {
  const account = `probe:${randomUUID()}`;
  const value = randomUUID();

  await store.set(account, value);
  try {
    const readBack = await store.get(account);
    if (readBack !== value) {
      throw new SecretStoreError('The keychain returned a different value than the one just written.');
    }
  } finally {
    await store.delete(account).catch(() => {});
  }
}

/**
 * Opens the OS keychain after checking that it works. When it does not (no D-Bus session, no Secret
 * Service, a locked keyring that cannot prompt), returns a MemorySecretStore whose status explains why.
 */
export async function openSecretStore(options: { service: string; logger: Logger; timeoutMs?: number }): Promise<SecretStore> {
  const keychain = new KeychainSecretStore(options.service, options.timeoutMs);
  try {
    await probeKeychain(keychain);
  } catch (error) {
    const reason = keychainUnavailableReason(describeProbeFailure(error));
    options.logger.warn('Secure storage (keychain) is unavailable; secrets are kept in memory only', {
      error: error instanceof Error ? error.message : String(error),
    });
    return new MemorySecretStore({ available: false, backend: 'memory', reason });
  }

  options.logger.info('Secure storage: OS keychain', { service: options.service });
  return keychain;
}
