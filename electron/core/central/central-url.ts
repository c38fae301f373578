// The transport rule for the central system's address. The device token travels in every request,
// so plain http is allowed only to a server on this computer (the demo and the tests). Any other
// host needs https.
import type { LocalizedText } from '../../../shared/domain';

/** Host names of this computer, as URL.hostname writes them. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Returns why an http(s) URL may not carry the device token, in both languages, or null when it may. */
export function insecureCentralUrlReason(url: URL): LocalizedText | null {
  if (url.protocol !== 'http:' || LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return null;

  return {
    id:
      `Alamat sistem pusat "${url.origin}" memakai http:// tanpa enkripsi, sehingga token perangkat dapat disadap. ` +
      'Pakai alamat yang diawali https://. http:// hanya boleh untuk server di komputer ini (127.0.0.1, localhost atau [::1]).',
    en:
      `The central system address "${url.origin}" uses unencrypted http://, so the device token could be intercepted. ` +
      'Use an address that starts with https://. http:// is allowed only for a server on this computer (127.0.0.1, localhost or [::1]).',
  };
}
