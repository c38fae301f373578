// The app:// protocol handler, fed real Request objects and serving a temporary renderer folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomScheme } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../electron/core/logger';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppScheme } from '../../electron/main/app-protocol';
import { contentSecurityPolicy } from '../../electron/main/security';
import { resolveRendererLocation } from '../../electron/main/renderer-url';

let parent: string;
let root: string;
const lines: Array<Record<string, unknown>> = [];
const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }, 'app-protocol');
let handle: (request: Request) => Promise<Response>;
const location = resolveRendererLocation({ isPackaged: true, devServerUrl: undefined, indexHtmlPath: '/opt/asn/dist/renderer/index.html' });

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Pendamping Kerja ASN</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'logo kecil.svg'), '<svg/>');
  writeFileSync(join(parent, 'secret.txt'), 'outside the renderer');
  handle = createAppProtocolHandler({ root, csp: contentSecurityPolicy(location), logger });
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('app:// handler', () => {
  it('serves index.html with the CSP', async () => {
    const response = await handle(new Request('app://renderer/index.html'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Pendamping Kerja ASN</title>');
  });

  it('serves the root as index.html', async () => {
    const response = await handle(new Request('app://renderer/'));

    expect(await response.text()).toContain('<!doctype html>');
  });

  it('serves assets by type', async () => {
    const script = await handle(new Request('app://renderer/assets/index-abc.js'));
    const image = await handle(new Request('app://renderer/assets/logo%20kecil.svg'));

    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(await image.text()).toBe('<svg/>');
  });

  it('answers HEAD without a body', async () => {
    const response = await handle(new Request('app://renderer/index.html', { method: 'HEAD' }));

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('rejects paths outside the folder', async () => {
    const encoded = await handle(new Request('app://renderer/%2e%2e/secret.txt'));
    const slashes = await handle(new Request('app://renderer/assets/..%2f..%2fsecret.txt'));

    expect(encoded.status).toBe(404);
    expect(slashes.status).toBe(404);
    expect(await slashes.text()).not.toContain('outside the renderer');
    expect(lines.some((line) => line.message === 'app:// request outside the renderer folder rejected')).toBe(true);
  });

  it('returns 404 for a missing file', async () => {
    expect((await handle(new Request('app://renderer/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://renderer/assets'))).status).toBe(404);
  });

  it('serves no other host', async () => {
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('rejects writes', async () => {
    expect((await handle(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('registerAppScheme', () => {
  it('registers app as standard and secure', () => {
    const registered: CustomScheme[][] = [];

    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(schemes) });

    expect(registered).toEqual([[APP_SCHEME_PRIVILEGES]]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });
});
