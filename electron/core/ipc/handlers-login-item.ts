// The core's handlers for the login-item calls (shared/ipc-login-item.ts). Outside the installed
// desktop app there is no login item to set, so the state is reported as unavailable and a change fails.
import type { loginItemCalls } from '../../../shared/ipc-login-item';
import { CompanionError } from '../errors';
import type { IpcHandlers } from './handlers';

export function createLoginItemHandlers(): Pick<IpcHandlers, keyof typeof loginItemCalls> {
  return {
    getOpenAtLogin: () => ({ available: false, enabled: false }),
    setOpenAtLogin: () => {
      throw new CompanionError('needs_desktop_app', {
        id: 'Membuka aplikasi saat login hanya dapat diatur di aplikasi desktop yang terpasang.',
        en: 'Starting at login can only be set in the installed desktop app.',
      });
    },
  };
}
