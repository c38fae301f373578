// Moves a secret from one store to another (for example from the memory fallback to the keychain
// once it becomes available, or to a new keychain service name). The old entry is deleted only after
// the new store has returned exactly the same secret, so a failed or silent write loses nothing.
import { SecretStoreError, type SecretStore } from './secret-store';

export type SecretMigration =
  | { status: 'moved' }
  | { status: 'nothing_to_move' }
  /** The secret was already in the target; the old entry was then removed. */
  | { status: 'already_there' };

export async function migrateSecret(from: SecretStore, to: SecretStore, account: string): Promise<SecretMigration> {
  const secret = await from.get(account);
  if (secret === null) return { status: 'nothing_to_move' };

  const existing = await to.get(account);
  if (existing !== secret) {
    await to.set(account, secret);
    const readBack = await to.get(account);
    if (readBack !== secret) {
      throw new SecretStoreError(
        `Moving the secret of account "${account}" failed: the new store (${to.status.backend}) did not return it after writing. ` +
          'The old entry was kept; try again, or check that the keychain is unlocked.',
      );
    }
  }

  await from.delete(account);
  return { status: existing === secret ? 'already_there' : 'moved' };
}
