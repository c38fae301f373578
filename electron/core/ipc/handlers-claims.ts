// Handlers for the claims calls of the IPC contract (shared/ipc-claims.ts).
import type { claimsCalls } from '../../../shared/ipc-claims';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createClaimsHandlers(companion: Companion): Pick<IpcHandlers, keyof typeof claimsCalls> {
  return {
    getClaims: () => companion.claims.view(),
    saveClaimDraft: (input) => companion.claims.saveDraft(input),
    deleteClaimDraft: ({ id }) => {
      companion.claims.deleteDraft(id);
      return { deleted: true };
    },
    attachReceipt: ({ claimId, fileName, contentBase64 }) =>
      companion.claims.attachReceipt(claimId, fileName, Buffer.from(contentBase64, 'base64')),
    removeReceipt: ({ claimId, sha256 }) => companion.claims.removeReceipt(claimId, sha256),
    submitClaim: ({ id }) => companion.claims.submit(id),
    refreshClaims: async () => {
      await companion.claims.refreshStatuses();
      return companion.claims.view();
    },
    getTraining: () => companion.training.view(),
    refreshTraining: async () => {
      await companion.training.refresh();
      return companion.training.view();
    },
  };
}
