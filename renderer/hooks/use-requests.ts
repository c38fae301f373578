// The device's urgent requests as the pages show them: read on mount, read again on every
// requestsChanged event from the core and after every action, and replaced by pollRequests.
import { useCallback, useEffect, useState } from 'react';
import type { CompanionApi, IpcError } from '../../shared/ipc';
import type { RequestsList, UrgentRequestView } from '../../shared/requests';

/** Pending actions, keyed `${action}:${requestId}` or 'poll'. */
export type RequestActionKey = `acknowledge:${string}` | `respond:${string}` | 'poll';

export function useRequests(api: CompanionApi, reportError: (error: IpcError | null) => void) {
  const [list, setList] = useState<RequestsList | null>(null);
  const [pending, setPending] = useState<ReadonlySet<RequestActionKey>>(new Set());

  const reload = useCallback(async () => {
    const result = await api.listRequests({});
    if (result.ok) setList(result.value);
    else reportError(result.error);
  }, [api, reportError]);

  useEffect(() => {
    const unsubscribe = api.on('requestsChanged', () => void reload());
    void reload();
    return unsubscribe;
  }, [api, reload]);

  const mark = useCallback((key: RequestActionKey, busy: boolean) => {
    setPending((current) => {
      const next = new Set(current);
      if (busy) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  /** Runs one call; the list is read again afterwards, since the core committed before it replied. */
  const run = useCallback(
    async <T>(key: RequestActionKey, call: () => Promise<{ ok: true; value: T } | { ok: false; error: IpcError }>): Promise<T | null> => {
      mark(key, true);
      reportError(null);
      try {
        const result = await call();
        if (!result.ok) {
          reportError(result.error);
          return null;
        }
        return result.value;
      } finally {
        mark(key, false);
        await reload();
      }
    },
    [mark, reload, reportError],
  );

  const acknowledge = useCallback((id: string) => run(`acknowledge:${id}`, () => api.acknowledgeRequest({ id })), [api, run]);

  const respond = useCallback(
    (id: string, text: string): Promise<UrgentRequestView | null> => run(`respond:${id}`, () => api.respondToRequest({ id, text })),
    [api, run],
  );

  const poll = useCallback(() => run('poll', () => api.pollRequests({})), [api, run]);

  return { list, pending, acknowledge, respond, poll, reload };
}
