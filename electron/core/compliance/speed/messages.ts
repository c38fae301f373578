// User-facing texts of the speed check, in Bahasa Indonesia and English.
import type { LocalizedText } from '../../../../shared/domain';
import { formatNumber } from '../format';
import type { DirectionJudgement, SpeedDecision } from './verdict';

const mbps = (value: number): LocalizedText => {
  const formatted = formatNumber(value);
  return { id: `${formatted.id} Mbps`, en: `${formatted.en} Mbps` };
};

export function passSummary(decision: SpeedDecision): LocalizedText {
  const down = mbps(decision.download.comparableMbps);
  const up = mbps(decision.upload.comparableMbps);
  return {
    id: `Kecepatan internet memenuhi standar: unduh ${down.id}, unggah ${up.id}.`,
    en: `Internet speed meets the standard: download ${down.en}, upload ${up.en}.`,
  };
}

export function failSummary(decision: SpeedDecision): LocalizedText {
  const below = [decision.download, decision.upload].filter((judgement) => judgement.below);
  const parts = below.map(describeShortfall);
  return {
    id: `Kecepatan internet di bawah standar: ${parts.map((part) => part.id).join('; ')}.`,
    en: `Internet speed is below the standard: ${parts.map((part) => part.en).join('; ')}.`,
  };
}

function describeShortfall(judgement: DirectionJudgement): LocalizedText {
  const measured = mbps(judgement.comparableMbps);
  const required = mbps(judgement.thresholdMbps);
  if (judgement.direction === 'download') {
    return { id: `unduh ${measured.id}, minimal ${required.id}`, en: `download ${measured.en}, minimum ${required.en}` };
  }
  return { id: `unggah ${measured.id}, minimal ${required.id}`, en: `upload ${measured.en}, minimum ${required.en}` };
}

export const uncertainSummary: LocalizedText = {
  id: 'Pengukuran terlalu singkat untuk menentukan hasil. Silakan uji ulang.',
  en: 'The measurement was too short to reach a verdict. Please test again.',
};

export const skippedSummary: LocalizedText = {
  id: 'Uji kecepatan internet dilewati atas permintaan.',
  en: 'The internet speed test was skipped on request.',
};

export const abortedSummary: LocalizedText = {
  id: 'Uji kecepatan internet dihentikan sebelum selesai.',
  en: 'The internet speed test was stopped before it finished.',
};

export const notConfiguredSummary: LocalizedText = {
  id: 'Server uji kecepatan belum diatur, jadi kecepatan internet belum bisa diukur.',
  en: 'No speed test server is configured, so the internet speed cannot be measured yet.',
};

export function endpointErrorSummary(message: string): LocalizedText {
  return {
    id: `Uji kecepatan gagal karena server uji kecepatan tidak dapat dihubungi dengan benar. Rincian teknis: ${message}`,
    en: `The speed test failed because the speed test server could not be reached properly. Technical detail: ${message}`,
  };
}

export const failRemediation: LocalizedText[] = [
  {
    id: 'Sambungkan laptop ke router dengan kabel LAN, atau pindah lebih dekat ke router Wi-Fi.',
    en: 'Connect the laptop to the router with a LAN cable, or move closer to the Wi-Fi router.',
  },
  {
    id: 'Hentikan sementara unduhan besar, pembaruan sistem, dan streaming video di rumah, lalu uji ulang.',
    en: 'Pause large downloads, system updates and video streaming at home for a moment, then test again.',
  },
  {
    id: 'Jika kecepatan tetap rendah, hubungi penyedia internet Anda atau pakai koneksi cadangan, misalnya tethering dari ponsel.',
    en: 'If the speed stays low, contact your internet provider or use a backup connection such as phone tethering.',
  },
];

export const retryRemediation: LocalizedText[] = [
  {
    id: 'Jalankan uji kecepatan sekali lagi saat koneksi sedang tidak dipakai untuk unduhan besar.',
    en: 'Run the speed test again while the connection is not busy with large downloads.',
  },
];

export const skippedRemediation: LocalizedText[] = [
  {
    id: 'Jalankan pemeriksaan lengkap (di baris perintah: tanpa --no-speed) untuk mengukur kecepatan internet.',
    en: 'Run the full check (on the command line: without --no-speed) to measure the internet speed.',
  },
];

export const notConfiguredRemediation: LocalizedText[] = [
  {
    id: 'Minta alamat server uji kecepatan kepada tim TI instansi Anda; tim TI dapat memasangnya di kebijakan instansi.',
    en: "Ask your agency's IT team for the speed test server address; they can set it in the agency policy.",
  },
  {
    id: 'Untuk sementara, alamat itu dapat diberikan langsung dengan opsi --speed-endpoint URL.',
    en: 'Meanwhile, you can give that address directly with the --speed-endpoint URL option.',
  },
];

export const endpointErrorRemediation: LocalizedText[] = [
  {
    id: 'Pastikan laptop tersambung ke internet, lalu jalankan uji kecepatan sekali lagi.',
    en: 'Make sure the laptop is connected to the internet, then run the speed test again.',
  },
  {
    id: 'Jika galat yang sama muncul lagi, laporkan ke tim TI instansi Anda bahwa server uji kecepatan tidak dapat dihubungi, beserta pesan galat ini.',
    en: "If the same error comes back, tell your agency's IT team that the speed test server cannot be reached, and include this error message.",
  },
];

export const backgroundTrafficSummary: LocalizedText = {
  id: 'Hasil belum dapat dipastikan karena ada lalu lintas lain yang besar di jaringan selama pengujian. Silakan uji ulang.',
  en: 'The result is not certain because other heavy traffic used the connection during the test. Please test again.',
};
