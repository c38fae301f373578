// Handlers for the privacy calls of the IPC contract (shared/ipc-privacy.ts).
import type { privacyCalls } from '../../../shared/ipc-privacy';
import type { Companion } from '../companion';
import { PrivacyService } from '../privacy';
import type { IpcHandlers } from './handlers';

export function createPrivacyHandlers(companion: Companion): Pick<IpcHandlers, keyof typeof privacyCalls> {
  const privacy = new PrivacyService(companion.db, companion.options.now);
  return {
    getPrivacy: () => privacy.state(),
    acknowledgePrivacyNotice: () => privacy.acknowledgeNotice(),
    setLocationConsent: ({ enabled }) => privacy.setLocationConsent(enabled),
    getSentData: () => privacy.sentData(),
  };
}
