import type { CheckName, CheckResult, LocalizedText } from '../../../shared/domain';

/** The verdict-specific part of a check result. The caller adds the check name and timing. */
export type CheckOutcome = Omit<CheckResult, 'check' | 'startedAt' | 'durationMs'>;

/** Returns milliseconds on the monotonic clock, so a wall-clock step never gives a negative duration. */
export function monotonicMs(): number {
  return performance.now();
}

/**
 * Builds the result of a check that broke (threw, or returned something invalid). The error message
 * goes into the evidence. The verdict is `error`, never `fail`, because nothing was measured.
 */
export function brokenCheckResult(
  check: CheckName,
  error: unknown,
  policy: Record<string, unknown>,
  startedAt: number,
  durationMs: number,
): CheckResult {
  const message = error instanceof Error ? error.message : String(error);
  const summary: LocalizedText = {
    id: `Pemeriksaan ${checkLabel[check].id} gagal dijalankan. Rincian teknis: ${message}`,
    en: `The ${checkLabel[check].en} check could not run. Technical detail: ${message}`,
  };

  return {
    check,
    verdict: 'error',
    summary,
    evidence: { error: message },
    policy,
    remediation: [
      {
        id: 'Jalankan pemeriksaan sekali lagi. Jika hasilnya tetap galat, kirimkan pesan galat ini kepada tim TI instansi Anda.',
        en: "Run the check again. If it still reports an error, send this error message to your agency's IT team.",
      },
    ],
    startedAt,
    durationMs,
  };
}

/**
 * Builds the result of a check that passed its time limit. The verdict is `error`, because the check
 * never reached a reading; the limit is a policy value, so it goes into the policy values shown.
 */
export function timedOutCheckResult(
  check: CheckName,
  limitMs: number,
  policy: Record<string, unknown>,
  startedAt: number,
  durationMs: number,
): CheckResult {
  const seconds = Math.round(limitMs / 100) / 10;
  return {
    check,
    verdict: 'error',
    summary: {
      id: `Pemeriksaan ${checkLabel[check].id} tidak selesai dalam ${String(seconds).replace('.', ',')} detik, jadi dihentikan. Pemeriksaan lain tetap dijalankan.`,
      en: `The ${checkLabel[check].en} check did not finish within ${seconds} s, so it was stopped. The other checks still ran.`,
    },
    evidence: { error: 'timed out', timeoutSeconds: seconds },
    policy: { ...policy, timeoutSeconds: seconds },
    remediation: [
      {
        id: 'Jalankan pemeriksaan sekali lagi. Jika selalu melewati batas waktu, kirimkan hasil ini kepada tim TI instansi Anda.',
        en: "Run the check again. If it always runs past its time limit, send this result to your agency's IT team.",
      },
    ],
    startedAt,
    durationMs,
  };
}

export const checkLabel: Record<CheckName, LocalizedText> = {
  speed: { id: 'kecepatan internet', en: 'internet speed' },
  vpn: { id: 'VPN instansi', en: 'agency VPN' },
  power: { id: 'daya cadangan', en: 'backup power' },
};
