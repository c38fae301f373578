// Notification texts of request alerts, written by the core in both languages with the deadline in
// the policy zone.
import { describe, expect, it } from 'vitest';
import { alertTexts } from '../../electron/core/requests/alert-texts';

// 2026-03-02 (a Monday): 13:00 and 15:00 in Asia/Jakarta (UTC+7).
const MONDAY_1300_WIB = Date.UTC(2026, 2, 2, 6, 0);
const MONDAY_1500_WIB = Date.UTC(2026, 2, 2, 8, 0);

const base = { level: 'emergency', sender: 'Kepala Bidang', subject: 'Data anggaran', dueAt: MONDAY_1500_WIB, now: MONDAY_1300_WIB } as const;

describe('alertTexts', () => {
  it('names level, sender and deadline', () => {
    const texts = alertTexts({ ...base, kind: 'new', zone: 'Asia/Jakarta' });

    expect(texts.title.id).toBe('Permintaan darurat baru');
    expect(texts.body.id).toBe('Kepala Bidang: Data anggaran. Jawab sebelum 15.00 WIB.');
    expect(texts.body.en).toBe('Kepala Bidang: Data anggaran. Answer by 15.00 WIB.');
  });

  it('writes the deadline in the policy zone', () => {
    const texts = alertTexts({ ...base, kind: 'new', zone: 'Asia/Makassar' });

    expect(texts.body.id).toBe('Kepala Bidang: Data anggaran. Jawab sebelum 16.00 WITA.');
  });

  it('counts the minutes left in a reminder', () => {
    const texts = alertTexts({ ...base, kind: 'reminder', now: MONDAY_1500_WIB - 3 * 60_000, zone: 'Asia/Jakarta' });

    expect(texts.body.id).toBe('Kepala Bidang: Data anggaran. Sisa waktu 3 menit (tenggat 15.00 WIB).');
  });
});
