// Server-side verification of a stored compliance snapshot against the key its device registered.
// The device signed the canonical JSON of the snapshot without its `signature` field, so the server
// recomputes those bytes from the stored payload. An edit to any value breaks the signature.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json';
import { snapshotSignatureSchema, type SnapshotVerification } from '../shared/central-api';
import { complianceSnapshotSchema, type LocalizedText } from '../shared/domain';
import { HttpError } from './http';

/** Key id as the device computes it: the first 16 hex digits of the SHA-256 of the SPKI bytes. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

/** Parses an Ed25519 public key (SPKI DER, base64), or raises a 400 HttpError naming the problem. */
export function parsePublicKey(publicKey: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  } catch (error) {
    throw new HttpError(400, 'invalid_public_key', `publicKey is not a public key in SPKI DER, base64 (${(error as Error).message}).`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new HttpError(400, 'invalid_public_key', `publicKey is an ${key.asymmetricKeyType ?? 'unknown'} key; the device must register an Ed25519 key.`);
  }
  return key;
}

/** Checks the stored payload of a snapshot against the device's registered key (null: none registered). */
export function verifySnapshotPayload(payloadJson: string, registeredKey: string | null): SnapshotVerification {
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(payloadJson) as Record<string, unknown>;
  } catch (error) {
    return invalid(`data tersimpan bukan JSON yang sah (${(error as Error).message})`, `the stored data is not valid JSON (${(error as Error).message})`);
  }

  const { signature: rawSignature, ...snapshot } = payload;
  if (registeredKey === null) {
    return { status: 'no_key', reason: text('perangkat belum mendaftarkan kunci publik', 'the device has not registered a public key') };
  }
  if (rawSignature === undefined) {
    return { status: 'unsigned', reason: text('snapshot dikirim tanpa tanda tangan', 'the snapshot was sent without a signature') };
  }

  const signature = snapshotSignatureSchema.safeParse(rawSignature);
  if (!signature.success) return invalid('bagian tanda tangan tidak sesuai format', 'the signature field does not match its format');
  if (signature.data.publicKey !== registeredKey) {
    return invalid(
      `ditandatangani kunci ${keyIdOf(signature.data.publicKey)}, bukan kunci terdaftar ${keyIdOf(registeredKey)}`,
      `signed with key ${keyIdOf(signature.data.publicKey)}, not the registered key ${keyIdOf(registeredKey)}`,
    );
  }

  let matches: boolean;
  try {
    matches = verify(null, Buffer.from(canonicalJson(snapshot)), parsePublicKey(registeredKey), Buffer.from(signature.data.value, 'base64'));
  } catch (error) {
    return invalid(`tanda tangan tidak dapat diperiksa (${(error as Error).message})`, `the signature cannot be checked (${(error as Error).message})`);
  }
  if (!matches) return invalid('tanda tangan tidak cocok dengan isi snapshot; isinya diubah setelah ditandatangani', 'the signature does not match the snapshot content; it was changed after signing');

  if (!complianceSnapshotSchema.safeParse(snapshot).success) return invalid('isi snapshot tidak sesuai format', 'the snapshot content does not match its format');
  return { status: 'valid', reason: null };
}

function text(id: string, en: string): LocalizedText {
  return { id, en };
}

function invalid(id: string, en: string): SnapshotVerification {
  return { status: 'invalid', reason: text(id, en) };
}
