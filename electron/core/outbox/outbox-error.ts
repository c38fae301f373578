// Why an outbox record is not delivered, as a code and a detail. The database keeps both, so the
// Antrean page can show the reason in the user's language. The detail (the server's reason or a
// transport error) stays in the language it arrived in.
import type { LocalizedText } from '../../../shared/domain';

export type OutboxErrorCode = 'rejected' | 'batch_unsent' | 'no_result' | 'gave_up' | 'failed' | 'interrupted' | 'retried';

export interface OutboxError {
  code: OutboxErrorCode;
  /** The server's reason, the transport error, or for gave_up the last error; null where the code is enough. */
  detail: string | null;
  /** Attempts made, for gave_up. */
  attempts?: number;
}

/** Builds the reason a person reads, in both languages. */
export function describeOutboxError(error: OutboxError): LocalizedText {
  const detail = error.detail ?? '';
  switch (error.code) {
    case 'rejected':
      return { id: `Ditolak oleh sistem pusat: ${detail}`, en: `Rejected by the central system: ${detail}` };
    case 'batch_unsent':
      return { id: 'Belum dikirim: bagian lain dari kirimannya gagal lebih dulu.', en: 'Not sent: an earlier part of its batch failed.' };
    case 'no_result':
      return { id: 'Sistem pusat tidak mengirim hasil untuk catatan ini.', en: 'The central system sent no result for this item.' };
    case 'gave_up':
      return {
        id: `Pengiriman dihentikan setelah ${error.attempts ?? '?'} kali gagal. Galat terakhir: ${detail}`,
        en: `Gave up after ${error.attempts ?? '?'} failed attempts. Last error: ${detail}`,
      };
    case 'failed':
      return { id: `Pengiriman gagal: ${detail}`, en: `Delivery failed: ${detail}` };
    case 'interrupted':
      return {
        id: 'Pengiriman terputus sebelum server menjawab; catatan dikirim lagi.',
        en: 'Delivery was interrupted before the server answered; sending again.',
      };
    case 'retried':
      return { id: 'Dikirim lagi atas permintaan Anda.', en: "Sent again at the user's request." };
  }
}

const codes: ReadonlySet<string> = new Set<OutboxErrorCode>(['rejected', 'batch_unsent', 'no_result', 'gave_up', 'failed', 'interrupted', 'retried']);

/**
 * Returns the reason of a stored record in both languages. `attempts` is the record's attempt count,
 * which for gave_up is the number of failed attempts. Records written before the code was stored
 * have only their English text, which is then shown in both languages.
 */
export function storedErrorText(code: string | null, detail: string | null, english: string | null, attempts: number): LocalizedText | null {
  if (code !== null && codes.has(code)) return describeOutboxError({ code: code as OutboxErrorCode, detail, attempts });
  if (english === null) return null;
  return { id: english, en: english };
}
