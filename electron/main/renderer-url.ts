// The renderer's location, and the test for URLs that belong to the app. The IPC sender check, the
// navigation limits and the permission handler all rely on isAppUrl, so they agree on what "our
// page" means.
import { dirname } from 'node:path';

/** The custom scheme that serves the built renderer (see app-protocol.ts). */
export const APP_SCHEME = 'app';
/** The one host of the scheme; other hosts are not served. */
export const APP_HOST = 'renderer';

/**
 * The renderer as served by the Vite dev server, or as the built files under `root` served through
 * app://renderer/. A custom standard scheme gives the page a real origin (all file:// pages share the
 * origin "null") and lets the protocol handler attach the CSP header to every response.
 */
export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'app'; url: string; root: string };

/**
 * Picks the renderer's location. The dev server URL is honoured only in unpackaged runs, so an
 * installed app never loads a page named by an environment variable.
 */
export function resolveRendererLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  indexHtmlPath: string;
}): RendererLocation {
  if (!options.isPackaged && options.devServerUrl) {
    const parsed = new URL(options.devServerUrl);
    return { kind: 'dev-server', url: parsed.href };
  }
  return { kind: 'app', url: `${APP_SCHEME}://${APP_HOST}/index.html`, root: dirname(options.indexHtmlPath) };
}

function parseUrl(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * Tells whether a URL (or an origin) belongs to the app: the dev server's origin, or any path on
 * app://renderer, which serves nothing but the built renderer.
 */
export function isAppUrl(location: RendererLocation, candidate: string): boolean {
  const url = parseUrl(candidate);
  if (url === null) return false;

  if (location.kind === 'dev-server') {
    return url.origin === new URL(location.url).origin;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Origin for log lines; never the full URL, which may carry a query. */
export function describeOrigin(candidate: string): string {
  const url = parseUrl(candidate);
  if (url === null) return '(invalid URL)';
  if (url.protocol === 'file:') return 'file://';
  // Node gives non-special schemes such as app: the origin "null", so the host is named instead.
  return url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin;
}
