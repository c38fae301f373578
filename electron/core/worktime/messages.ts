// Notification texts of the worktime model, in Bahasa Indonesia and English.
import type { LocalizedText } from '../../../shared/domain';

function hours(minutes: number): { id: string; en: string } {
  const whole = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return {
    id: rest === 0 ? `${whole} jam` : `${whole} jam ${rest} menit`,
    en: rest === 0 ? `${whole} h` : `${whole} h ${rest} min`,
  };
}

export function capThresholdText(minutes: number, capMinutes: number): LocalizedText {
  const reached = hours(minutes);
  const cap = hours(capMinutes);
  return {
    id: `Jam kerja minggu ini sudah ${reached.id} dari batas ${cap.id}.`,
    en: `You have worked ${reached.en} this week, of a ${cap.en} limit.`,
  };
}

export function capReachedText(capMinutes: number, endsSession: boolean): LocalizedText {
  const cap = hours(capMinutes);
  return endsSession
    ? {
        id: `Batas ${cap.id} per minggu tercapai. Sesi kerja diakhiri sesuai kebijakan instansi.`,
        en: `The weekly limit of ${cap.en} is reached. The session was ended, as the agency's policy requires.`,
      }
    : {
        id: `Batas ${cap.id} per minggu tercapai. Waktu kerja berikutnya tetap dicatat dan ditandai melebihi batas.`,
        en: `The weekly limit of ${cap.en} is reached. Further work is still recorded and marked as over the limit.`,
      };
}

export const returnPromptText: LocalizedText = {
  id: 'Anda tidak di depan komputer. Catat waktu itu sebagai kerja, buang, atau buang lalu check-out?',
  en: 'You were away from the computer. Keep that time as work, discard it, or discard it and check out?',
};
