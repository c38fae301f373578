// The HTTPS probe: one request to a host that only the agency VPN reaches, accepted only when the
// host presents the certificate whose SHA-256 fingerprint the policy pins. The pin replaces the CA
// check on purpose: agencies often use an internal CA, and the pin is the stronger proof that the
// answer came from the agency and not from a personal VPN, a captive portal or a look-alike host.
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

export const PROBE_TIMEOUT_MS = 3_000;

export type ProbeOutcome = 'pinned-match' | 'wrong-certificate' | 'unreachable' | 'timeout';

export interface ProbeResult {
  url: string;
  outcome: ProbeOutcome;
  /** Fingerprint of the certificate the host presented, colon-separated upper-case hex; null without a handshake. */
  presentedSha256: string | null;
  expectedSha256: string;
  /** HTTP status of the answer when the certificate matched. */
  httpStatus: number | null;
  detail: string | null;
  durationMs: number;
}

/** Normalises a fingerprint written with or without colons, in any case, to "AB:CD:…". */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/:/g, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? hex;
}

/** Sends one HEAD request to `url` and compares the presented certificate with the pin; never throws. */
export function probeHttps(url: string, expectedSha256: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const expected = normaliseFingerprint(expectedSha256);
  const started = performance.now();

  return new Promise((resolve) => {
    let presented: string | null = null;
    let settled = false;
    const finish = (outcome: ProbeOutcome, httpStatus: number | null, detail: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ url, outcome, presentedSha256: presented, expectedSha256: expected, httpStatus, detail, durationMs: Math.round(performance.now() - started) });
    };

    const request = https.request(url, { method: 'HEAD', rejectUnauthorized: false, agent: false });
    const timer = setTimeout(() => finish('timeout', null, `No answer from ${url} within ${timeoutMs} ms.`), timeoutMs);

    request.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        const certificate = (socket as TLSSocket).getPeerCertificate();
        presented = certificate.fingerprint256 ? normaliseFingerprint(certificate.fingerprint256) : null;
        // Nothing is sent to a host that shows another certificate.
        if (presented !== expected) finish('wrong-certificate', null, `The host presented certificate ${presented ?? '(none)'}.`);
      });
    });
    request.on('response', (response) => {
      response.resume();
      finish(presented === expected ? 'pinned-match' : 'wrong-certificate', response.statusCode ?? null, null);
    });
    request.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      finish('unreachable', null, code ? `${code}: ${error.message}` : error.message);
    });
    request.end();
  });
}
