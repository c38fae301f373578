// Recognises a receipt's type from its content, never from its file name: a PDF, a JPEG or a PNG
// must have the signature at its start and the end marker of its format. Anything else, a renamed
// program or script in particular, is named in the error so the person can see why it was rejected.
import type { ReceiptMediaType } from '../../../shared/claims';
import type { LocalizedText } from '../../../shared/domain';

export type SniffResult = { ok: true; mediaType: ReceiptMediaType } | { ok: false; detected: LocalizedText };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Readers accept up to this many bytes after a PDF's %%EOF or a JPEG's end marker (padding, a trailing newline). */
const TRAILER_WINDOW = 1024;

function startsWith(content: Buffer, prefix: Buffer | string): boolean {
  const bytes = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return content.length >= bytes.length && content.subarray(0, bytes.length).equals(bytes);
}

function tail(content: Buffer): Buffer {
  return content.subarray(Math.max(0, content.length - TRAILER_WINDOW));
}

function isPdf(content: Buffer): boolean {
  return /^%PDF-[12]\.\d/.test(content.subarray(0, 8).toString('latin1')) && tail(content).includes('%%EOF', 0, 'latin1');
}

function isJpeg(content: Buffer): boolean {
  return startsWith(content, Buffer.from([0xff, 0xd8, 0xff])) && tail(content).includes(Buffer.from([0xff, 0xd9]));
}

/** The signature, an IHDR chunk of 13 bytes right after it, and the IEND chunk at the end. */
function isPng(content: Buffer): boolean {
  if (!startsWith(content, PNG_SIGNATURE) || content.length < 8 + 25 + PNG_IEND.length) return false;
  const ihdrLength = content.readUInt32BE(8);
  const ihdr = content.subarray(12, 16).toString('latin1');
  return ihdrLength === 13 && ihdr === 'IHDR' && content.subarray(content.length - PNG_IEND.length).equals(PNG_IEND);
}

const kinds = {
  elf: { id: 'program yang dapat dijalankan (ELF)', en: 'an executable program (ELF)' },
  windows: { id: 'program Windows yang dapat dijalankan', en: 'a Windows executable program' },
  script: { id: 'skrip', en: 'a script' },
  mac: { id: 'program macOS yang dapat dijalankan', en: 'a macOS executable program' },
  zip: { id: 'arsip ZIP', en: 'a ZIP archive' },
  damaged: { id: 'PDF, JPEG atau PNG yang tidak lengkap atau rusak', en: 'an incomplete or damaged PDF, JPEG or PNG' },
  unknown: { id: 'format yang tidak dikenal', en: 'an unrecognised format' },
} satisfies Record<string, LocalizedText>;

/** Names the kind of a rejected file for the error message. */
function describeOther(content: Buffer): LocalizedText {
  if (startsWith(content, '\x7fELF')) return kinds.elf;
  if (startsWith(content, 'MZ')) return kinds.windows;
  if (startsWith(content, '#!')) return kinds.script;
  if (startsWith(content, Buffer.from([0xcf, 0xfa, 0xed, 0xfe])) || startsWith(content, Buffer.from([0xca, 0xfe, 0xba, 0xbe]))) {
    return kinds.mac;
  }
  if (startsWith(content, 'PK\x03\x04')) return kinds.zip;
  if (startsWith(content, '%PDF-') || startsWith(content, PNG_SIGNATURE) || startsWith(content, Buffer.from([0xff, 0xd8, 0xff]))) {
    return kinds.damaged;
  }
  return kinds.unknown;
}

/** Identifies the file as PDF, JPEG or PNG by signature and structure. */
export function sniffReceipt(content: Buffer): SniffResult {
  if (isPdf(content)) return { ok: true, mediaType: 'application/pdf' };
  if (isJpeg(content)) return { ok: true, mediaType: 'image/jpeg' };
  if (isPng(content)) return { ok: true, mediaType: 'image/png' };
  return { ok: false, detected: describeOther(content) };
}
