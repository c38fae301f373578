// Security settings of the shell in one place: the Content Security Policy, the permission handlers,
// the limits on navigation and new windows, and the allowlist of links opened in the system browser.
// The window only ever shows the app's own renderer.
import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/logger';
import { describeOrigin, isAppUrl, type RendererLocation } from './renderer-url';

/**
 * Builds the CSP for the app's page. The dev server needs inline scripts (React Fast Refresh injects
 * a preamble) and its WebSocket for hot reload. The built renderer needs neither.
 */
export function contentSecurityPolicy(location: RendererLocation): string {
  const common = [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];

  if (location.kind === 'dev-server') {
    const host = new URL(location.url).host;
    return [...common, "script-src 'self' 'unsafe-inline'", `connect-src 'self' ws://${host}`].join('; ');
  }
  return [...common, "script-src 'self'", "connect-src 'self'"].join('; ');
}

/**
 * Permissions the app's own page may use: writing to the clipboard (copying a device id or an
 * export). Geolocation, camera, microphone, notifications from the page and the rest are denied;
 * the main process shows notifications itself, which needs no permission.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Grants only allowlisted permissions, and only to the app's own page. Adds the CSP header to every
 * HTTP response, which covers the dev server; app:// responses get it from the protocol handler.
 */
export function applySessionPolicy(
  session: Session,
  location: RendererLocation,
  logger: Logger,
  allowed: ReadonlySet<string> = ALLOWED_PERMISSIONS,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const requestingUrl = details?.requestingUrl ?? contents?.getURL() ?? '';
    const granted = allowed.has(permission) && isAppUrl(location, requestingUrl);
    if (!granted) logger.warn('Permission request denied', { permission, origin: describeOrigin(requestingUrl) });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed.has(permission) && isAppUrl(location, requestingOrigin));

  const policy = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

/** Links the window may hand to the system browser. */
export interface ExternalLinks {
  /** Tells whether a URL may be opened outside the app. */
  isAllowed(url: string): boolean;
  /** shell.openExternal in the app. */
  open(url: string): void;
}

/**
 * Builds the allowlist check: https only, on exactly one of the given origins (scheme, host and
 * port). The origins are read on every call, so an enrollment made later counts.
 */
export function httpsOriginAllowlist(origins: () => readonly string[]): (url: string) => boolean {
  return (candidate) => {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return false;
    }
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
    return origins().includes(url.origin);
  };
}

/**
 * Keeps the window on the app's page: foreign navigation, redirects, webviews and pop-ups are
 * blocked. A blocked link to an allowlisted https page opens in the system browser instead.
 */
export function limitNavigation(contents: WebContents, location: RendererLocation, logger: Logger, external?: ExternalLinks): void {
  const openOutside = (url: string): boolean => {
    if (!external?.isAllowed(url)) return false;
    external.open(url);
    logger.info('Link opened in the system browser', { target: describeOrigin(url) });
    return true;
  };

  const blockForeign = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(location, url)) return;
    event.preventDefault();
    if (kind === 'navigate' && openOutside(url)) return;
    logger.warn('Navigation blocked', { kind, target: describeOrigin(url) });
  };
  contents.on('will-navigate', blockForeign('navigate'));
  contents.on('will-redirect', blockForeign('redirect'));

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Webview blocked');
  });

  contents.setWindowOpenHandler(({ url }) => {
    if (!openOutside(url)) logger.warn('New window blocked', { target: describeOrigin(url) });
    return { action: 'deny' };
  });
}
