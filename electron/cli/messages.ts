// Texts of the asn-companion command line, Bahasa Indonesia first.
import type { Language, Verdict } from '../../shared/domain';

const id = {
  usage: `Penggunaan: asn-companion PERINTAH [opsi]

Perintah:
  check [--json] [--no-speed] [--allow-metered] [--speed-endpoint URL]
                       Memeriksa perangkat kerja (kecepatan internet, VPN, daya cadangan)
                       dan menyimpan hasilnya sebagai snapshot. --allow-metered menjalankan
                       uji kecepatan juga pada koneksi terukur (berkuota).
  checkin [--mode wfh|office]
                       Check-in (bawaan: wfh).
  checkout             Check-out.
  status [--json]      Menampilkan kehadiran, jam kerja, antrean, dan pemeriksaan terakhir.
  enroll --central URL --code KODE
                       Mendaftarkan perangkat ini ke sistem pusat.
  flush                Mengirim antrean ke sistem pusat sekarang.
  requests [--json]    Menampilkan permintaan mendesak dan darurat: tingkat, tenggat, status.
  requests ack ID      Menerima permintaan ("Terima"); waktunya tercatat dan masuk antrean.
  requests respond ID --text TEKS
                       Menjawab permintaan ("Selesai") dengan teks singkat (batas dari kebijakan).
  snapshot export [latest|ID] [--id ID] --out BERKAS
                       Mengekspor snapshot bertanda tangan perangkat (bawaan: yang terakhir).
  snapshot verify BERKAS [--public-key KUNCI]
                       Memeriksa tanda tangan snapshot ekspor (0 sah, 1 tidak sah, dengan alasannya).
  central [--port N] [--db BERKAS] [--enrollment-code KODE] [--faults SPEK]
                       Menjalankan server pusat rujukan (untuk pengembangan dan uji).

Opsi umum:
  --data-dir FOLDER    Folder data aplikasi (bawaan: folder data aplikasi desktop,
                       atau variabel lingkungan ASN_COMPANION_DATA_DIR).
  --lang id|en         Bahasa pesan (bawaan: id).

Kode keluar: 0 berhasil dan semua pemeriksaan yang dijalankan lulus; 1 ada pemeriksaan yang gagal,
memberi peringatan, atau tidak dapat dipastikan; 2 galat. Pemeriksaan yang dilewati (--no-speed)
tidak memengaruhi kode keluar.`,
  unknownCommand: (name: string) => `Perintah tidak dikenal: "${name}". Jalankan "asn-companion help" untuk daftar perintah.`,
  invalidOption: (detail: string) => `Opsi tidak valid: ${detail}. Jalankan "asn-companion help" untuk melihat opsi yang tersedia.`,
  unknownOption: (option: string) => `Opsi tidak dikenal: ${option}. Jalankan "asn-companion help" untuk melihat opsi yang tersedia.`,
  missingValue: (option: string) => `Opsi ${option} membutuhkan nilai, misalnya ${option} NILAI.`,
  invalidLanguage: (value: string) => `Bahasa "${value}" tidak tersedia. Gunakan --lang id atau --lang en.`,
  memoryOnlyToken:
    'Catatan: token hanya tersimpan di memori proses ini dan hilang saat perintah selesai, jadi perintah berikutnya belum dapat mengirim data. ' +
    'Jalankan CLI di sesi yang memiliki keyring (di Linux tanpa desktop: tests/harness/keyring-session.sh bash).',
  missingOption: (option: string, command: string) => `Opsi ${option} wajib untuk perintah "${command}".`,
  invalidMode: (mode: string) => `Mode "${mode}" tidak valid. Gunakan --mode wfh atau --mode office.`,
  verdict: { pass: 'LULUS', warn: 'PERINGATAN', fail: 'GAGAL', unknown: 'TIDAK DIKETAHUI', error: 'GALAT' } satisfies Record<Verdict, string>,
  checkName: { speed: 'Kecepatan internet', vpn: 'VPN instansi', power: 'Daya cadangan' },
  overall: 'Hasil keseluruhan',
  snapshotSaved: (snapshotId: string) => `Snapshot ${snapshotId} disimpan dan masuk antrean pengiriman.`,
  evidence: 'Bukti',
  policy: 'Kebijakan',
  remediation: 'Langkah perbaikan',
  checkedIn: (mode: string, time: string) => `Check-in ${mode} tercatat pukul ${time}.`,
  checkedOut: (time: string) => `Check-out tercatat pukul ${time}.`,
  mode: { wfh: 'WFH', office: 'kantor' },
  statusCheckedIn: (mode: string, since: string) => `Status: sedang bekerja (${mode}) sejak ${since}`,
  statusCheckedOut: 'Status: belum check-in',
  today: (date: string, worked: string) => `Hari ini (${date}): ${worked}`,
  week: (worked: string, cap: string) => `Minggu ini: ${worked} dari batas ${cap}`,
  window: (start: string, end: string, zone: string) => `Jam kerja: ${start}–${end} ${zone}`,
  dayOff: (reason: string) => `Hari libur: ${reason}`,
  outbox: (queued: number, sent: number, dead: number) => `Antrean: ${queued} menunggu, ${sent} terkirim, ${dead} gagal`,
  lastCheck: (verdict: string, at: string) => `Pemeriksaan terakhir: ${verdict} (${at})`,
  noCheckYet: 'Pemeriksaan terakhir: belum pernah',
  enrolled: (url: string, deviceId: string) => `Terdaftar di ${url} sebagai perangkat ${deviceId}.`,
  notEnrolled: 'Belum terdaftar ke sistem pusat.',
  policyLine: (name: string, version: string) => `Kebijakan: ${name} (versi ${version})`,
  demoMode: 'Mode demo',
  secureStorageWarning: (reason: string) => `Peringatan: ${reason}`,
  flushResult: (accepted: number, duplicates: number, rejected: number, failed: number) =>
    `Terkirim: ${accepted} diterima, ${duplicates} sudah ada di server, ${rejected} ditolak, ${failed} gagal dan dicoba lagi nanti.`,
  stopped: (reason: string) => `Pengiriman berhenti: ${reason}`,
  failed: (detail: string) => `Gagal: ${detail}`,
  hours: (hours: number, minutes: number) => `${hours} j ${minutes} m`,
};

type Messages = typeof id;

const en: Messages = {
  usage: `Usage: asn-companion COMMAND [options]

Commands:
  check [--json] [--no-speed] [--allow-metered] [--speed-endpoint URL]
                       Check the workstation (internet speed, VPN, backup power) and store
                       the result as a snapshot. --allow-metered runs the speed test on a
                       metered connection too.
  checkin [--mode wfh|office]
                       Check in (default: wfh).
  checkout             Check out.
  status [--json]      Show attendance, worked hours, the outbox and the last check.
  enroll --central URL --code CODE
                       Enroll this device with the central system.
  flush                Deliver the outbox to the central system now.
  requests [--json]    List urgent and emergency requests with level, deadline and state.
  requests ack ID      Acknowledge a request ("Terima"); its time is recorded and queued.
  requests respond ID --text TEXT
                       Answer a request ("Selesai") with a short text (limit set by the policy).
  snapshot export [latest|ID] [--id ID] --out FILE
                       Export a snapshot signed by this device (default: the latest).
  snapshot verify FILE [--public-key KEY]
                       Check the signature of an exported snapshot (0 valid, 1 invalid, with the reason).
  central [--port N] [--db FILE] [--enrollment-code CODE] [--faults SPEC]
                       Run the reference central server (for development and tests).

Common options:
  --data-dir DIR       Application data folder (default: the desktop app's data folder,
                       or the ASN_COMPANION_DATA_DIR environment variable).
  --lang id|en         Language of messages (default: id).

Exit codes: 0 success and every check that ran passed; 1 a check failed, warned or could not
tell; 2 error. A skipped check (--no-speed) does not affect the exit code.`,
  unknownCommand: (name) => `Unknown command "${name}". Run "asn-companion help" for the list of commands.`,
  invalidOption: (detail) => `Invalid option: ${detail}. Run "asn-companion help" to see the available options.`,
  unknownOption: (option) => `Unknown option ${option}. Run "asn-companion help" to see the available options.`,
  missingValue: (option) => `The option ${option} needs a value, e.g. ${option} VALUE.`,
  invalidLanguage: (value) => `Language "${value}" is not available. Use --lang id or --lang en.`,
  memoryOnlyToken:
    'Note: the token is kept only in the memory of this process and is lost when the command ends, so later commands cannot deliver data yet. ' +
    'Run the CLI in a session that has a keyring (on Linux without a desktop: tests/harness/keyring-session.sh bash).',
  missingOption: (option, command) => `The "${command}" command requires ${option}.`,
  invalidMode: (mode) => `Invalid mode "${mode}". Use --mode wfh or --mode office.`,
  verdict: { pass: 'PASS', warn: 'WARNING', fail: 'FAIL', unknown: 'UNKNOWN', error: 'ERROR' },
  checkName: { speed: 'Internet speed', vpn: 'Agency VPN', power: 'Backup power' },
  overall: 'Overall result',
  snapshotSaved: (snapshotId) => `Snapshot ${snapshotId} stored and queued for delivery.`,
  evidence: 'Evidence',
  policy: 'Policy',
  remediation: 'How to fix',
  checkedIn: (mode, time) => `Checked in (${mode}) at ${time}.`,
  checkedOut: (time) => `Checked out at ${time}.`,
  mode: { wfh: 'WFH', office: 'office' },
  statusCheckedIn: (mode, since) => `Status: working (${mode}) since ${since}`,
  statusCheckedOut: 'Status: not checked in',
  today: (date, worked) => `Today (${date}): ${worked}`,
  week: (worked, cap) => `This week: ${worked} of the ${cap} cap`,
  window: (start, end, zone) => `Working hours: ${start}–${end} ${zone}`,
  dayOff: (reason) => `Day off: ${reason}`,
  outbox: (queued, sent, dead) => `Outbox: ${queued} queued, ${sent} sent, ${dead} failed`,
  lastCheck: (verdict, at) => `Last check: ${verdict} (${at})`,
  noCheckYet: 'Last check: never',
  enrolled: (url, deviceId) => `Enrolled with ${url} as device ${deviceId}.`,
  notEnrolled: 'Not enrolled with a central system.',
  policyLine: (name, version) => `Policy: ${name} (version ${version})`,
  demoMode: 'Demo mode',
  secureStorageWarning: (reason) => `Warning: ${reason}`,
  flushResult: (accepted, duplicates, rejected, failed) =>
    `Delivered: ${accepted} accepted, ${duplicates} already on the server, ${rejected} rejected, ${failed} failed and will be retried.`,
  stopped: (reason) => `Delivery stopped: ${reason}`,
  failed: (detail) => `Failed: ${detail}`,
  hours: (hours, minutes) => `${hours} h ${minutes} min`,
};

export function messages(language: Language): Messages {
  return language === 'en' ? en : id;
}

export type { Messages };
