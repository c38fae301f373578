// The main window: created on demand, locked down (isolated, sandboxed, no Node), and hidden instead
// of closed while the tray keeps the app reachable.
import type { BrowserWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { PRODUCT_NAME } from '../core/data-dir';
import type { Logger } from '../core/logger';
import type { RendererLocation } from './renderer-url';
import { limitNavigation, type ExternalLinks } from './security';

export interface MainWindowOptions {
  /** new BrowserWindow(options) in the app. */
  createBrowserWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  location: RendererLocation;
  /** Absolute path of dist-electron/preload.cjs. */
  preloadPath: string;
  /** True while a tray icon exists and the app is not quitting. */
  shouldHideOnClose: () => boolean;
  allowDevTools: boolean;
  /** Allowlisted links that open in the system browser; without it every outside link is blocked. */
  externalLinks?: ExternalLinks;
  logger: Logger;
}

export function mainWindowOptions(preloadPath: string, allowDevTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1100,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      // A middle click on a link would otherwise ask for a new window; the window-open handler denies
      // it anyway, and this removes the event altogether.
      disableBlinkFeatures: 'Auxclick',
      devTools: allowDevTools,
    },
  };
}

/** Returns the renderer's URL with a hash route: withRoute('file:///app/index.html', '#/permintaan') ends in '#/permintaan'. */
export function withRoute(rendererUrl: string, route: string): string {
  const url = new URL(rendererUrl);
  url.hash = route;
  return url.href;
}

export class MainWindow {
  private window: BrowserWindow | null = null;

  constructor(private readonly options: MainWindowOptions) {}

  /** Returns the open window in a list, or an empty list after the window was closed (not hidden). */
  windows(): BrowserWindow[] {
    return this.window === null || this.window.isDestroyed() ? [] : [this.window];
  }

  /** Tells whether a web contents belongs to our window; the IPC sender check relies on it. */
  owns(contents: WebContents): boolean {
    return this.windows().some((window) => window.webContents.id === contents.id);
  }

  /**
   * Creates the window if needed, then brings it to the front. With a route (a hash such as
   * '#/permintaan/ID') the renderer moves to that page; a loaded page changes only its fragment.
   */
  show(route?: string): void {
    const existing = this.window !== null && !this.window.isDestroyed() ? this.window : null;
    const window = existing ?? this.create(route);
    if (existing !== null && route !== undefined) this.navigate(existing, route);
    if (window.isMinimized()) window.restore();
    if (window.webContents.isLoading()) {
      window.once('ready-to-show', () => {
        window.show();
        window.focus();
      });
      return;
    }
    window.show();
    window.focus();
  }

  /** Flashes the taskbar entry of an open window to draw attention without taking focus. */
  flash(): void {
    const [window] = this.windows();
    if (window !== undefined && !window.isFocused()) window.flashFrame(true);
  }

  private navigate(window: BrowserWindow, route: string): void {
    window.loadURL(withRoute(this.options.location.url, route)).catch((error: unknown) => {
      this.options.logger.error('Opening a page of the renderer failed', { route, error: (error as Error).message });
    });
  }

  private create(route?: string): BrowserWindow {
    const { logger, location } = this.options;
    const window = this.options.createBrowserWindow(mainWindowOptions(this.options.preloadPath, this.options.allowDevTools));
    this.window = window;

    limitNavigation(window.webContents, location, logger, this.options.externalLinks);

    window.on('close', (event) => {
      if (!this.options.shouldHideOnClose()) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      logger.error('Renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    });

    window.loadURL(route === undefined ? location.url : withRoute(location.url, route)).catch((error: unknown) => {
      logger.error('Loading the renderer failed', { kind: location.kind, error: (error as Error).message });
      // ready-to-show may not fire after a failed load, so the window is shown here to keep the app visible.
      if (!window.isDestroyed()) window.show();
    });
    return window;
  }
}
