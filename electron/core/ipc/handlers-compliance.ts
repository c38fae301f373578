// Handlers for the compliance calls of the IPC contract (shared/ipc-compliance.ts).
import type { complianceCalls } from '../../../shared/ipc-compliance';
import type { Companion } from '../companion';
import { exportSnapshot, snapshotNotFound } from '../compliance/snapshot-export';
import { listSnapshots } from '../compliance/snapshot-history';
import type { IpcHandlers } from './handlers';

export function createComplianceHandlers(companion: Companion): Pick<IpcHandlers, keyof typeof complianceCalls> {
  return {
    listSnapshots: ({ limit, before }) => listSnapshots(companion.db, { ...(limit ? { limit } : {}), ...(before ? { before } : {}) }),
    getSnapshot: ({ id }) => {
      const snapshot = companion.snapshots.byId(id);
      if (snapshot === null) throw snapshotNotFound(id);
      return snapshot;
    },
    exportSnapshot: ({ id }) => exportSnapshot(companion, id),
  };
}
