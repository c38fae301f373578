// The app:// scheme that serves the built renderer from disk (or from app.asar). Registered as
// standard and secure before the app is ready, it gives the page its own origin, fetch and the code
// cache. The handler serves only files under the renderer folder, each with the CSP.
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import type { Logger } from '../core/logger';
import { APP_HOST, APP_SCHEME } from './renderer-url';

/** The scheme's privileges; protocol.registerSchemesAsPrivileged takes them before `ready` only. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Registers app:// as privileged. Electron accepts this only before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Maps a request's path to a file under root, or returns null when it would leave root. */
function fileUnder(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;

  const file = resolve(root, '.' + (decoded === '/' ? '/index.html' : decoded));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Builds the handler of app:// requests: GET and HEAD of files under root, with the CSP on each. */
export function createAppProtocolHandler(options: { root: string; csp: string; logger: Logger }): (request: Request) => Promise<Response> {
  const root = resolve(options.root);

  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plainResponse(404, `Unknown host ${url.host}`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, `Method ${request.method} not allowed`);

    const file = fileUnder(root, url.pathname);
    if (file === null) {
      options.logger.warn('app:// request outside the renderer folder rejected', { path: url.pathname.slice(0, 200) });
      return plainResponse(404, 'Not found');
    }

    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR') options.logger.error('Reading a renderer file failed', { file: relative(root, file), error: (error as Error).message });
      return plainResponse(404, 'Not found');
    }

    const headers = {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': options.csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves the renderer folder on app://renderer/ in the given session's protocol. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, options: { root: string; csp: string; logger: Logger }): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
