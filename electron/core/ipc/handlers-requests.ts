// Handlers for the requests calls of the IPC contract (shared/ipc-requests.ts).
import type { requestsCalls } from '../../../shared/ipc-requests';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createRequestsHandlers(_companion: Companion): Pick<IpcHandlers, keyof typeof requestsCalls> {
  return {};
}
