// Errors of the reports feature as the person reads them, in both languages. Each names the value
// that was wrong and what to do next; none is raised after anything was written.
import type { LocalizedText } from '../../../shared/domain';
import type { HolidayEntry } from '../policy/calendar';
import { CompanionError } from '../errors';

/** Field names as the forms label them, used in every limit message. */
export const fieldNames = {
  activities: { id: 'Jumlah kegiatan', en: 'Number of activities' },
  description: { id: 'Uraian kegiatan', en: 'Activity description' },
  output: { id: 'Keluaran', en: 'Output' },
  link: { id: 'Tautan', en: 'Link' },
  attachmentName: { id: 'Nama lampiran', en: 'Attachment name' },
  obstacles: { id: 'Kendala', en: 'Obstacles' },
  plan: { id: 'Rencana esok hari', en: 'Plan for tomorrow' },
  weeklySummaryText: { id: 'Ringkasan mingguan', en: 'Weekly summary' },
  weeklyNotes: { id: 'Catatan untuk rapat mingguan', en: 'Notes for the weekly meeting' },
  targetTitle: { id: 'Judul target', en: 'Target title' },
  targetUnit: { id: 'Satuan target', en: 'Target unit' },
  activityHours: { id: 'Jam kegiatan', en: 'Activity hours' },
  activityQuantity: { id: 'Jumlah keluaran kegiatan', en: 'Activity output quantity' },
  targetQuantity: { id: 'Jumlah target', en: 'Target quantity' },
} satisfies Record<string, LocalizedText>;

export type FieldName = keyof typeof fieldNames;

/** The report form's name of each field inside one activity. */
const activityFormFields: Partial<Record<FieldName, string>> = {
  description: 'description',
  output: 'output',
  link: 'link',
  attachmentName: 'attachment',
  activityHours: 'hours',
  activityQuantity: 'quantity',
};

/**
 * Returns the form path of a field: `activities.<index>.<name>` inside activity number `activity`
 * (counted from 1, as the messages count), else the field's own name.
 */
function fieldPath(field: FieldName, activity?: number): string {
  if (activity === undefined) return field;
  return `activities.${activity - 1}.${activityFormFields[field] ?? field}`;
}

/** "Activity 3: Output" when the field belongs to one activity, else the field name alone. */
function label(field: FieldName, activity?: number): LocalizedText {
  const name = fieldNames[field];
  if (activity === undefined) return name;
  return { id: `Kegiatan ${activity}: ${name.id}`, en: `Activity ${activity}: ${name.en}` };
}

export function tooLong(field: FieldName, limit: number, actual: number, activity?: number): CompanionError {
  const name = label(field, activity);
  return new CompanionError('report_field_too_long', {
    id: `${name.id} terlalu panjang: ${actual} karakter, batasnya ${limit}. Persingkat teksnya lalu simpan lagi; versi tersimpan sebelumnya tidak berubah.`,
    en: `${name.en} is too long: ${actual} characters, the limit is ${limit}. Shorten it and save again; the previously saved version is unchanged.`,
  }, { field: fieldPath(field, activity) });
}

export function tooMany(limit: number, actual: number): CompanionError {
  return new CompanionError('report_too_many_activities', {
    id: `${fieldNames.activities.id} terlalu banyak: ${actual}, batasnya ${limit}. Gabungkan beberapa kegiatan lalu simpan lagi; versi tersimpan sebelumnya tidak berubah.`,
    en: `${fieldNames.activities.en} is too high: ${actual}, the limit is ${limit}. Merge some activities and save again; the previously saved version is unchanged.`,
  }, { field: 'activities' });
}

export function outOfRange(field: FieldName, min: number, max: number, actual: number, activity?: number): CompanionError {
  const name = label(field, activity);
  return new CompanionError('report_value_out_of_range', {
    id: `${name.id} tidak valid: ${actual}. Isi angka dari ${min} sampai ${max}.`,
    en: `${name.en} is invalid: ${actual}. Enter a number from ${min} to ${max}.`,
  }, { field: fieldPath(field, activity) });
}

export function missing(field: FieldName, activity?: number): CompanionError {
  const name = label(field, activity);
  return new CompanionError('report_field_missing', {
    id: `${name.id} belum diisi. Lengkapi lalu coba lagi.`,
    en: `${name.en} is missing. Fill it in and try again.`,
  }, { field: fieldPath(field, activity) });
}

export function attachmentTooLarge(activity: number, name: string, size: number, maxBytes: number): CompanionError {
  return new CompanionError('report_attachment_too_large', {
    id: `Kegiatan ${activity}: lampiran "${name}" berukuran ${formatBytes(size)}, batas kebijakan ${formatBytes(maxBytes)}. Perkecil berkasnya atau tautkan lokasinya; versi tersimpan sebelumnya tidak berubah.`,
    en: `Activity ${activity}: attachment "${name}" is ${formatBytes(size)}, the policy limit is ${formatBytes(maxBytes)}. Make the file smaller or link to where it is stored; the previously saved version is unchanged.`,
  }, { field: `activities.${activity - 1}.attachment` });
}

export function invalidLink(activity: number, link: string): CompanionError {
  return new CompanionError('report_invalid_link', {
    id: `Kegiatan ${activity}: tautan "${link}" tidak valid. Tulis alamat lengkap yang diawali https:// atau http://.`,
    en: `Activity ${activity}: the link "${link}" is invalid. Write the full address starting with https:// or http://.`,
  }, { field: `activities.${activity - 1}.link` });
}

export function invalidDate(date: string): CompanionError {
  return new CompanionError('report_invalid_date', {
    id: `Tanggal ${date} tidak ada di kalender. Pilih tanggal yang valid (YYYY-MM-DD).`,
    en: `The date ${date} does not exist. Choose a valid date (YYYY-MM-DD).`,
  });
}

/** A report was asked for a weekend or holiday; a holiday is named so the person sees why. */
export function notWorkingDay(date: string, reason: LocalizedText, holiday: HolidayEntry | null): CompanionError {
  if (holiday === null) {
    return new CompanionError('report_not_working_day', {
      id: `${date} bukan hari kerja (${reason.id}). Laporan harian hanya dibuat untuk hari kerja.`,
      en: `${date} is not a working day (${reason.en}). Daily reports are only written for working days.`,
    });
  }

  const kind = holiday.kind === 'cuti-bersama' ? { id: 'cuti bersama', en: 'collective leave' } : { id: 'hari libur nasional', en: 'a national holiday' };
  return new CompanionError('report_holiday', {
    id: `${date} adalah ${kind.id}: ${holiday.name.id}. Laporan harian hanya dibuat untuk hari kerja.`,
    en: `${date} is ${kind.en}: ${holiday.name.en}. Daily reports are only written for working days.`,
  });
}

export function futureDate(date: string, today: string): CompanionError {
  return new CompanionError('report_future_date', {
    id: `${date} belum tiba (hari ini ${today}). Laporan dibuat pada hari kerjanya atau sesudahnya.`,
    en: `${date} has not come yet (today is ${today}). A report is written on its working day or later.`,
  });
}

export function alreadySubmitted(date: string): CompanionError {
  return new CompanionError('report_already_submitted', {
    id: `Laporan ${date} sudah dikirim dan tidak dapat diubah lagi.`,
    en: `The report for ${date} was already submitted and can no longer be changed.`,
  });
}

export function nothingToSubmit(date: string): CompanionError {
  return new CompanionError('report_empty', {
    id: `Laporan ${date} belum berisi kegiatan. Tambahkan sedikitnya satu kegiatan lalu kirim.`,
    en: `The report for ${date} has no activities yet. Add at least one activity, then submit.`,
  }, { field: 'activities' });
}

export function unknownTarget(activity: number, targetId: string): CompanionError {
  return new CompanionError('report_unknown_target', {
    id: `Kegiatan ${activity}: target "${targetId}" tidak ditemukan. Pilih target lain atau kosongkan pilihan target.`,
    en: `Activity ${activity}: target "${targetId}" was not found. Choose another target or clear the target.`,
  }, { field: `activities.${activity - 1}.targetId` });
}

export function weekNotStarted(weekStart: string, today: string): CompanionError {
  return new CompanionError('report_week_not_started', {
    id: `Minggu ${weekStart} belum dimulai (hari ini ${today}). Ringkasan mingguan dikirim mulai minggunya berjalan.`,
    en: `The week of ${weekStart} has not started (today is ${today}). A weekly summary can be submitted once its week has begun.`,
  });
}

export function weeklyAlreadySubmitted(weekStart: string): CompanionError {
  return new CompanionError('report_weekly_already_submitted', {
    id: `Ringkasan minggu ${weekStart} sudah dikirim dan tidak dapat diubah lagi.`,
    en: `The summary of the week of ${weekStart} was already submitted and can no longer be changed.`,
  });
}

export function policyTargetReadOnly(id: string): CompanionError {
  return new CompanionError('report_policy_target', {
    id: `Target "${id}" ditetapkan instansi melalui kebijakan dan tidak dapat diubah atau dihapus di aplikasi.`,
    en: `Target "${id}" is set by the agency through the policy and cannot be changed or deleted in the app.`,
  });
}

export function targetNotFound(id: string): CompanionError {
  return new CompanionError('report_target_not_found', {
    id: `Target "${id}" tidak ditemukan. Muat ulang daftar target lalu coba lagi.`,
    en: `Target "${id}" was not found. Reload the list of targets and try again.`,
  });
}

export function deadlineBeforeStart(deadline: string, periodStart: string): CompanionError {
  return new CompanionError('report_target_deadline', {
    id: `Tenggat ${deadline} lebih awal dari awal periode ${periodStart}. Pilih tenggat pada atau sesudah awal periode.`,
    en: `The deadline ${deadline} is before the period start ${periodStart}. Choose a deadline on or after the period start.`,
  });
}

export function rangeTooLong(from: string, to: string, maxDays: number): CompanionError {
  return new CompanionError('report_range_too_long', {
    id: `Rentang ${from} sampai ${to} terlalu panjang atau terbalik. Pilih paling banyak ${maxDays} hari, tanggal awal sebelum tanggal akhir.`,
    en: `The range ${from} to ${to} is too long or reversed. Choose at most ${maxDays} days, the start before the end.`,
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
