// The home page (Beranda): attendance, working hours, the last workstation check, delivery to the
// central system and enrollment, all read from the core and changed only through its calls.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attestation, AttestationKind, CheckName, FlushResult, Verdict, WorkMode } from '../../shared/domain';
import { AttendancePanel, type AttendanceOutcome } from '../components/AttendancePanel';
import { CompliancePanel } from '../components/CompliancePanel';
import { EnrollmentPanel } from '../components/EnrollmentPanel';
import { OutboxPanel } from '../components/OutboxPanel';
import { OpenRequestsPanel } from '../components/requests/OpenRequestsPanel';
import { SecureStorageBanner } from '../components/SecureStorageBanner';
import { StartAtLoginPanel } from '../components/StartAtLoginPanel';
import { WorkTimePanel } from '../components/WorkTimePanel';
import { useCoreAction } from '../hooks/use-core-action';
import type { PageProps } from './types';

export function Beranda({ api, status, refresh, reportError }: PageProps) {
  const { t } = useTranslation();
  const [attendanceOutcome, setAttendanceOutcome] = useState<AttendanceOutcome | null>(null);
  const [finishedCheck, setFinishedCheck] = useState<Verdict | null>(null);
  const [flushResult, setFlushResult] = useState<FlushResult | null>(null);

  const { pending, perform } = useCoreAction(reportError);

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

  const [attestations, setAttestations] = useState<Attestation[]>([]);
  useEffect(() => {
    void api.getAttestations({}).then((result) => {
      if (result.ok) setAttestations(result.value);
    });
  }, [api]);
  const declare = async (kind: AttestationKind, holds: boolean) => {
    const declared = await perform('declareAttestation', () => api.declareAttestation({ kind, holds }));
    if (declared) setAttestations(declared);
  };

  const [rechecking, setRechecking] = useState<CheckName | null>(null);
  const recheck = async (check: CheckName) => {
    setFinishedCheck(null);
    setRechecking(check);
    const snapshot = await perform('runSingleCheck', () => api.runSingleCheck({ check }));
    setRechecking(null);
    if (snapshot) setFinishedCheck(snapshot.overall);
    await refresh();
  };

  const flush = async () => {
    setFlushResult(null);
    const result = await perform('flushOutbox', () => api.flushOutbox({}));
    if (result) setFlushResult(result);
    await refresh();
  };

  return (
    <>
        {status === null ? (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        ) : (
          <>
            <SecureStorageBanner secureStorage={status.secureStorage} />
            <div className="grid">
              <OpenRequestsPanel api={api} reportError={reportError} />
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
                onRecheck={(check) => void recheck(check)}
                recheckingCheck={rechecking}
                attestations={attestations}
                isDeclaring={pending.has('declareAttestation')}
                onDeclare={(kind, holds) => void declare(kind, holds)}
              />
              <OutboxPanel
                counts={status.outbox}
                isFlushing={pending.has('flushOutbox')}
                result={flushResult}
                onFlush={() => void flush()}
              />
              <EnrollmentPanel enrollment={status.enrollment} zone={status.attendance.zone} />
              <StartAtLoginPanel api={api} reportError={reportError} />
            </div>
          </>
        )}
    </>
  );
}
