// The request named in the address: a notification or tray click opens #/permintaan/ID.

/** Returns the request id in the address, e.g. 'req-1' for #/permintaan/req-1, or null without one. */
export function requestIdFromHash(hash: string): string | null {
  const match = /^#\/?permintaan\/(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}
