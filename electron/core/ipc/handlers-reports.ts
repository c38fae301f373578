// Handlers for the reports calls of the IPC contract (shared/ipc-reports.ts).
import type { reportsCalls } from '../../../shared/ipc-reports';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createReportsHandlers(_companion: Companion): Pick<IpcHandlers, keyof typeof reportsCalls> {
  return {};
}
