import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus, WorkMode } from '../../shared/domain';
import { formatClock, formatDayKey, formatDuration } from '../format';
import { currentLanguage } from '../i18n';
import { Panel } from './Panel';

/** The core's reply to the last check-in or check-out, kept as data so its text follows the language. */
export type AttendanceOutcome =
  | { kind: 'checkedIn'; mode: WorkMode; startedAt: number }
  | { kind: 'checkedOut'; todayMinutes: number };

interface AttendancePanelProps {
  attendance: AttendanceStatus;
  isPending: boolean;
  outcome: AttendanceOutcome | null;
  onCheckIn: (mode: WorkMode) => void;
  onCheckOut: () => void;
}

export function AttendancePanel({ attendance, isPending, outcome, onCheckIn, onCheckOut }: AttendancePanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [mode, setMode] = useState<WorkMode>('wfh');
  const session = attendance.session;

  let checkInLabel = mode === 'wfh' ? t('attendance.checkInWfh') : t('attendance.checkInOffice');
  if (isPending) checkInLabel = t('attendance.saving');

  return (
    <Panel title={t('attendance.heading')} className="panel-attendance">
      <p className="muted">{formatDayKey(attendance.today, language)}</p>
      <p className={`presence ${session ? 'presence-on' : 'presence-off'}`}>
        <span className="presence-dot" aria-hidden="true" />
        {session
          ? t('attendance.checkedIn', { mode: t(`mode.${session.mode}`), time: formatClock(session.startedAt, attendance.zone, language) })
          : t('attendance.notCheckedIn')}
      </p>

      {session ? (
        <Button className="button button-primary" isPending={isPending} onPress={onCheckOut}>
          {isPending ? t('attendance.saving') : t('attendance.checkOut')}
        </Button>
      ) : (
        <div className="check-in">
          <RadioGroup
            className="mode-group"
            orientation="horizontal"
            value={mode}
            onChange={(value) => setMode(value === 'office' ? 'office' : 'wfh')}
            isDisabled={isPending}
          >
            <Label className="field-label">{t('attendance.modeLabel')}</Label>
            <div className="mode-options">
              <Radio value="wfh" className="mode-option">
                {t('mode.wfh')}
              </Radio>
              <Radio value="office" className="mode-option">
                {t('mode.office')}
              </Radio>
            </div>
          </RadioGroup>
          <Button className="button button-primary" isPending={isPending} onPress={() => onCheckIn(mode)}>
            {checkInLabel}
          </Button>
        </div>
      )}

      <p role="status" className="outcome">
        {outcome?.kind === 'checkedIn' &&
          t('attendance.checkedInResult', { mode: t(`mode.${outcome.mode}`), time: formatClock(outcome.startedAt, attendance.zone, language) })}
        {outcome?.kind === 'checkedOut' && t('attendance.checkedOutResult', { worked: formatDuration(t, outcome.todayMinutes) })}
      </p>
    </Panel>
  );
}
