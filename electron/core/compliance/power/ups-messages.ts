// User-facing texts of the UPS part of the backup-power check, in Bahasa Indonesia and English.
import type { LocalizedText } from '../../../../shared/domain';
import { formatNumber } from '../format';
import type { UpsFacts, UpsUnavailableReason } from './ups-reading';

const minutes = (seconds: number): LocalizedText => {
  const formatted = formatNumber(seconds / 60, 0);
  return { id: `${formatted.id} menit`, en: `${formatted.en} minutes` };
};

export function unavailableSummary(server: string, reason: UpsUnavailableReason): LocalizedText {
  const why: Record<UpsUnavailableReason, LocalizedText> = {
    refused: { id: 'server menolak sambungan', en: 'the server refused the connection' },
    timeout: { id: 'server tidak menjawab', en: 'the server did not answer' },
    unreachable: { id: 'server tidak dapat dihubungi', en: 'the server cannot be reached' },
    stale: { id: 'data UPS sudah usang', en: 'the UPS data is stale' },
    'driver-not-connected': { id: 'UPS tidak tersambung ke server', en: 'the UPS is not connected to the server' },
    'unknown-ups': { id: 'nama UPS tidak dikenal server', en: 'the server does not know that UPS name' },
    'no-ups': { id: 'server tidak memiliki UPS', en: 'the server has no UPS' },
    protocol: { id: 'jawaban server tidak dapat dibaca', en: 'the server answer cannot be read' },
  };
  return {
    id: `Keadaan UPS tidak diketahui: ${why[reason].id} (server NUT ${server}).`,
    en: `The UPS state is unknown: ${why[reason].en} (NUT server ${server}).`,
  };
}

export const unavailableRemediation: LocalizedText[] = [
  {
    id: 'Pastikan UPS menyala dan kabel data (USB) UPS tersambung ke komputer yang menjalankan server UPS.',
    en: 'Make sure the UPS is switched on and its data (USB) cable is connected to the computer that runs the UPS server.',
  },
  {
    id: 'Jalankan pemeriksaan sekali lagi. Jika hasilnya tetap sama, hubungi tim TI instansi Anda.',
    en: "Run the check again. If the result stays the same, contact your agency's IT team.",
  },
];

export function forcedShutdownSummary(ups: UpsFacts): LocalizedText {
  return {
    id: `UPS ${ups.name} sedang memerintahkan komputer untuk mati (FSD); daya cadangan akan segera habis.`,
    en: `The UPS ${ups.name} is ordering connected computers to shut down (FSD); backup power is about to run out.`,
  };
}

export function replaceBatterySummary(ups: UpsFacts): LocalizedText {
  return {
    id: `UPS ${ups.name} melaporkan bahwa baterainya harus diganti.`,
    en: `The UPS ${ups.name} reports that its battery must be replaced.`,
  };
}

export function alarmSummary(ups: UpsFacts): LocalizedText {
  return {
    id: `UPS ${ups.name} membunyikan alarm: ${ups.alarm ?? ''}.`,
    en: `The UPS ${ups.name} raises an alarm: ${ups.alarm ?? ''}.`,
  };
}

export function lowBatterySummary(ups: UpsFacts): LocalizedText {
  return {
    id: `Listrik padam dan baterai UPS ${ups.name} hampir habis.`,
    en: `Mains power is out and the battery of the UPS ${ups.name} is almost empty.`,
  };
}

export function shortRuntimeSummary(ups: UpsFacts, runtimeSeconds: number, minimumSeconds: number): LocalizedText {
  const measured = minutes(runtimeSeconds);
  const required = minutes(minimumSeconds);
  return {
    id: `UPS ${ups.name} hanya mampu menyalakan perangkat selama ${measured.id}, kurang dari batas minimal ${required.id}.`,
    en: `The UPS ${ups.name} can only run the equipment for ${measured.en}, less than the minimum of ${required.en}.`,
  };
}

export function onBatterySummary(ups: UpsFacts): LocalizedText {
  return {
    id: `Listrik padam: komputer berjalan dengan baterai UPS ${ups.name}. Simpan pekerjaan Anda.`,
    en: `Mains power is out: the computer runs on the battery of the UPS ${ups.name}. Save your work.`,
  };
}

export function lowChargeSummary(ups: UpsFacts, minimumPercent: number): LocalizedText {
  const charge = formatNumber(ups.chargePercent ?? 0, 0);
  const minimum = formatNumber(minimumPercent, 0);
  return {
    id: `Baterai UPS ${ups.name} baru terisi ${charge.id}% (minimal ${minimum.id}%).`,
    en: `The battery of the UPS ${ups.name} is charged to only ${charge.en}% (minimum ${minimum.en}%).`,
  };
}

export function noRuntimeSummary(ups: UpsFacts): LocalizedText {
  return {
    id: `UPS ${ups.name} tidak melaporkan berapa lama baterainya mampu bertahan, jadi kecukupannya tidak diketahui.`,
    en: `The UPS ${ups.name} does not report how long its battery lasts, so whether it is enough is unknown.`,
  };
}

export function passSummary(ups: UpsFacts, runtimeSeconds: number | null): LocalizedText {
  const runtime = runtimeSeconds === null ? null : minutes(runtimeSeconds);
  return {
    id: `Daya cadangan siap: UPS ${ups.name} tersambung ke listrik${runtime ? ` dan mampu bertahan ${runtime.id}` : ''}.`,
    en: `Backup power is ready: the UPS ${ups.name} is on mains power${runtime ? ` and can last ${runtime.en}` : ''}.`,
  };
}

export const replaceRemediation: LocalizedText[] = [
  {
    id: 'Ajukan penggantian baterai UPS ke bagian umum atau tim TI instansi Anda.',
    en: "Request a replacement UPS battery from your agency's general affairs office or IT team.",
  },
  {
    id: 'Sampai baterai diganti, simpan pekerjaan sesering mungkin.',
    en: 'Until the battery is replaced, save your work often.',
  },
];

export const alarmRemediation: LocalizedText[] = [
  {
    id: 'Lihat lampu dan layar UPS, lalu ikuti petunjuk di buku manualnya. Jika alarm tidak hilang, hubungi tim TI instansi Anda.',
    en: "Look at the UPS lights and display and follow its manual. If the alarm does not clear, contact your agency's IT team.",
  },
];

export const onBatteryRemediation: LocalizedText[] = [
  {
    id: 'Simpan pekerjaan Anda sekarang. Jika listrik tidak segera kembali, matikan komputer dengan benar sebelum baterai UPS habis.',
    en: 'Save your work now. If mains power does not return soon, shut the computer down properly before the UPS battery runs out.',
  },
];

export const shortRuntimeRemediation: LocalizedText[] = [
  {
    id: 'Kurangi perangkat yang tersambung ke UPS (misalnya printer atau pemanas), agar daya tahan baterainya lebih lama.',
    en: 'Unplug devices that do not need backup power (such as a printer or a heater) from the UPS so that its battery lasts longer.',
  },
  {
    id: 'Jika daya tahan tetap kurang, ajukan UPS yang lebih besar atau baterai baru ke tim TI instansi Anda.',
    en: "If it still lasts too short a time, ask your agency's IT team for a larger UPS or a new battery.",
  },
];

export const lowChargeRemediation: LocalizedText[] = [
  {
    id: 'Biarkan UPS tetap tersambung ke listrik sampai baterainya terisi penuh, lalu periksa lagi.',
    en: 'Keep the UPS plugged into mains power until its battery is full, then check again.',
  },
];
