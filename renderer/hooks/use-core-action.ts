// Runs one call to the core and tracks it as pending until the core replies. The page shows an
// action's outcome only from that reply, because the core commits before it replies.
import { useCallback, useState } from 'react';
import type { IpcError, IpcResult } from '../../shared/ipc';

export type ActionName = 'checkIn' | 'checkOut' | 'runCheck' | 'runSingleCheck' | 'declareAttestation' | 'flushOutbox' | 'setLanguage' | 'retryDead' | 'exportDead' | 'dismissStorageNotice' | 'exportSnapshot';

export function useCoreAction(onError: (error: IpcError | null) => void) {
  const [pending, setPending] = useState<ReadonlySet<ActionName>>(new Set());

  const mark = useCallback((name: ActionName, busy: boolean) => {
    setPending((current) => {
      const next = new Set(current);
      if (busy) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);

  /** Resolves with the value on success, or null after reporting the error. */
  const perform = useCallback(
    async <T>(name: ActionName, request: () => Promise<IpcResult<T>>): Promise<T | null> => {
      mark(name, true);
      onError(null);
      try {
        const result = await request();
        if (result.ok) return result.value;
        onError(result.error);
        return null;
      } catch (error) {
        // By contract calls never reject, but a broken preload still must not leave the button stuck.
        onError({ code: 'failed', message: error instanceof Error ? error.message : String(error) });
        return null;
      } finally {
        mark(name, false);
      }
    },
    [mark, onError],
  );

  return { pending, perform };
}
