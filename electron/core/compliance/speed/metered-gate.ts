// The step before the speed test: read whether the connection is metered and decide whether the test
// may spend the user's data on it. On a metered connection the test runs only when the policy allows
// it or the user asked for it explicitly (the "Periksa ulang" button of the speed check, or
// `asn-companion check --allow-metered`). Otherwise the check is `unknown` and its remediation explains how to run it.
import type { LocalizedText } from '../../../../shared/domain';
import type { SpeedPolicy } from './verdict';
import { parseSpeedEndpointUrl } from './endpoint';
import { interfaceTowards } from './interface-counters';
import type { MeteredDetector, MeteredReading } from './metered';

export interface MeteredDecision {
  reading: MeteredReading;
  /** Who allowed the test on a metered connection; null when the connection is not metered or the test was not allowed. */
  allowedBy: 'policy' | 'user' | null;
  /** True when the test must not run. */
  blocked: boolean;
}

/** Reads the metered state of the interface towards the endpoint and applies the policy and the user's choice. */
export async function decideMetered(endpointUrl: string, speed: SpeedPolicy, userAllows: boolean, detect: MeteredDetector): Promise<MeteredDecision> {
  const url = parseSpeedEndpointUrl(endpointUrl);
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const device = await interfaceTowards(url.hostname.replace(/^\[|\]$/g, ''), port);
  const reading = await detect(device);

  if (reading.state !== 'yes') return { reading, allowedBy: null, blocked: false };
  if (speed.allowMetered === true) return { reading, allowedBy: 'policy', blocked: false };
  if (userAllows) return { reading, allowedBy: 'user', blocked: false };
  return { reading, allowedBy: null, blocked: true };
}

/** Builds the evidence entry of the metered state, which every speed result past the endpoint check carries. */
export function meteredEvidence(decision: MeteredDecision): Record<string, unknown> {
  return { ...decision.reading, allowedBy: decision.allowedBy };
}

export function meteredSummary(reading: MeteredReading, maxBytes: number): LocalizedText {
  const where = reading.interface ? ` (${reading.interface})` : '';
  const megabytes = Math.ceil(maxBytes / 1_000_000);
  return {
    id: `Koneksi internet ini tercatat sebagai koneksi terukur (berkuota)${where}, jadi uji kecepatan tidak dijalankan: uji itu dapat memakai hingga ${megabytes} MB kuota data Anda.`,
    en: `This internet connection is marked as metered${where}, so the speed test did not run: it can use up to ${megabytes} MB of your data allowance.`,
  };
}

export const meteredRemediation: LocalizedText[] = [
  {
    id: 'Sambungkan komputer ke jaringan yang tidak berkuota (Wi-Fi rumah atau kabel), lalu jalankan pemeriksaan lagi.',
    en: 'Connect the computer to a network without a data limit (home Wi-Fi or a cable), then run the check again.',
  },
  {
    id: 'Untuk tetap menguji di koneksi ini, tekan "Periksa ulang" pada pemeriksaan Kecepatan internet, atau jalankan "asn-companion check --allow-metered" di terminal.',
    en: 'To test on this connection anyway, press "Check again" on the Internet speed check, or run "asn-companion check --allow-metered" in a terminal.',
  },
];
