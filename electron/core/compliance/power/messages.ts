// User-facing texts of the backup-power check, in Bahasa Indonesia and English.
import type { LocalizedText } from '../../../../shared/domain';
import { formatNumber } from '../format';
import type { BatteryFacts } from './battery-facts';

const percent = (value: number): { id: string; en: string } => {
  const formatted = formatNumber(value, 0);
  return { id: `${formatted.id}%`, en: `${formatted.en}%` };
};

export const noBatterySummary: LocalizedText = {
  id: 'Tidak ada baterai atau UPS terdeteksi, jadi perangkat akan mati saat listrik padam.',
  en: 'No battery or UPS was detected, so the computer will shut down in a power cut.',
};

export const noBatteryRemediation: LocalizedText[] = [
  {
    id: 'Bekerjalah dengan laptop yang baterainya masih baik, atau pasang UPS untuk komputer meja.',
    en: 'Work on a laptop with a battery in good condition, or connect a desktop computer to a UPS.',
  },
  {
    id: 'Jika komputer sudah memakai UPS, sambungkan kabel data (USB) UPS ke komputer agar sistem mengenalinya.',
    en: 'If the computer already runs on a UPS, connect the UPS data cable (USB) to the computer so that the system detects it.',
  },
];

export function poorHealthSummary(health: number, minimum: number): LocalizedText {
  const measured = percent(health);
  const required = percent(minimum);
  return {
    id: `Kesehatan baterai ${measured.id}, di bawah batas minimal ${required.id}; baterai tidak akan bertahan cukup lama saat listrik padam.`,
    en: `Battery health is ${measured.en}, below the minimum of ${required.en}; the battery will not last long enough in a power cut.`,
  };
}

export const poorHealthRemediation: LocalizedText[] = [
  {
    id: 'Ajukan penggantian baterai laptop ke bagian umum atau tim TI instansi Anda.',
    en: "Request a replacement laptop battery from your agency's general affairs office or IT team.",
  },
  {
    id: 'Sampai baterai diganti, sambungkan laptop ke UPS bila ada.',
    en: 'Until the battery is replaced, plug the laptop into a UPS if you have one.',
  },
];

export function lowChargeSummary(charge: number, minimum: number): LocalizedText {
  const measured = percent(charge);
  const required = percent(minimum);
  return {
    id: `Baterai tinggal ${measured.id} (minimal ${required.id}) dan laptop tidak tersambung ke listrik.`,
    en: `The battery is at ${measured.en} (minimum ${required.en}) and the laptop is not plugged in.`,
  };
}

export const lowChargeRemediation: LocalizedText[] = [
  {
    id: 'Sambungkan pengisi daya laptop ke stopkontak dan biarkan baterai terisi.',
    en: 'Plug the laptop charger into a power outlet and let the battery charge.',
  },
];

export function unknownHealthSummary(facts: BatteryFacts): LocalizedText {
  const charge = percent(facts.chargePercent);
  return {
    id: `Baterai terdeteksi (terisi ${charge.id}), tetapi kesehatannya tidak dapat dihitung karena kapasitas desainnya tidak dilaporkan.`,
    en: `A battery was found (charged to ${charge.en}), but its health cannot be computed because its design capacity is not reported.`,
  };
}

export const unknownHealthRemediation: LocalizedText[] = [
  {
    id: 'Periksa kesehatan baterai dengan aplikasi bawaan produsen laptop, atau minta tim TI memeriksanya.',
    en: "Check the battery health with the laptop maker's own application, or ask the IT team to check it.",
  },
];

export function passSummary(health: number, facts: BatteryFacts): LocalizedText {
  const healthText = percent(health);
  const charge = percent(facts.chargePercent);
  return facts.acConnected
    ? {
        id: `Daya cadangan siap: kesehatan baterai ${healthText.id}, terisi ${charge.id}, tersambung ke listrik.`,
        en: `Backup power is ready: battery health ${healthText.en}, charged to ${charge.en}, plugged in.`,
      }
    : {
        id: `Daya cadangan siap: kesehatan baterai ${healthText.id}, terisi ${charge.id}.`,
        en: `Backup power is ready: battery health ${healthText.en}, charged to ${charge.en}.`,
      };
}
