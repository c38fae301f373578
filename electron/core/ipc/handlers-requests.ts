// Handlers for the requests calls of the IPC contract (shared/ipc-requests.ts).
import type { requestsCalls } from '../../../shared/ipc-requests';
import type { Companion } from '../companion';
import type { IpcHandlers } from './handlers';

export function createRequestsHandlers(companion: Companion): Pick<IpcHandlers, keyof typeof requestsCalls> {
  return {
    listRequests: ({ states }) => companion.requests.list(states),
    getRequest: ({ id }) => companion.requests.get(id),
    acknowledgeRequest: ({ id }) => companion.requests.acknowledge(id),
    respondToRequest: ({ id, text }) => companion.requests.respond(id, text),
    pollRequests: async () => {
      await companion.requests.pollNow('user');
      return companion.requests.list();
    },
  };
}
