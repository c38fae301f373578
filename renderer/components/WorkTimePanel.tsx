import { Label, Meter } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../shared/domain';
import { zoneAbbreviation } from '../../shared/zones';
import { formatClockText, formatDuration } from '../format';
import { currentLanguage } from '../i18n';
import { Panel } from './Panel';

/** Worked time today and this week against the weekly cap, and today's working window. */
export function WorkTimePanel({ attendance }: { attendance: AttendanceStatus }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const weekText = t('worktime.ofCap', {
    worked: formatDuration(t, attendance.weekMinutes),
    cap: formatDuration(t, attendance.weeklyCapMinutes),
  });
  const capReached = attendance.weekMinutes >= attendance.weeklyCapMinutes;

  const windowText = attendance.window
    ? t('worktime.windowValue', {
        start: formatClockText(attendance.window.start, language),
        end: formatClockText(attendance.window.end, language),
        zone: zoneAbbreviation(attendance.zone),
      })
    : t('worktime.dayOff', { reason: attendance.dayOff?.[language] ?? '—' });

  return (
    <Panel title={t('worktime.heading')} className="panel-worktime">
      <dl className="facts">
        <div>
          <dt>{t('worktime.today')}</dt>
          <dd data-testid="today-worked">{formatDuration(t, attendance.todayMinutes)}</dd>
        </div>
        <div>
          <dt>{t('worktime.window')}</dt>
          <dd data-testid="working-window">{windowText}</dd>
        </div>
      </dl>

      <Meter
        className={`meter ${capReached ? 'meter-full' : ''}`}
        value={Math.min(attendance.weekMinutes, attendance.weeklyCapMinutes)}
        maxValue={attendance.weeklyCapMinutes}
        valueLabel={weekText}
      >
        {({ percentage, valueText }) => (
          <>
            <div className="meter-labels">
              <Label>{t('worktime.week')}</Label>
              <span className="meter-value" data-testid="week-worked">
                {valueText}
              </span>
            </div>
            <div className="meter-track" aria-hidden="true">
              <div className="meter-fill" style={{ width: `${percentage}%` }} />
            </div>
          </>
        )}
      </Meter>
      {capReached && <p className="note note-warning">{t('worktime.capReached')}</p>}
      {attendance.wfh && (
        <p data-testid="wfh-week">
          {t(attendance.wfh.exceeded ? 'worktime.wfhWeekOver' : 'worktime.wfhWeek', {
            used: attendance.wfh.usedDays,
            quota: attendance.wfh.quotaDays,
            left: attendance.wfh.leftDays,
            over: attendance.wfh.usedDays - attendance.wfh.quotaDays,
          })}
        </p>
      )}
      {attendance.wfh?.exceeded && <p className="note note-warning">{t('worktime.wfhExceeded')}</p>}
    </Panel>
  );
}
