// The claim errors a person reads, in both languages: what was wrong, on which value, what to do.
import { formatRupiah, type AllowanceType } from '../../../shared/claims';
import type { LocalizedText } from '../../../shared/domain';
import { CompanionError } from '../errors';

export const allowanceNames: Record<AllowanceType, LocalizedText> = {
  internet: { id: 'Tunjangan internet dan komunikasi', en: 'Internet and communication allowance' },
  'workspace-setup': { id: 'Tunjangan penyiapan ruang kerja', en: 'Workspace setup allowance' },
  electricity: { id: 'Tunjangan listrik dan utilitas', en: 'Electricity and utilities allowance' },
};

/** Mebibytes with one decimal, with a decimal comma in Indonesian ("2,0") and a point in English ("2.0"). */
function mib(bytes: number, language: 'id' | 'en'): string {
  const text = (bytes / (1024 * 1024)).toFixed(1);
  return language === 'id' ? text.replace('.', ',') : text;
}

export const claimErrors = {
  notFound: (id: string) =>
    new CompanionError('claim_not_found', {
      id: `Klaim "${id}" tidak ditemukan. Muat ulang halaman Klaim dan pilih klaim dari daftar.`,
      en: `Claim "${id}" was not found. Reload the Claims page and pick the claim from the list.`,
    }),
  notDraft: (id: string) =>
    new CompanionError('claim_not_draft', {
      id: `Klaim "${id}" sudah diajukan, jadi tidak bisa diubah lagi. Buat klaim baru bila perlu.`,
      en: `Claim "${id}" has already been submitted, so it can no longer be changed. Create a new claim if needed.`,
    }),
  amountUnset: (type: AllowanceType) =>
    new CompanionError('allowance_unset', {
      id: `Kebijakan aktif tidak menetapkan nominal untuk ${allowanceNames[type].id.toLowerCase()}, jadi tunjangan ini belum bisa diklaim. Tanyakan kepada admin kepegawaian kebijakan mana yang berlaku.`,
      en: `The active policy sets no amount for the ${allowanceNames[type].en.toLowerCase()}, so it cannot be claimed yet. Ask your staffing administrator which policy applies.`,
    }),
  wrongPeriod: (type: AllowanceType, period: string, frequency: 'monthly' | 'once') =>
    new CompanionError('claim_period_invalid', {
      id:
        frequency === 'once'
          ? `${allowanceNames[type].id} dibayar sekali, jadi periodenya harus "sekali", bukan "${period}".`
          : `${allowanceNames[type].id} dibayar per bulan, jadi periodenya harus bulan (TTTT-BB), bukan "${period}".`,
      en:
        frequency === 'once'
          ? `The ${allowanceNames[type].en.toLowerCase()} is paid once, so its period must be "once", not "${period}".`
          : `The ${allowanceNames[type].en.toLowerCase()} is paid monthly, so its period must be a month (YYYY-MM), not "${period}".`,
    }),
  periodOutOfRange: (period: string, firstMonth: string, currentMonth: string) =>
    new CompanionError('claim_period_out_of_range', {
      id: `Bulan ${period} tidak bisa diklaim: pilih bulan dari ${firstMonth} sampai ${currentMonth}.`,
      en: `The month ${period} cannot be claimed: pick a month from ${firstMonth} to ${currentMonth}.`,
    }),
  amountInvalid: (amount: number) =>
    new CompanionError('claim_amount_invalid', {
      id: `Nominal ${amount} tidak sah: isi jumlah rupiah bulat lebih dari nol, tanpa sen.`,
      en: `The amount ${amount} is invalid: enter a whole number of rupiah above zero, without cents.`,
    }),
  amountOverLimit: (type: AllowanceType, amount: number, limit: number) =>
    new CompanionError('claim_amount_over_limit', {
      id: `Nominal ${formatRupiah(amount)} melebihi batas ${allowanceNames[type].id.toLowerCase()} sebesar ${formatRupiah(limit)}. Isi paling banyak ${formatRupiah(limit)}.`,
      en: `The amount ${formatRupiah(amount)} exceeds the ${allowanceNames[type].en.toLowerCase()} limit of ${formatRupiah(limit)}. Enter at most ${formatRupiah(limit)}.`,
    }),
  onceAlreadyClaimed: (type: AllowanceType, existingId: string) =>
    new CompanionError('claim_once_already_claimed', {
      id: `${allowanceNames[type].id} hanya bisa diklaim sekali, dan klaim ${existingId} sudah diajukan. Draf ini tetap tersimpan; hapus bila tidak diperlukan.`,
      en: `The ${allowanceNames[type].en.toLowerCase()} can be claimed only once, and claim ${existingId} has already been submitted. This draft is kept; delete it if you do not need it.`,
    }),
  monthAlreadyClaimed: (type: AllowanceType, period: string, existingId: string) =>
    new CompanionError('claim_month_already_claimed', {
      id: `${allowanceNames[type].id} untuk bulan ${period} sudah diajukan dalam klaim ${existingId}. Pilih bulan lain; draf ini tetap tersimpan.`,
      en: `The ${allowanceNames[type].en.toLowerCase()} for ${period} was already submitted in claim ${existingId}. Pick another month; this draft is kept.`,
    }),
  noReceipt: () =>
    new CompanionError('claim_receipt_missing', {
      id: 'Klaim tanpa bukti tidak bisa diajukan. Lampirkan minimal satu bukti (PDF, JPEG atau PNG); draf tetap tersimpan.',
      en: 'A claim without a receipt cannot be submitted. Attach at least one receipt (PDF, JPEG or PNG); the draft is kept.',
    }),
  tooManyReceipts: (max: number) =>
    new CompanionError('claim_receipts_too_many', {
      id: `Satu klaim memuat paling banyak ${max} bukti. Hapus satu bukti sebelum menambah yang lain; draf tetap tersimpan.`,
      en: `One claim holds at most ${max} receipts. Remove one before adding another; the draft is kept.`,
    }),
  receiptTooLarge: (fileName: string, size: number, max: number) =>
    new CompanionError('receipt_too_large', {
      id: `Berkas "${fileName}" berukuran ${mib(size, 'id')} MiB, melebihi batas ${mib(max, 'id')} MiB. Perkecil atau pindai ulang dengan resolusi lebih rendah; draf tetap tersimpan.`,
      en: `The file "${fileName}" is ${mib(size, 'en')} MiB, above the ${mib(max, 'en')} MiB limit. Compress it or scan it again at a lower resolution; the draft is kept.`,
    }),
  receiptEmpty: (fileName: string) =>
    new CompanionError('receipt_empty', {
      id: `Berkas "${fileName}" kosong. Pilih berkas bukti yang berisi; draf tetap tersimpan.`,
      en: `The file "${fileName}" is empty. Pick a receipt file with content; the draft is kept.`,
    }),
  receiptType: (fileName: string, detected: LocalizedText, allowed: string) =>
    new CompanionError('receipt_type_rejected', {
      id: `Berkas "${fileName}" ditolak: isinya bukan ${allowed}, melainkan ${detected.id}. Nama berkas tidak menentukan jenisnya. Lampirkan bukti asli; draf tetap tersimpan.`,
      en: `The file "${fileName}" was rejected: its content is not ${allowed} but ${detected.en}. The file name does not decide the type. Attach the original receipt; the draft is kept.`,
    }),
  /** A failed fetch from the central system; `detail` is the client's English error message. */
  centralFailed: (what: LocalizedText, detail: string) =>
    new CompanionError('central_fetch_failed', {
      id: `${what.id} tidak bisa diambil dari sistem pusat (${detail}). Data terakhir tetap ditampilkan; periksa koneksi lalu coba lagi.`,
      en: `${what.en} could not be fetched from the central system (${detail}). The last known data stays on screen; check the connection and try again.`,
    }),
  receiptMissing: (sha256: string) =>
    new CompanionError('receipt_missing', {
      id: `Berkas bukti ${sha256.slice(0, 12)}… hilang atau berubah di folder data. Hapus bukti itu dari draf dan lampirkan lagi.`,
      en: `The receipt file ${sha256.slice(0, 12)}… is missing or changed in the data folder. Remove it from the draft and attach it again.`,
    }),
};
