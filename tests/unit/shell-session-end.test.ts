// The end of a Windows session (log-off, shutdown) closes the open work session, through a hidden
// window because Windows sends the event to windows only.
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createLogger, silentSink } from '../../electron/core/logger';
import { watchSessionEnd } from '../../electron/main/session-end';

class FakeWindow extends EventEmitter {
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }

  destroy(): void {
    this.destroyed = true;
  }
}

function watch(platform: NodeJS.Platform) {
  const windows: FakeWindow[] = [];
  let shutdowns = 0;
  const stop = watchSessionEnd({
    platform,
    createBrowserWindow: (options) => {
      const window = new FakeWindow(options);
      windows.push(window);
      return window as unknown as Electron.BrowserWindow;
    },
    onSessionEnd: () => shutdowns++,
    logger: createLogger(silentSink, 'power'),
  });
  return { windows, stop, shutdowns: () => shutdowns };
}

describe('watchSessionEnd', () => {
  it('closes the session when Windows ends it', () => {
    const { windows, shutdowns } = watch('win32');

    windows[0]!.emit('session-end');

    expect(shutdowns()).toBe(1);
  });

  it('keeps the listening window hidden and scriptless', () => {
    const { windows } = watch('win32');

    expect(windows[0]!.options.show).toBe(false);
    expect(windows[0]!.options.webPreferences?.javascript).toBe(false);
    expect(windows[0]!.options.webPreferences?.sandbox).toBe(true);
  });

  it('destroys the window on stop', () => {
    const { windows, stop } = watch('win32');

    stop();

    expect(windows[0]!.destroyed).toBe(true);
  });

  it('creates no window on Linux', () => {
    const { windows } = watch('linux');

    expect(windows).toHaveLength(0);
  });
});
