// User-facing texts of the VPN check, in Bahasa Indonesia and English.
import type { LocalizedText } from '../../../../shared/domain';
import type { RouteFinding } from './decision';

export const noSubnetsSummary: LocalizedText = {
  id: 'Kebijakan belum menyebut subnet internal instansi, jadi sambungan VPN belum dapat diperiksa; hubungi TI.',
  en: "The policy names no internal subnet of the agency, so the VPN connection cannot be checked yet; contact IT.",
};

export const noSubnetsRemediation: LocalizedText[] = [
  {
    id: 'Hubungi tim TI instansi Anda agar alamat jaringan internal (subnet) dicantumkan dalam kebijakan.',
    en: "Contact your agency's IT team so that the internal network addresses (subnets) are added to the policy.",
  },
];

export function unsupportedPlatformSummary(platform: string): LocalizedText {
  return {
    id: `Pemeriksaan VPN otomatis belum tersedia di sistem operasi ini (${platform}).`,
    en: `The automatic VPN check is not available on this operating system (${platform}) yet.`,
  };
}

export function commandUnavailableSummary(command: string): LocalizedText {
  return {
    id: `Rute jaringan tidak dapat dibaca karena perintah ${command} tidak tersedia di komputer ini, jadi sambungan VPN belum dapat dipastikan.`,
    en: `The network routes cannot be read because the command ${command} is not available on this computer, so the VPN connection cannot be confirmed.`,
  };
}

export function dnsSuffixNote(suffixes: readonly string[]): LocalizedText {
  return {
    id: `Akhiran DNS instansi (${suffixes.join(', ')}) terpasang, tetapi itu hanya petunjuk: rute ke jaringan internal yang menentukan.`,
    en: `The agency DNS suffix (${suffixes.join(', ')}) is configured, but that is only a hint: the routes to the internal network decide.`,
  };
}

export const unsupportedPlatformRemediation: LocalizedText[] = [
  {
    id: 'Pastikan aplikasi VPN instansi menyatakan tersambung sebelum mulai bekerja.',
    en: "Make sure the agency's VPN application shows it is connected before you start work.",
  },
];

export function passSummary(subnets: readonly string[], devices: readonly string[]): LocalizedText {
  return {
    id: `VPN instansi tersambung: lalu lintas ke jaringan internal (${subnets.join(', ')}) melewati terowongan ${devices.join(', ')}.`,
    en: `The agency VPN is connected: traffic to the internal network (${subnets.join(', ')}) goes through the tunnel ${devices.join(', ')}.`,
  };
}

export function failSummary(missedSubnets: readonly string[]): LocalizedText {
  return {
    id: `VPN instansi tidak tersambung: lalu lintas ke ${missedSubnets.join(', ')} tidak melewati terowongan VPN.`,
    en: `The agency VPN is not connected: traffic to ${missedSubnets.join(', ')} does not go through a VPN tunnel.`,
  };
}

export function adapterPresentNote(adapters: readonly string[], missedSubnets: readonly string[]): LocalizedText {
  return {
    id: `Adaptor ${adapters.join(', ')} terpasang, tetapi lalu lintas ke ${missedSubnets.join(', ')} tidak melewatinya.`,
    en: `Adapter ${adapters.join(', ')} is present but traffic to ${missedSubnets.join(', ')} does not go through it.`,
  };
}

export function findingText(finding: RouteFinding, subnet: string, device: string | null): LocalizedText {
  switch (finding) {
    case 'through-tunnel':
      return { id: `Lalu lintas ke ${subnet} melewati terowongan ${device}.`, en: `Traffic to ${subnet} goes through the tunnel ${device}.` };
    case 'no-route':
      return { id: `Komputer tidak punya rute ke ${subnet}.`, en: `The computer has no route to ${subnet}.` };
    case 'not-a-tunnel':
      return {
        id: `Lalu lintas ke ${subnet} lewat ${device}, yang bukan terowongan VPN.`,
        en: `Traffic to ${subnet} goes through ${device}, which is not a VPN tunnel.`,
      };
    case 'tunnel-down':
      return {
        id: `Lalu lintas ke ${subnet} diarahkan ke terowongan ${device}, tetapi terowongan itu tidak aktif.`,
        en: `Traffic to ${subnet} is routed to the tunnel ${device}, but that tunnel is down.`,
      };
  }
}

export const failRemediation: LocalizedText[] = [
  {
    id: 'Buka aplikasi VPN instansi, lalu masuk dan sambungkan kembali.',
    en: "Open the agency's VPN application, then sign in and connect again.",
  },
  {
    id: 'Matikan VPN pribadi atau VPN lain yang bukan milik instansi, karena dapat mengalihkan lalu lintas.',
    en: "Turn off any personal VPN or other VPN that is not the agency's, because it can divert the traffic.",
  },
  {
    id: 'Jika aplikasi VPN menyatakan tersambung tetapi pemeriksaan ini tetap gagal, putuskan dan sambungkan ulang VPN, lalu periksa lagi. Bila masih gagal, hubungi tim TI instansi dan lampirkan hasil pemeriksaan ini.',
    en: "If the VPN application says it is connected but this check still fails, disconnect and reconnect the VPN, then check again. If it still fails, contact your agency's IT team and attach this check result.",
  },
];

export function wrongCertificateSummary(url: string): LocalizedText {
  return {
    id: `VPN instansi tidak tersambung: server internal ${url} menjawab dengan sertifikat yang bukan milik instansi.`,
    en: `The agency VPN is not connected: the internal server ${url} answered with a certificate that is not the agency's.`,
  };
}

export function probeUnansweredSummary(url: string, devices: readonly string[]): LocalizedText {
  return {
    id: `VPN instansi tidak tersambung: terowongan ${devices.join(', ')} aktif, tetapi server internal ${url} tidak menjawab lewat terowongan itu.`,
    en: `The agency VPN is not connected: the tunnel ${devices.join(', ')} is up, but the internal server ${url} does not answer through it.`,
  };
}

export function lanOverlapNote(overlaps: readonly { internalSubnet: string; lanSubnet: string; device: string }[]): LocalizedText {
  const pairs = (join: string) => overlaps.map((overlap) => `${overlap.internalSubnet} ${join} ${overlap.lanSubnet} (${overlap.device})`).join(', ');
  return {
    id: `Subnet internal bertumpang tindih dengan jaringan lokal: ${pairs('dan')}. Alamat di jaringan rumah dapat menutupi alamat kantor.`,
    en: `An internal subnet overlaps the local network: ${pairs('and')}. Addresses on the home network can hide the office addresses.`,
  };
}

export const wrongCertificateRemediation: LocalizedText[] = [
  {
    id: 'Matikan VPN pribadi atau proxy lain, lalu sambungkan VPN instansi dan periksa ulang.',
    en: "Turn off any personal VPN or other proxy, then connect the agency's VPN and check again.",
  },
  {
    id: 'Jika Anda memakai Wi-Fi umum (hotel, kafe), selesaikan dulu halaman masuknya, atau pindah ke jaringan lain.',
    en: 'If you are on public Wi-Fi (hotel, café), complete its sign-in page first, or move to another network.',
  },
  {
    id: 'Jika tetap gagal, hubungi tim TI instansi dan lampirkan hasil pemeriksaan ini; sertifikat yang diterima tercantum di dalamnya.',
    en: "If it still fails, contact your agency's IT team and attach this check result; it lists the certificate received.",
  },
];
