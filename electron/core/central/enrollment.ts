// Enrollment of this device with a central system. The enrollment row (URL, device id) lives in
// SQLite; the device token lives only in the secret store, never in the database or the logs.
import type { LocalizedText } from '../../../shared/domain';
import { CompanionError } from '../errors';
import type { Logger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import { writeTransaction, type Database } from '../storage/database';
import { CentralError, InvalidCentralUrlError, type CentralClient } from './client';

export interface Enrollment {
  centralUrl: string;
  deviceId: string;
  enrolledAt: number;
}

export interface EnrollmentServiceOptions {
  db: Database;
  secrets: SecretStore;
  now: () => number;
  createClient: (baseUrl: string, token?: string | null) => CentralClient;
  logger: Logger;
}

/** Returns the secret-store account name of a device's token. */
export function deviceTokenAccount(deviceId: string): string {
  return `device-token:${deviceId}`;
}

interface EnrollmentRow {
  central_url: string;
  device_id: string;
  enrolled_at: number;
}

const ENROLL_AGAIN = {
  id: 'Daftarkan perangkat lagi dengan kode pendaftaran dari admin TI Anda.',
  en: 'Enroll the device again with the enrollment code from your IT administrator.',
};

/** Explains a failed enrollment request to the user; the technical detail stays in the cause. */
function enrollmentFailure(error: CentralError, centralUrl: string): CompanionError {
  let text: LocalizedText;
  if (error.status === 403 || error.kind === 'unauthorized') {
    text = {
      id: 'Kode pendaftaran ditolak oleh sistem pusat. Periksa kode dari admin TI Anda, lalu coba lagi.',
      en: 'The central system rejected the enrollment code. Check the code from your IT administrator and try again.',
    };
  } else if (error.kind === 'rejected') {
    text = {
      id: `Sistem pusat di ${centralUrl} menolak permintaan pendaftaran (HTTP ${error.status}). Periksa alamat sistem pusat, lalu coba lagi.`,
      en: `The central system at ${centralUrl} rejected the enrollment request (HTTP ${error.status}). Check the central system's address and try again.`,
    };
  } else if (error.kind === 'network' || error.kind === 'timeout') {
    text = {
      id: `Sistem pusat di ${centralUrl} tidak dapat dihubungi. Periksa alamatnya serta koneksi internet atau VPN Anda, lalu coba lagi.`,
      en: `The central system at ${centralUrl} could not be reached. Check its address and your internet or VPN connection, then try again.`,
    };
  } else if (error.kind === 'server') {
    text = {
      id: `Sistem pusat di ${centralUrl} sedang bermasalah (HTTP ${error.status}). Coba daftar lagi nanti.`,
      en: `The central system at ${centralUrl} reported an error (HTTP ${error.status}). Try enrolling again later.`,
    };
  } else {
    text = {
      id: `Jawaban sistem pusat di ${centralUrl} tidak dikenali. Periksa apakah alamatnya benar.`,
      en: `The central system at ${centralUrl} sent a response that is not a valid enrollment. Check that the address is correct.`,
    };
  }
  return new CompanionError(`enrollment_${error.kind}`, text, { cause: error });
}

export class EnrollmentService {
  constructor(private readonly options: EnrollmentServiceOptions) {}

  current(): Enrollment | null {
    const row = this.options.db.prepare('SELECT central_url, device_id, enrolled_at FROM enrollment WHERE singleton = 1').get() as
      | EnrollmentRow
      | undefined;
    return row ? { centralUrl: row.central_url, deviceId: row.device_id, enrolledAt: row.enrolled_at } : null;
  }

  /**
   * Enrolls with the central system at centralUrl. The token is stored in the secret store before the
   * enrollment row commits, so a stored enrollment always had its token saved. A previous enrollment's
   * token is deleted only after the new one is in place. `publicKey` registers the device's snapshot
   * signing key with the enrollment; a new enrollment registers it again.
   */
  async enroll(centralUrl: string, code: string, publicKey?: string): Promise<Enrollment> {
    const url = centralUrl.trim();
    const trimmedCode = code.trim();
    if (trimmedCode === '') {
      throw new CompanionError('enrollment_code_missing', {
        id: 'Kode pendaftaran kosong. Masukkan kode dari admin TI Anda.',
        en: 'The enrollment code is empty. Enter the code from your IT administrator.',
      });
    }

    const client = this.createClient(url, null);
    let response;
    try {
      response = await client.enroll(publicKey ? { code: trimmedCode, publicKey } : { code: trimmedCode });
    } catch (error) {
      if (!(error instanceof CentralError)) throw error;
      this.options.logger.warn('Enrollment failed', { centralUrl: url, kind: error.kind, status: error.status, error: error.message });
      throw enrollmentFailure(error, url);
    }

    const enrollment: Enrollment = { centralUrl: url, deviceId: response.deviceId, enrolledAt: this.options.now() };
    const previous = this.current();
    await this.saveToken(enrollment.deviceId, response.token);
    this.saveEnrollment(enrollment);

    if (previous && previous.deviceId !== enrollment.deviceId) {
      await this.options.secrets.delete(deviceTokenAccount(previous.deviceId)).catch((error: unknown) => {
        this.options.logger.warn('Could not delete the previous device token', { deviceId: previous.deviceId, error: (error as Error).message });
      });
    }
    this.options.logger.info('Device enrolled', {
      deviceId: enrollment.deviceId,
      centralUrl: url,
      secureStorage: this.options.secrets.status.backend,
      signingKeyRegistered: publicKey !== undefined,
    });
    return enrollment;
  }

  /**
   * Builds a client of the enrolled central system with the device token, or returns null when not
   * enrolled. Throws a CompanionError when enrolled but the token cannot be read or is gone.
   */
  async client(): Promise<CentralClient | null> {
    const enrollment = this.current();
    if (!enrollment) return null;

    let token: string | null;
    try {
      token = await this.options.secrets.get(deviceTokenAccount(enrollment.deviceId));
    } catch (error) {
      throw new CompanionError(
        'device_token_unreadable',
        {
          id: 'Token perangkat tidak dapat dibaca dari penyimpanan aman (keychain). Pastikan keyring sistem tidak terkunci, lalu coba lagi.',
          en: 'The device token cannot be read from secure storage (keychain). Make sure the system keyring is unlocked, then try again.',
        },
        { cause: error },
      );
    }

    if (token === null) throw this.missingTokenError();
    return this.options.createClient(enrollment.centralUrl, token);
  }

  private createClient(url: string, token: string | null): CentralClient {
    try {
      return this.options.createClient(url, token);
    } catch (error) {
      if (!(error instanceof InvalidCentralUrlError)) throw error;
      const text = error.text ?? {
        id:
          `Alamat sistem pusat "${url}" tidak dapat dipakai. Masukkan alamat lengkap yang diawali https:// ` +
          '(atau http:// untuk server di komputer ini), tanpa nama pengguna dan kata sandi.',
        en: error.message,
      };
      throw new CompanionError('invalid_central_url', text, { cause: error });
    }
  }

  private async saveToken(deviceId: string, token: string): Promise<void> {
    try {
      await this.options.secrets.set(deviceTokenAccount(deviceId), token);
    } catch (error) {
      this.options.logger.error('Could not store the device token', { deviceId, error: (error as Error).message });
      throw new CompanionError(
        'device_token_not_saved',
        {
          id: 'Token perangkat tidak dapat disimpan di penyimpanan aman (keychain), jadi pendaftaran dibatalkan. Pastikan keyring sistem tidak terkunci, lalu daftar lagi.',
          en: 'The device token could not be saved in secure storage (keychain), so enrollment was cancelled. Make sure the system keyring is unlocked, then enroll again.',
        },
        { cause: error },
      );
    }
  }

  /** Commits the enrollment row; on failure removes the token just stored, so no orphan secret stays behind. */
  private saveEnrollment(enrollment: Enrollment): void {
    try {
      writeTransaction(this.options.db, () => {
        this.options.db
          .prepare(
            `INSERT INTO enrollment (singleton, central_url, device_id, enrolled_at) VALUES (1, ?, ?, ?)
             ON CONFLICT (singleton) DO UPDATE SET central_url = excluded.central_url, device_id = excluded.device_id,
               enrolled_at = excluded.enrolled_at`,
          )
          .run(enrollment.centralUrl, enrollment.deviceId, enrollment.enrolledAt);
      });
    } catch (error) {
      void this.options.secrets.delete(deviceTokenAccount(enrollment.deviceId)).catch(() => {});
      throw error;
    }
  }

  private missingTokenError(): CompanionError {
    if (this.options.secrets.status.backend === 'memory') {
      return new CompanionError('device_token_missing', {
        id: `Penyimpanan aman (keychain) tidak tersedia, jadi token perangkat hanya disimpan di memori dan hilang saat aplikasi dimulai ulang. ${ENROLL_AGAIN.id}`,
        en: `Secure storage (keychain) is unavailable, so the device token was kept in memory only and was lost when the app restarted. ${ENROLL_AGAIN.en}`,
      });
    }
    return new CompanionError('device_token_missing', {
      id: `Token perangkat tidak ditemukan di penyimpanan aman (keychain). ${ENROLL_AGAIN.id}`,
      en: `The device token was not found in secure storage (keychain). ${ENROLL_AGAIN.en}`,
    });
  }
}
