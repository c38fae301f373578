// Texts of the privacy feature in both languages; id.ts and en.ts include them under `privacy`.
// The notice follows UU 27/2022 on personal data protection: it states what is collected, why,
// where it goes and how long it stays. Raise PRIVACY_NOTICE_VERSION (shared/privacy.ts) when the
// substance changes, so that every user sees the new text once.
import type { WidenTexts } from './widen';

export const privacyId = {
  title: 'Privasi',
  banner: {
    heading: 'Pemberitahuan privasi',
    body: 'Aplikasi ini mengirim data kehadiran, pemeriksaan perangkat, dan laporan Anda ke sistem pusat instansi. Lokasi tidak diambil kecuali Anda mengizinkannya.',
    read: 'Baca pemberitahuan lengkap',
    acknowledge: 'Saya mengerti',
  },
  notice: {
    heading: 'Pemberitahuan privasi',
    intro:
      'Pemberitahuan ini menjelaskan data pribadi yang diolah Pendamping Kerja ASN, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.',
    collectedHeading: 'Data yang dikumpulkan',
    collectedAttendance: 'Kehadiran: waktu check-in dan check-out serta mode kerja (WFH atau kantor).',
    collectedCompliance:
      'Pemeriksaan perangkat: kecepatan internet, status VPN instansi (nama adaptor dan rute jaringan), dan daya cadangan (baterai atau UPS), ditandatangani oleh perangkat ini.',
    collectedReports: 'Laporan harian, ringkasan mingguan, tanggapan atas permintaan, dan klaim tunjangan yang Anda kirim sendiri.',
    collectedDevice: 'Identitas perangkat yang diberikan sistem pusat saat pendaftaran.',
    notCollected:
      'Tidak dikumpulkan: lokasi (kecuali Anda mengizinkannya di bawah), data biometrik, tangkapan layar, isi papan ketik, dan riwayat penjelajahan. Waktu Anda meninggalkan komputer (layar terkunci, tidur, menganggur) hanya disimpan di laptop ini untuk menghitung jam kerja.',
    whyHeading: 'Tujuan',
    why: 'Data dipakai untuk mencatat kehadiran WFH, memastikan perangkat memenuhi standar kerja dari rumah, dan melaporkan hasil kerja kepada atasan dan instansi Anda.',
    whereHeading: 'Ke mana data dikirim',
    where:
      'Data hanya dikirim ke sistem pusat instansi tempat perangkat ini terdaftar, melalui HTTPS (dalam mode demo, ke server di komputer ini). Uji kecepatan bertukar data uji dengan server kecepatan yang ditetapkan kebijakan instansi, tanpa data pribadi. Halaman ini menunjukkan setiap jenis data yang sudah terkirim.',
    retentionHeading: 'Berapa lama data disimpan',
    retention:
      'Di laptop ini, catatan tetap tersimpan di folder data aplikasi sampai Anda menghapus folder itu; token perangkat disimpan di keychain sistem operasi. Lama penyimpanan di sistem pusat ditetapkan oleh instansi Anda.',
    rightsHeading: 'Hak Anda',
    rights:
      'Anda berhak mengetahui, mengakses, dan meminta perbaikan data pribadi Anda. Untuk data di sistem pusat, hubungi pejabat pelindungan data pribadi atau admin TI instansi Anda.',
    acknowledgedAt: 'Anda membaca pemberitahuan ini pada {{at}}.',
    notAcknowledged: 'Anda belum menandai pemberitahuan ini sebagai sudah dibaca.',
  },
  location: {
    heading: 'Lokasi',
    body: 'Lokasi mati kecuali Anda menyalakannya. Saat ini tidak ada fitur aplikasi yang mengambil lokasi; pilihan ini menentukan apakah fitur seperti itu boleh memakainya.',
    allow: 'Izinkan penggunaan lokasi',
    on: 'Lokasi diizinkan sejak {{at}}.',
    off: 'Lokasi tidak diizinkan.',
  },
  sent: {
    heading: 'Data yang sudah terkirim',
    intro: 'Ringkasan semua catatan yang sudah diterima sistem pusat, per jenis, dengan contoh terbaru persis seperti yang dikirim.',
    empty: 'Belum ada data yang terkirim ke sistem pusat.',
    total: 'Total {{count}} catatan terkirim.',
    count: '{{count}} catatan, pertama {{first}}, terakhir {{last}}',
    latest: 'Isi catatan terbaru',
    all: 'Lihat semua catatan, termasuk yang masih mengantre, di halaman Antrean.',
    loading: 'Memuat…',
  },
};

export const privacyEn: WidenTexts<typeof privacyId> = {
  title: 'Privacy',
  banner: {
    heading: 'Privacy notice',
    body: "This app sends your attendance, device checks and reports to your agency's central system. Location is not taken unless you allow it.",
    read: 'Read the full notice',
    acknowledge: 'I understand',
  },
  notice: {
    heading: 'Privacy notice',
    intro:
      'This notice explains the personal data that Pendamping Kerja ASN processes, as required by Law No. 27 of 2022 on Personal Data Protection (UU PDP).',
    collectedHeading: 'Data collected',
    collectedAttendance: 'Attendance: check-in and check-out times and the work mode (WFH or office).',
    collectedCompliance:
      "Device checks: internet speed, the agency VPN's status (adapter names and network routes) and backup power (battery or UPS), signed by this device.",
    collectedReports: 'Daily reports, weekly summaries, answers to requests and allowance claims that you send yourself.',
    collectedDevice: 'The device identity that the central system assigns at enrollment.',
    notCollected:
      'Not collected: location (unless you allow it below), biometric data, screenshots, keystrokes and browsing history. Times away from the computer (screen locked, sleep, idle) stay on this laptop, to compute working hours.',
    whyHeading: 'Purpose',
    why: 'The data records WFH attendance, checks that the device meets the work-from-home standard, and reports your work to your supervisor and agency.',
    whereHeading: 'Where the data goes',
    where:
      "Data goes only to the central system of the agency this device is enrolled with, over HTTPS (in demo mode, to a server on this computer). The speed test exchanges test data with the speed server named in the agency's policy, without personal data. This page shows every kind of data sent so far.",
    retentionHeading: 'How long data is kept',
    retention:
      "On this laptop, records stay in the app's data folder until you delete that folder; the device token is kept in the operating system's keychain. Your agency sets how long the central system keeps them.",
    rightsHeading: 'Your rights',
    rights:
      "You may learn about, access and ask to correct your personal data. For data in the central system, contact your agency's data protection officer or IT administrator.",
    acknowledgedAt: 'You read this notice on {{at}}.',
    notAcknowledged: 'You have not marked this notice as read yet.',
  },
  location: {
    heading: 'Location',
    body: 'Location is off unless you turn it on. No feature of the app takes your location today; this choice decides whether such a feature may use it.',
    allow: 'Allow the use of location',
    on: 'Location allowed since {{at}}.',
    off: 'Location not allowed.',
  },
  sent: {
    heading: 'Data sent so far',
    intro: 'A summary of every record the central system has received, by kind, with the newest one exactly as it was sent.',
    empty: 'Nothing has been sent to the central system yet.',
    total: '{{count}} records sent in total.',
    count: '{{count}} records, first {{first}}, last {{last}}',
    latest: 'Content of the newest record',
    all: 'See every record, including those still queued, on the Queue page.',
    loading: 'Loading…',
  },
};
