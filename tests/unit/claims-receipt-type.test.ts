// Receipt types recognised from content: signature and structure, never the file name.
import { describe, expect, it } from 'vitest';
import { sniffReceipt } from '../../electron/core/claims/receipt-type';
import { elfProgram, jpegReceipt, pdfReceipt, pngReceipt, shellScript } from '../harness/receipt-files';

describe('receipt type sniffing', () => {
  it('recognises a PDF', () => {
    expect(sniffReceipt(pdfReceipt())).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('recognises a PNG', () => {
    expect(sniffReceipt(pngReceipt())).toEqual({ ok: true, mediaType: 'image/png' });
  });

  it('recognises a JPEG', () => {
    expect(sniffReceipt(jpegReceipt())).toEqual({ ok: true, mediaType: 'image/jpeg' });
  });

  it('names an ELF program', () => {
    expect(sniffReceipt(elfProgram())).toMatchObject({ ok: false, detected: { en: 'an executable program (ELF)' } });
  });

  it('names a shell script', () => {
    expect(sniffReceipt(shellScript())).toMatchObject({ ok: false, detected: { en: 'a script' } });
  });

  it('rejects a PDF cut before %%EOF', () => {
    const whole = pdfReceipt();
    expect(sniffReceipt(whole.subarray(0, whole.length - 7))).toMatchObject({ ok: false, detected: { en: 'an incomplete or damaged PDF, JPEG or PNG' } });
  });

  it('rejects a PNG without IEND', () => {
    const whole = pngReceipt();
    expect(sniffReceipt(whole.subarray(0, whole.length - 12)).ok).toBe(false);
  });

  it('rejects plain text', () => {
    expect(sniffReceipt(Buffer.from('Kuitansi internet Maret 2026'))).toMatchObject({ ok: false, detected: { en: 'an unrecognised format' } });
  });
});
