// Windows has no powerMonitor 'shutdown' event (Electron emits it on Linux and macOS only). There a
// log-off or shutdown arrives as a BrowserWindow 'session-end' event, and only to windows that
// exist. The main window is created on demand, so a hidden, empty window receives it instead, and
// the open session is closed at the event's own time before Windows ends the process.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../core/logger';

/** The part of a BrowserWindow this module uses; tests pass an EventEmitter with destroy(). */
export type SessionEndWindow = Pick<BrowserWindow, 'on' | 'destroy'>;

export interface SessionEndOptions {
  platform: NodeJS.Platform;
  createBrowserWindow: (options: BrowserWindowConstructorOptions) => SessionEndWindow;
  /** Closes the open work session; the same step as the powerMonitor 'shutdown' handler. */
  onSessionEnd: () => void;
  logger: Logger;
}

/** Options of the listening window: never shown, no page, no script, no preload. */
export const sessionEndWindowOptions: BrowserWindowConstructorOptions = {
  show: false,
  width: 1,
  height: 1,
  skipTaskbar: true,
  focusable: false,
  webPreferences: {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    javascript: false,
  },
};

/** Listens for the end of the Windows session; returns a function that stops listening. Elsewhere it does nothing. */
export function watchSessionEnd(options: SessionEndOptions): () => void {
  if (options.platform !== 'win32') return () => {};

  const window = options.createBrowserWindow(sessionEndWindowOptions);
  window.on('session-end', () => {
    try {
      options.onSessionEnd();
      options.logger.info('Closed the work session because Windows is ending the session');
    } catch (error) {
      options.logger.error('Closing the work session at the end of the Windows session failed', { error: (error as Error).message });
    }
  });
  return () => window.destroy();
}
