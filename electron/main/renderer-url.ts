// The renderer's location, and the test for URLs that belong to the app. The IPC sender check and
// the navigation limits both rely on isAppUrl, so they agree on what "our page" means.
import { pathToFileURL } from 'node:url';

/** The renderer as served by the Vite dev server, or as the built index.html on disk. */
export type RendererLocation = { kind: 'dev-server'; url: string } | { kind: 'file'; url: string };

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

  // TODO: serve the built renderer through a custom app:// protocol. All file:// pages share the
  // origin "null", which is why isAppUrl compares the file path instead.
  return { kind: 'file', url: pathToFileURL(options.indexHtmlPath).href };
}

function parseUrl(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/**
 * Tells whether a URL belongs to the app: the dev server's origin, or exactly the built index.html
 * (any query or fragment, since the renderer routes with the fragment).
 */
export function isAppUrl(location: RendererLocation, candidate: string): boolean {
  const url = parseUrl(candidate);
  if (url === null) return false;

  const own = new URL(location.url);
  if (location.kind === 'dev-server') {
    return url.origin === own.origin;
  }
  return url.protocol === 'file:' && url.host === own.host && url.pathname === own.pathname;
}

/** Origin for log lines; never the full URL, which may carry a query. */
export function describeOrigin(candidate: string): string {
  const url = parseUrl(candidate);
  if (url === null) return '(invalid URL)';
  return url.protocol === 'file:' ? 'file://' : url.origin;
}
