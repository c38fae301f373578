// Security settings of the shell in one place: the Content Security Policy, the permission handlers
// and the limits on navigation and new windows. The page only ever shows the app's own renderer.
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
    "img-src 'self' data:",
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
 * Denies every permission request (camera, geolocation, notifications from the page and the rest)
 * and adds the CSP header to every response. Notifications come from the main process, which needs
 * no permission.
 */
export function applySessionPolicy(session: Session, location: RendererLocation, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);

  const policy = contentSecurityPolicy(location);
  // NOTE: file:// pages are not loaded over HTTP, so this header may not reach the built renderer.
  // The custom app:// protocol (see renderer-url.ts) will make it apply there.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

/** Keeps the window on the app's page: foreign navigation, redirects, webviews and pop-ups are blocked. */
export function limitNavigation(contents: WebContents, location: RendererLocation, logger: Logger): void {
  const blockForeign = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(location, url)) return;
    event.preventDefault();
    logger.warn('Navigation blocked', { kind, target: describeOrigin(url) });
  };
  contents.on('will-navigate', blockForeign('navigate'));
  contents.on('will-redirect', blockForeign('redirect'));

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('Webview blocked');
  });

  // NOTE: links to outside pages (for example a help page) are blocked as well. An allowlist that
  // opens them in the system browser is still to come.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('New window blocked', { target: describeOrigin(url) });
    return { action: 'deny' };
  });
}
