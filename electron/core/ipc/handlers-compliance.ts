// Handlers for the compliance calls of the IPC contract (shared/ipc-compliance.ts).
import type { complianceCalls } from '../../../shared/ipc-compliance';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createComplianceHandlers(_companion: Companion): Pick<IpcHandlers, keyof typeof complianceCalls> {
  return {};
}
