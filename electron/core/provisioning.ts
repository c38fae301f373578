// The provisioning file: IT places it on a machine (by hand, group policy or a package) to preset the
// agency's central system and, optionally, an enrollment code, so the user never types either. It is
// read at start while the device is not enrolled.
import { readFileSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { z } from 'zod';
import type { LocalizedText } from '../../shared/domain';
import { InvalidCentralUrlError, parseCentralUrl } from './central/client';
import { CompanionError } from './errors';

/** Environment variable naming another provisioning file (tests, or an unusual install). */
export const PROVISIONING_FILE_ENV = 'ASN_COMPANION_PROVISIONING_FILE';

/** Folder name under %ProgramData% and /Library/Application Support. */
const MACHINE_FOLDER = 'PendampingKerjaASN';

/**
 * Returns the machine-wide provisioning file for this platform. The folders are writable only by
 * administrators, so a user cannot point the app at another server by dropping a file there.
 */
export function provisioningFilePath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const override = env[PROVISIONING_FILE_ENV];
  if (override) return override;

  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', MACHINE_FOLDER, 'provisioning.json');
  if (platform === 'darwin') return posix.join('/Library/Application Support', MACHINE_FOLDER, 'provisioning.json');
  return '/etc/asn-work-companion/provisioning.json';
}

export const provisioningSchema = z
  .object({
    /** The agency's central system: https, or http to this computer only (checked by parseCentralUrl). */
    centralUrl: z.string().trim().min(1, 'is empty'),
    /** Enrollment code from the agency; without it the device waits for the user to enroll. */
    enrollmentCode: z.string().trim().min(1, 'must not be empty; leave the field out instead').optional(),
  })
  .strict();
export type Provisioning = z.infer<typeof provisioningSchema>;

function provisioningError(path: string, detail: LocalizedText | string): CompanionError {
  const id = typeof detail === 'string' ? detail : detail.id;
  const en = typeof detail === 'string' ? detail : detail.en;
  return new CompanionError('provisioning_invalid', {
    id: `Berkas provisioning ${path} tidak dapat dipakai: ${id} Minta admin TI Anda memperbaiki berkas itu.`,
    en: `The provisioning file ${path} cannot be used: ${en} Ask your IT administrator to fix the file.`,
  });
}

/**
 * Reads and validates the provisioning file. Returns null when there is none; throws a CompanionError
 * naming the file and the field when it exists but cannot be read or is invalid.
 */
export function readProvisioning(path: string): Provisioning | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw provisioningError(path, `it cannot be read (${(error as Error).message}).`);
  }

  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw provisioningError(path, `it is not valid JSON (${(error as Error).message}).`);
  }

  const parsed = provisioningSchema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw provisioningError(path, `${detail}.`);
  }

  try {
    parseCentralUrl(parsed.data.centralUrl);
  } catch (error) {
    if (!(error instanceof InvalidCentralUrlError)) throw error;
    throw provisioningError(path, error.text ?? `centralUrl: ${error.message}.`);
  }
  return parsed.data;
}

/** The part of the companion that provisioning uses. */
export interface ProvisioningTarget {
  enrollment: { current(): { centralUrl: string } | null };
  enroll(centralUrl: string, code: string): Promise<unknown>;
}

export type ProvisioningOutcome =
  | { kind: 'already-enrolled' }
  | { kind: 'no-file' }
  | { kind: 'no-code'; centralUrl: string }
  | { kind: 'enrolled'; centralUrl: string }
  | { kind: 'failed'; error: CompanionError | Error };

/**
 * Enrolls the device from the provisioning file when it is not enrolled yet and the file has a code.
 * Errors are returned as a 'failed' outcome, not thrown, because the app must still start and keep
 * the user's check-ins. The caller logs them.
 */
export async function enrollFromProvisioning(target: ProvisioningTarget, path: string): Promise<ProvisioningOutcome> {
  if (target.enrollment.current() !== null) return { kind: 'already-enrolled' };

  try {
    const provisioning = readProvisioning(path);
    if (provisioning === null) return { kind: 'no-file' };
    if (provisioning.enrollmentCode === undefined) return { kind: 'no-code', centralUrl: provisioning.centralUrl };

    await target.enroll(provisioning.centralUrl, provisioning.enrollmentCode);
    return { kind: 'enrolled', centralUrl: provisioning.centralUrl };
  } catch (error) {
    return { kind: 'failed', error: error as Error };
  }
}
