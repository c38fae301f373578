// Handlers for the claims calls of the IPC contract (shared/ipc-claims.ts).
import type { claimsCalls } from '../../../shared/ipc-claims';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createClaimsHandlers(_companion: Companion): Pick<IpcHandlers, keyof typeof claimsCalls> {
  return {};
}
