// window.companion is exposed by the Electron preload (contextBridge); it is absent in a plain browser.
import type { CompanionApi } from '../shared/ipc';

declare global {
  interface Window {
    companion?: CompanionApi;
  }
}

export {};
