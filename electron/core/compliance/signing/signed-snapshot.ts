// Signed snapshot files, as exported for the helpdesk. The file is the canonical JSON of an envelope
// holding the snapshot and an Ed25519 signature over the canonical JSON of the snapshot. Verification
// needs only the file (and, to be sure of the device, its registered public key), so it works offline.
// The file must be byte for byte canonical, so that any edit, even one that JSON would ignore, is caught.
import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import { snapshotSignatureSchema, type SnapshotSignature } from '../../../../shared/central-api';
import { complianceSnapshotSchema, type ComplianceSnapshot, type LocalizedText } from '../../../../shared/domain';
import { canonicalJson } from './canonical-json';
import { publicKeyId, type DeviceSigningKey } from './device-key';

export const SIGNED_SNAPSHOT_FORMAT = 'asn-companion.signed-snapshot/1';

const signedSnapshotSchema = z
  .object({
    format: z.literal(SIGNED_SNAPSHOT_FORMAT),
    snapshot: z.unknown(),
    signature: snapshotSignatureSchema,
  })
  .strict();

export type SignedSnapshot = z.infer<typeof signedSnapshotSchema> & { snapshot: ComplianceSnapshot };

export type VerifyResult =
  | { valid: true; snapshotId: string; keyId: string; createdAt: number }
  | { valid: false; reason: LocalizedText };

export function signSnapshot(snapshot: ComplianceSnapshot, key: DeviceSigningKey): SignedSnapshot {
  const valid = complianceSnapshotSchema.parse(snapshot);
  return { format: SIGNED_SNAPSHOT_FORMAT, snapshot: valid, signature: snapshotSignature(valid, key) };
}

/** Signs the canonical JSON of the snapshot as the schema parses it; the snapshot is stored in that form. */
export function snapshotSignature(snapshot: ComplianceSnapshot, key: DeviceSigningKey): SnapshotSignature {
  const valid = complianceSnapshotSchema.parse(snapshot);
  return { algorithm: 'Ed25519', keyId: key.keyId, publicKey: key.publicKey, value: key.sign(Buffer.from(canonicalJson(valid))) };
}

/**
 * Builds the export of a stored row: the snapshot as stored and the signature made when it was stored.
 * A row edited after it was stored keeps its old signature, so the export of it fails verification.
 */
export function storedSignedSnapshot(stored: unknown, signature: SnapshotSignature): SignedSnapshot {
  return { format: SIGNED_SNAPSHOT_FORMAT, snapshot: stored as ComplianceSnapshot, signature };
}

/** The exact bytes of an exported file: the canonical JSON of the envelope and one newline. */
export function signedSnapshotFile(signed: SignedSnapshot): string {
  return `${canonicalJson(signed)}\n`;
}

/**
 * Checks an exported file. With `trustedPublicKey` (the device's registered key) the signature must
 * also come from that key; without it, the file is checked against the key it carries, and the
 * caller shows the key id for the helpdesk to compare with the registered one.
 */
export function verifySignedSnapshotFile(text: string, trustedPublicKey: string | null = null): VerifyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return invalid(`berkas bukan JSON yang sah (${(error as Error).message})`, `the file is not valid JSON (${(error as Error).message})`);
  }

  const envelope = signedSnapshotSchema.safeParse(parsed);
  if (!envelope.success) {
    const problem = envelope.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    return invalid(`berkas bukan hasil ekspor snapshot bertanda tangan (${problem})`, `the file is not a signed snapshot export (${problem})`);
  }
  if (text !== `${canonicalJson(parsed)}\n`) {
    return invalid('isi berkas telah diubah: susunannya tidak lagi sama dengan hasil ekspor', 'the file was edited: its bytes are no longer those of the export');
  }

  const { signature, snapshot } = envelope.data;
  // Base64 decoders ignore stray padding and unused low bits, so only the exact encoding is accepted.
  if (!isExactBase64(signature.value, ED25519_SIGNATURE_BYTES) || !isExactBase64(signature.publicKey, ED25519_SPKI_BYTES)) {
    return invalid('tanda tangan atau kunci publik tidak tertulis dalam base64 yang tepat', 'the signature or public key is not written in exact base64');
  }
  if (publicKeyId(signature.publicKey) !== signature.keyId) {
    return invalid('ID kunci tidak cocok dengan kunci publik di dalam berkas', 'the key id does not match the public key in the file');
  }
  if (trustedPublicKey !== null && signature.publicKey !== trustedPublicKey) {
    return invalid(`snapshot ditandatangani kunci lain (${signature.keyId}), bukan kunci perangkat ini (${publicKeyId(trustedPublicKey)})`, `the snapshot was signed by another key (${signature.keyId}), not this device's key (${publicKeyId(trustedPublicKey)})`);
  }

  let signatureValid = false;
  try {
    const publicKey = createPublicKey({ key: Buffer.from(signature.publicKey, 'base64'), format: 'der', type: 'spki' });
    signatureValid = verify(null, Buffer.from(canonicalJson(snapshot)), publicKey, Buffer.from(signature.value, 'base64'));
  } catch (error) {
    return invalid(`kunci publik atau tanda tangan rusak (${(error as Error).message})`, `the public key or signature is damaged (${(error as Error).message})`);
  }
  if (!signatureValid) return invalid('tanda tangan tidak cocok dengan isi snapshot', 'the signature does not match the snapshot content');

  const content = complianceSnapshotSchema.safeParse(snapshot);
  if (!content.success) return invalid('isi snapshot tidak sesuai format', 'the snapshot content does not match its format');
  return { valid: true, snapshotId: content.data.id, keyId: signature.keyId, createdAt: content.data.createdAt };
}

const ED25519_SIGNATURE_BYTES = 64;
/** SPKI DER of an Ed25519 public key: a 12-byte header and the 32-byte key. */
const ED25519_SPKI_BYTES = 44;

function isExactBase64(text: string, byteLength: number): boolean {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === byteLength && bytes.toString('base64') === text;
}

function invalid(id: string, en: string): VerifyResult {
  return { valid: false, reason: { id, en } };
}
