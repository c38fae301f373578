// The companion's status as the page shows it: read once on mount, replaced by every statusChanged
// event, and re-read each minute while checked in so the worked time keeps counting.
import { useCallback, useEffect, useState } from 'react';
import type { CompanionStatus } from '../../shared/domain';
import type { CompanionApi, IpcError } from '../../shared/ipc';

const CHECKED_IN_REFRESH_MS = 60_000;

export function useCompanionStatus(api: CompanionApi, onError: (error: IpcError) => void) {
  const [status, setStatus] = useState<CompanionStatus | null>(null);

  const refresh = useCallback(async () => {
    const result = await api.getStatus({});
    if (result.ok) setStatus(result.value);
    else onError(result.error);
  }, [api, onError]);

  useEffect(() => {
    const unsubscribe = api.on('statusChanged', setStatus);
    void refresh();
    return unsubscribe;
  }, [api, refresh]);

  const checkedIn = status?.attendance.checkedIn ?? false;
  useEffect(() => {
    if (!checkedIn) return undefined;
    const timer = window.setInterval(() => void refresh(), CHECKED_IN_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [checkedIn, refresh]);

  return { status, refresh };
}
