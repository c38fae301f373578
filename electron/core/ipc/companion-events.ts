// The contract's push events (shared/ipc.ts ipcEvents) from one companion, for a transport that
// forwards them to a page: the loopback WebSocket bridge of the browser tests.
import type { BridgeEvent } from '../../../shared/bridge-protocol';
import type { Companion } from '../companion';

/**
 * Forwards status changes, request summary changes and request alerts to `publish`; returns a
 * function that removes every listener. Listening for alerts counts as showing them, so the
 * requests service records each alert as raised once it reaches `publish`.
 */
export function subscribeToCompanionEvents(companion: Companion, publish: (event: BridgeEvent) => void): () => void {
  const unsubscribers = [
    companion.onStatusChanged((status) => publish({ event: 'statusChanged', payload: status })),
    companion.requests.onChanged((summary) => publish({ event: 'requestsChanged', payload: summary })),
    companion.requests.onAlert((alert) => publish({ event: 'requestAlert', payload: alert })),
  ];
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
