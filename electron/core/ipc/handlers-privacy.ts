// Handlers for the privacy calls of the IPC contract (shared/ipc-privacy.ts).
import type { privacyCalls } from '../../../shared/ipc-privacy';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createPrivacyHandlers(_companion: Companion): Pick<IpcHandlers, keyof typeof privacyCalls> {
  return {};
}
