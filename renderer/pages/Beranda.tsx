// The home page (Beranda): attendance, working hours, the last workstation check, delivery to the
// central system and enrollment, all read from the core and changed only through its calls.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlushResult, Language, Verdict, WorkMode } from '../../shared/domain';
import type { CompanionApi, IpcError } from '../../shared/ipc';
import { AlertRegion } from '../components/AlertRegion';
import { AppHeader } from '../components/AppHeader';
import { AttendancePanel, type AttendanceOutcome } from '../components/AttendancePanel';
import { CompliancePanel } from '../components/CompliancePanel';
import { EnrollmentPanel } from '../components/EnrollmentPanel';
import { OutboxPanel } from '../components/OutboxPanel';
import { SecureStorageBanner } from '../components/SecureStorageBanner';
import { WorkTimePanel } from '../components/WorkTimePanel';
import { useCompanionStatus } from '../hooks/use-companion-status';
import { useCoreAction } from '../hooks/use-core-action';

export function Beranda({ api, onLanguage }: { api: CompanionApi; onLanguage: (language: Language) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<IpcError | null>(null);
  const [attendanceOutcome, setAttendanceOutcome] = useState<AttendanceOutcome | null>(null);
  const [finishedCheck, setFinishedCheck] = useState<Verdict | null>(null);
  const [flushResult, setFlushResult] = useState<FlushResult | null>(null);

  const reportError = useCallback((next: IpcError) => setError(next), []);
  const { status, refresh } = useCompanionStatus(api, reportError);
  const { pending, perform } = useCoreAction(setError);

  useEffect(() => {
    void api.getLanguage({}).then((result) => {
      if (result.ok) onLanguage(result.value.language);
      else setError(result.error);
    });
  }, [api, onLanguage]);

  const checkIn = async (mode: WorkMode) => {
    const attendance = await perform('checkIn', () => api.checkIn({ mode }));
    if (attendance?.session) setAttendanceOutcome({ kind: 'checkedIn', mode, startedAt: attendance.session.startedAt });
    await refresh();
  };

  const checkOut = async () => {
    const attendance = await perform('checkOut', () => api.checkOut({}));
    if (attendance) setAttendanceOutcome({ kind: 'checkedOut', todayMinutes: attendance.todayMinutes });
    await refresh();
  };

  const runCheck = async () => {
    setFinishedCheck(null);
    const snapshot = await perform('runCheck', () => api.runCheck({}));
    if (snapshot) setFinishedCheck(snapshot.overall);
    await refresh();
  };

  const flush = async () => {
    setFlushResult(null);
    const result = await perform('flushOutbox', () => api.flushOutbox({}));
    if (result) setFlushResult(result);
    await refresh();
  };

  const changeLanguage = async (language: Language) => {
    const result = await perform('setLanguage', () => api.setLanguage({ language }));
    if (result) onLanguage(result.language);
  };

  return (
    <div className="page">
      <AppHeader status={status} isChangingLanguage={pending.has('setLanguage')} onLanguageChange={(language) => void changeLanguage(language)} />
      <AlertRegion error={error} onDismiss={() => setError(null)} />

      <main className="content">
        {status === null ? (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        ) : (
          <>
            <SecureStorageBanner secureStorage={status.secureStorage} />
            <div className="grid">
              <AttendancePanel
                attendance={status.attendance}
                isPending={pending.has('checkIn') || pending.has('checkOut')}
                outcome={attendanceOutcome}
                onCheckIn={(mode) => void checkIn(mode)}
                onCheckOut={() => void checkOut()}
              />
              <WorkTimePanel attendance={status.attendance} />
              <CompliancePanel
                snapshot={status.lastSnapshot}
                zone={status.attendance.zone}
                isRunning={pending.has('runCheck')}
                finished={finishedCheck}
                onRun={() => void runCheck()}
              />
              <OutboxPanel
                counts={status.outbox}
                isFlushing={pending.has('flushOutbox')}
                result={flushResult}
                onFlush={() => void flush()}
              />
              <EnrollmentPanel enrollment={status.enrollment} zone={status.attendance.zone} />
            </div>
          </>
        )}
      </main>
    </div>
  );
}
