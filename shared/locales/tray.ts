// Texts of the desktop shell: tray menu, tooltip, notifications and the start-up error dialog, in
// Bahasa Indonesia (the default) and English. Wording follows the renderer's locale files so the
// tray and the window name things alike.
import type { Language, Verdict, WorkMode } from '../domain';
import type { RequestLevel } from '../requests';

export interface ShellTexts {
  productName: string;
  demoMode: string;
  checkIn: string;
  checkOut: string;
  runCheck: string;
  checkRunning: string;
  open: string;
  quit: string;
  mode: Record<WorkMode, string>;
  verdict: Record<Verdict, string>;
  hoursMinutes: (hours: number, minutes: number) => string;
  hours: (hours: number) => string;
  workedLine: (today: string, week: string, cap: string) => string;
  dayOff: (reason: string) => string;
  pending: (count: number) => string;
  rejected: (count: number) => string;
  workingSince: (mode: string, time: string) => string;
  notCheckedIn: string;
  checkFinishedTitle: string;
  checkFinishedBody: (verdict: string) => string;
  actionFailedTitle: string;
  actionFailedBody: (reason: string) => string;
  unexpectedError: string;
  /** Tooltip line naming the tray icon's compliance colour while checked in. */
  complianceLine: (state: TrayComplianceState) => string;
  /** Tooltip and menu line counting unanswered urgent requests. */
  requestsLine: (unanswered: number, emergencies: number) => string;
  requestLevel: Record<RequestLevel, string>;
  /** Menu item of one unanswered request: level, subject and deadline clock time. */
  requestItem: (level: string, subject: string, dueClock: string) => string;
  overdueRequestItem: (level: string, subject: string) => string;
  moreRequests: (count: number) => string;
  /** Notification of a request alert. */
}

/** The compliance state the tooltip names while checked in; not-checked means no snapshot exists yet. */
export type TrayComplianceState = 'pass' | 'warn' | 'fail' | 'not-checked';

const id: ShellTexts = {
  productName: 'Pendamping Kerja ASN',
  demoMode: 'Mode demo',
  checkIn: 'Check-in WFH',
  checkOut: 'Check-out',
  runCheck: 'Jalankan pemeriksaan',
  checkRunning: 'Pemeriksaan sedang berjalan…',
  open: 'Buka',
  quit: 'Keluar',
  mode: { wfh: 'WFH', office: 'Kantor' },
  verdict: { pass: 'Lulus', warn: 'Peringatan', fail: 'Gagal', unknown: 'Tidak diketahui', error: 'Galat' },
  hoursMinutes: (hours, minutes) => `${hours} j ${minutes} m`,
  hours: (hours) => `${hours} j`,
  workedLine: (today, week, cap) => `Hari ini ${today} · minggu ini ${week} dari ${cap}`,
  dayOff: (reason) => `Hari libur: ${reason}`,
  pending: (count) => `${count} data menunggu dikirim`,
  rejected: (count) => `${count} data ditolak server, lihat di jendela`,
  workingSince: (mode, time) => `Sedang bekerja (${mode}) sejak ${time}`,
  notCheckedIn: 'Belum check-in',
  checkFinishedTitle: 'Pemeriksaan selesai',
  checkFinishedBody: (verdict) => `Hasil keseluruhan: ${verdict}. Buka jendela untuk melihat rinciannya.`,
  actionFailedTitle: 'Tindakan gagal',
  actionFailedBody: (reason) => `${reason} Buka jendela untuk mencoba lagi.`,
  unexpectedError: 'Terjadi kesalahan tak terduga; rinciannya tercatat di log aplikasi.',
  complianceLine: (state) =>
    ({
      pass: 'Kepatuhan: semua lulus',
      warn: 'Kepatuhan: ada peringatan',
      fail: 'Kepatuhan: ada yang gagal',
      'not-checked': 'Kepatuhan: belum diperiksa',
    })[state],
  requestsLine: (unanswered, emergencies) =>
    emergencies > 0 ? `${unanswered} permintaan belum dijawab (${emergencies} darurat)` : `${unanswered} permintaan belum dijawab`,
  requestLevel: { urgent: 'Mendesak', emergency: 'Darurat' },
  requestItem: (level, subject, dueClock) => `${level}: ${subject} (batas ${dueClock})`,
  overdueRequestItem: (level, subject) => `${level}: ${subject} (lewat batas waktu)`,
  moreRequests: (count) => `${count} permintaan lain di halaman Permintaan`,
};

const en: ShellTexts = {
  productName: 'ASN Work Companion',
  demoMode: 'Demo mode',
  checkIn: 'Check in (WFH)',
  checkOut: 'Check out',
  runCheck: 'Run check',
  checkRunning: 'Check running…',
  open: 'Open',
  quit: 'Quit',
  mode: { wfh: 'WFH', office: 'office' },
  verdict: { pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown', error: 'Error' },
  hoursMinutes: (hours, minutes) => `${hours} h ${minutes} m`,
  hours: (hours) => `${hours} h`,
  workedLine: (today, week, cap) => `Today ${today} · this week ${week} of ${cap}`,
  dayOff: (reason) => `Day off: ${reason}`,
  pending: (count) => `${count} ${count === 1 ? 'item' : 'items'} waiting to be sent`,
  rejected: (count) => `${count} ${count === 1 ? 'item' : 'items'} rejected by the server, see the window`,
  workingSince: (mode, time) => `Working (${mode}) since ${time}`,
  notCheckedIn: 'Not checked in',
  checkFinishedTitle: 'Check finished',
  checkFinishedBody: (verdict) => `Overall result: ${verdict}. Open the window for the details.`,
  actionFailedTitle: 'Action failed',
  actionFailedBody: (reason) => `${reason} Open the window to try again.`,
  unexpectedError: "An unexpected error occurred; the details are in the app's log.",
  complianceLine: (state) =>
    ({
      pass: 'Compliance: all checks pass',
      warn: 'Compliance: warnings',
      fail: 'Compliance: a check failed',
      'not-checked': 'Compliance: not checked yet',
    })[state],
  requestsLine: (unanswered, emergencies) => {
    const requests = `${unanswered} ${unanswered === 1 ? 'request' : 'requests'} unanswered`;
    return emergencies > 0 ? `${requests} (${emergencies} ${emergencies === 1 ? 'emergency' : 'emergencies'})` : requests;
  },
  requestLevel: { urgent: 'Urgent', emergency: 'Emergency' },
  requestItem: (level, subject, dueClock) => `${level}: ${subject} (due ${dueClock})`,
  overdueRequestItem: (level, subject) => `${level}: ${subject} (overdue)`,
  moreRequests: (count) => `${count} more on the Requests page`,
};

export const shellTexts: Record<Language, ShellTexts> = { id, en };

/**
 * Builds the dialog shown when the data folder cannot be opened. It is written in both languages at
 * once, because the language setting lives in the database that failed to open.
 */
export function startupFailureDialog(location: string, detail: string): { title: string; content: string } {
  return {
    title: 'Pendamping Kerja ASN tidak dapat dibuka / ASN Work Companion cannot start',
    content: [
      `Data aplikasi di ${location} tidak dapat dibuka, jadi aplikasi ditutup tanpa mengubah apa pun. ` +
        'Pastikan folder itu ada dan dapat ditulisi, lalu buka aplikasi lagi. Jika masalah berlanjut, ' +
        'hubungi helpdesk TI dan sertakan rincian di bawah.',
      `The app data at ${location} cannot be opened, so the app closes without changing anything. ` +
        'Check that the folder exists and is writable, then open the app again. If the problem ' +
        'continues, contact the IT helpdesk and include the details below.',
      `Rincian / Details: ${detail}`,
    ].join('\n\n'),
  };
}

/** Builds the dialog shown when start-up fails for any other reason, in both languages as above. */
export function unexpectedStartupDialog(logFolder: string, detail: string): { title: string; content: string } {
  return {
    title: 'Pendamping Kerja ASN tidak dapat dibuka / ASN Work Companion cannot start',
    content: [
      'Aplikasi berhenti saat dibuka karena kesalahan tak terduga. Data yang sudah tersimpan tidak berubah. ' +
        `Buka aplikasi lagi. Jika masalah berlanjut, hubungi helpdesk TI dan sertakan rincian di bawah serta log di ${logFolder}.`,
      'The app stopped while starting because of an unexpected error. Data already saved is unchanged. ' +
        `Open the app again. If the problem continues, contact the IT helpdesk and include the details below and the log in ${logFolder}.`,
      `Rincian / Details: ${detail}`,
    ].join('\n\n'),
  };
}
