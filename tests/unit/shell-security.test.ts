// The shell's security settings and main window, with Electron's session, web contents and
// BrowserWindow replaced by recording objects.
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { describeOrigin, isAppUrl, resolveRendererLocation, type RendererLocation } from '../../electron/main/renderer-url';
import { ALLOWED_PERMISSIONS, applySessionPolicy, contentSecurityPolicy, httpsOriginAllowlist, limitNavigation } from '../../electron/main/security';
import { MainWindow, mainWindowOptions } from '../../electron/main/window';

const logger = createLogger(silentSink, 'security');
const devServer: RendererLocation = { kind: 'dev-server', url: 'http://127.0.0.1:5173/' };
const builtApp = resolveRendererLocation({ isPackaged: true, devServerUrl: undefined, indexHtmlPath: '/opt/asn/resources/app.asar/dist/renderer/index.html' });

function directive(policy: string, name: string): string | undefined {
  return policy.split('; ').find((part) => part.startsWith(`${name} `));
}

class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  constructor(readonly id: number) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isLoading(): boolean {
    return false;
  }

  /** Emits a navigation event; returns whether a listener prevented it. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false;
    this.emit(eventName, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('resolveRendererLocation', () => {
  it('uses the dev server only from source', () => {
    const fromSource = resolveRendererLocation({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5173', indexHtmlPath: '/p/index.html' });
    const packaged = resolveRendererLocation({ isPackaged: true, devServerUrl: 'http://127.0.0.1:5173', indexHtmlPath: '/p/index.html' });

    expect(fromSource).toEqual({ kind: 'dev-server', url: 'http://127.0.0.1:5173/' });
    expect(packaged).toEqual({ kind: 'app', url: 'app://renderer/index.html', root: '/p' });
  });

  it('matches only the app page', () => {
    expect(isAppUrl(devServer, 'http://127.0.0.1:5173/#/settings')).toBe(true);
    expect(isAppUrl(devServer, 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl(builtApp, `${builtApp.url}#/home`)).toBe(true);
    expect(isAppUrl(builtApp, 'app://renderer')).toBe(true);
    expect(isAppUrl(builtApp, 'app://other/index.html')).toBe(false);
    expect(isAppUrl(builtApp, 'file:///opt/asn/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl(builtApp, 'not a url')).toBe(false);
  });

  it('describes origins without paths', () => {
    expect(describeOrigin('app://renderer/index.html?token=x')).toBe('app://renderer');
    expect(describeOrigin('https://central.example.invalid:8443/a?b')).toBe('https://central.example.invalid:8443');
    expect(describeOrigin('file:///home/ani/secret.html')).toBe('file://');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no inline script for the built renderer', () => {
    const policy = contentSecurityPolicy(builtApp);

    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
  });

  it('allows the dev server preamble and hot reload', () => {
    const policy = contentSecurityPolicy(devServer);

    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:5173");
  });
});

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void;
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

function recordingSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; headers?: (details: unknown, callback: (response: unknown) => void) => void } = {};
  const session = {
    setPermissionRequestHandler: (handler: RequestHandler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler: CheckHandler) => (handlers.check = handler),
    webRequest: { onHeadersReceived: (listener: typeof handlers.headers) => (handlers.headers = listener) },
  };
  return { session: session as unknown as Session, handlers };
}

function requestPermission(handler: RequestHandler, permission: string, requestingUrl: string): boolean[] {
  const grants: boolean[] = [];
  handler(null, permission, (granted) => grants.push(granted), { requestingUrl });
  return grants;
}

describe('applySessionPolicy', () => {
  it('denies permissions outside the allowlist', () => {
    const { session, handlers } = recordingSession();

    applySessionPolicy(session, builtApp, logger);

    expect(requestPermission(handlers.request!, 'geolocation', 'app://renderer/index.html')).toEqual([false]);
    expect(requestPermission(handlers.request!, 'media', 'app://renderer/index.html')).toEqual([false]);
    expect(requestPermission(handlers.request!, 'notifications', 'app://renderer/index.html')).toEqual([false]);
    expect(handlers.check!(null, 'geolocation', 'app://renderer')).toBe(false);
  });

  it('grants allowlisted permissions to the app page only', () => {
    const { session, handlers } = recordingSession();

    applySessionPolicy(session, builtApp, logger);

    expect(ALLOWED_PERMISSIONS).toEqual(new Set(['clipboard-sanitized-write']));
    expect(requestPermission(handlers.request!, 'clipboard-sanitized-write', 'app://renderer/index.html#/beranda')).toEqual([true]);
    expect(requestPermission(handlers.request!, 'clipboard-sanitized-write', 'https://central.example.invalid/')).toEqual([false]);
    expect(handlers.check!(null, 'clipboard-sanitized-write', 'app://renderer')).toBe(true);
    expect(handlers.check!(null, 'clipboard-sanitized-write', 'https://central.example.invalid')).toBe(false);
  });

  it('adds the CSP header', () => {
    const { session, handlers } = recordingSession();

    applySessionPolicy(session, devServer, logger);

    const responses: unknown[] = [];
    handlers.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => responses.push(response));
    expect(responses).toEqual([
      { responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy(devServer)] } },
    ]);
  });
});

describe('limitNavigation', () => {
  it('blocks navigation away from the app', () => {
    const contents = new FakeWebContents(1);
    limitNavigation(contents as unknown as WebContents, devServer, logger);

    expect(contents.attempt('will-navigate', 'http://127.0.0.1:5173/#/home')).toBe(false);
    expect(contents.attempt('will-navigate', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.attempt('will-attach-webview', 'http://127.0.0.1:5173/')).toBe(true);
  });

  it('denies new windows', () => {
    const contents = new FakeWebContents(1);
    limitNavigation(contents as unknown as WebContents, devServer, logger);

    expect(contents.windowOpenHandler!({ url: 'http://127.0.0.1:5173/' })).toEqual({ action: 'deny' });
  });

  it('opens allowlisted https links outside', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents(1);
    const isAllowed = httpsOriginAllowlist(() => ['https://central.example.invalid']);
    limitNavigation(contents as unknown as WebContents, builtApp, logger, { isAllowed, open: (url) => opened.push(url) });

    expect(contents.windowOpenHandler!({ url: 'https://central.example.invalid/bantuan' })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-navigate', 'https://central.example.invalid/panduan')).toBe(true);
    expect(opened).toEqual(['https://central.example.invalid/bantuan', 'https://central.example.invalid/panduan']);
  });

  it('keeps other links closed', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents(1);
    const isAllowed = httpsOriginAllowlist(() => ['https://central.example.invalid']);
    limitNavigation(contents as unknown as WebContents, builtApp, logger, { isAllowed, open: (url) => opened.push(url) });

    contents.windowOpenHandler!({ url: 'http://central.example.invalid/' });
    contents.windowOpenHandler!({ url: 'https://central.example.invalid:8443/' });
    contents.windowOpenHandler!({ url: 'https://user@central.example.invalid/' });
    contents.windowOpenHandler!({ url: 'https://elsewhere.example.invalid/' });
    contents.windowOpenHandler!({ url: 'file:///etc/passwd' });
    contents.attempt('will-redirect', 'https://central.example.invalid/');

    expect(opened).toEqual([]);
  });
});

class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly calls: string[] = [];
  destroyed = false;
  loadedUrl: string | null = null;
  loadError: Error | null = null;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    id: number,
  ) {
    super();
    this.webContents = new FakeWebContents(id);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return this.loadError ? Promise.reject(this.loadError) : Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {}

  show(): void {
    this.calls.push('show');
  }

  focus(): void {
    this.calls.push('focus');
  }

  hide(): void {
    this.calls.push('hide');
  }

  /** Emits close; returns whether a listener prevented it. */
  attemptClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function windowHarness(hideOnClose: { value: boolean }, loadError: Error | null = null) {
  const created: FakeBrowserWindow[] = [];
  const mainWindow = new MainWindow({
    createBrowserWindow: (options) => {
      const window = new FakeBrowserWindow(options, created.length + 1);
      window.loadError = loadError;
      created.push(window);
      return window as unknown as BrowserWindow;
    },
    location: devServer,
    preloadPath: '/p/dist-electron/preload.cjs',
    shouldHideOnClose: () => hideOnClose.value,
    allowDevTools: false,
    logger,
  });
  return { mainWindow, created };
}

describe('MainWindow', () => {
  it('locks down the renderer', () => {
    const preferences = mainWindowOptions('/p/dist-electron/preload.cjs', false).webPreferences;

    expect(preferences).toMatchObject({
      preload: '/p/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('creates one window and loads the app', () => {
    const { mainWindow, created } = windowHarness({ value: true });

    mainWindow.show();
    mainWindow.show();

    expect(created).toHaveLength(1);
    expect(created[0]?.loadedUrl).toBe('http://127.0.0.1:5173/');
    expect(created[0]?.calls).toEqual(['show', 'focus', 'show', 'focus']);
  });

  it('hides instead of closing while the tray exists', () => {
    const hideOnClose = { value: true };
    const { mainWindow, created } = windowHarness(hideOnClose);
    mainWindow.show();
    const window = created[0]!;

    expect(window.attemptClose()).toBe(true);
    expect(window.calls.at(-1)).toBe('hide');

    hideOnClose.value = false;
    expect(window.attemptClose()).toBe(false);
  });

  it('owns only its own web contents', () => {
    const { mainWindow, created } = windowHarness({ value: true });
    mainWindow.show();

    expect(mainWindow.owns(created[0]!.webContents as unknown as WebContents)).toBe(true);
    expect(mainWindow.owns(new FakeWebContents(99) as unknown as WebContents)).toBe(false);

    created[0]!.emit('closed');
    expect(mainWindow.windows()).toEqual([]);
  });

  it('shows the window after a failed load', async () => {
    const { mainWindow, created } = windowHarness({ value: true }, new Error('ERR_CONNECTION_REFUSED (-102) loading http://127.0.0.1:5173/'));

    mainWindow.show();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(created[0]?.calls).toEqual(['show', 'focus', 'show']);
  });

  it('blocks navigation in the window', () => {
    const { mainWindow, created } = windowHarness({ value: true });
    mainWindow.show();

    expect(created[0]!.webContents.attempt('will-navigate', 'http://127.0.0.1:8080/')).toBe(true);
  });
});
