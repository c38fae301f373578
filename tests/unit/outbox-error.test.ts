// The reason an outbox record is not delivered, in both languages, from its stored code and detail.
import { describe, expect, it } from 'vitest';
import { describeOutboxError, storedErrorText } from '../../electron/core/outbox/outbox-error';

describe('describeOutboxError', () => {
  it('keeps the server reason in a rejection', () => {
    const text = describeOutboxError({ code: 'rejected', detail: 'payload.mode: Invalid option' });

    expect(text.id).toBe('Ditolak oleh sistem pusat: payload.mode: Invalid option');
    expect(text.en).toBe('Rejected by the central system: payload.mode: Invalid option');
  });

  it('counts the attempts of a record given up', () => {
    const text = describeOutboxError({ code: 'gave_up', detail: 'HTTP 500', attempts: 5 });

    expect(text.id).toBe('Pengiriman dihentikan setelah 5 kali gagal. Galat terakhir: HTTP 500');
    expect(text.en).toBe('Gave up after 5 failed attempts. Last error: HTTP 500');
  });
});

describe('storedErrorText', () => {
  it('reads a coded record in both languages', () => {
    const text = storedErrorText('batch_unsent', null, 'Not sent: an earlier part of its batch failed.', 0);

    expect(text?.id).toBe('Belum dikirim: bagian lain dari kirimannya gagal lebih dulu.');
  });

  it('shows an uncoded record as stored', () => {
    const english = 'Rejected by the central system: duplicate seq';

    expect(storedErrorText(null, null, english, 1)).toEqual({ id: english, en: english });
  });

  it('returns null without an error', () => {
    expect(storedErrorText(null, null, null, 0)).toBeNull();
  });
});
