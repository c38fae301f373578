// The Jam Kerja (working hours) page: the days of the week as bars against the daily norm, the week
// against the cap, time away with its decisions, flags, the WFH quota and a month view.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain';
import type { IpcResult } from '../../shared/ipc';
import type { AwayInterval, JobCategory, WorkDay, WorkTimeView } from '../../shared/worktime';
import { zoneAbbreviation } from '../../shared/zones';
import { Panel } from '../components/Panel';
import { HoursChart } from '../components/worktime/HoursChart';
import { WfhPlan, type PlanChange } from '../components/worktime/WfhPlan';
import { formatClock, formatDayKey, formatDuration } from '../format';
import { currentLanguage, localeOf } from '../i18n';
import type { PageProps } from './types';

function shortDay(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', weekday: 'short', day: 'numeric' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, 12)),
  );
}

function monthName(month: string, language: Language): string {
  const [year, number] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(localeOf(language), { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(year ?? 1970, (number ?? 1) - 1, 15)),
  );
}

function chartData(days: readonly WorkDay[], language: Language, label: (day: WorkDay) => string = (day) => shortDay(day.date, language)) {
  return {
    labels: days.map(label),
    workedHours: days.map((day) => Math.round((day.workedMinutes / 60) * 100) / 100),
    normHours: days.map((day) => day.normMinutes / 60),
    flagged: days.map((day) => day.flags.length > 0),
  };
}

function WeekTable({ days }: { days: readonly WorkDay[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <table className="data-table" data-testid="week-table">
      <caption>{t('jamKerja.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('jamKerja.day')}</th>
          <th scope="col">{t('jamKerja.worked')}</th>
          <th scope="col">{t('jamKerja.norm')}</th>
          <th scope="col">{t('jamKerja.outside')}</th>
          <th scope="col">{t('jamKerja.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.date}>
            <th scope="row">{formatDayKey(day.date, language)}</th>
            <td>{formatDuration(t, day.workedMinutes)}</td>
            <td>{day.working ? formatDuration(t, day.normMinutes) : (day.dayOff?.[language] ?? t('jamKerja.dayOff'))}</td>
            <td>{formatDuration(t, day.outsideWindowMinutes)}</td>
            <td>{day.flags.map((flag) => t(`jamKerja.flag.${flag}`)).join(', ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AwayList({ aways, zone }: { aways: readonly AwayInterval[]; zone: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  if (aways.length === 0) return <p className="muted">{t('jamKerja.awayEmpty')}</p>;
  return (
    <ul className="away-list" data-testid="away-list">
      {aways.map((away) => (
        <li key={away.id} className={`away away-${away.decision}`}>
          <span>{formatDayKey(dayKeyIn(away.startedAt, zone), language)}</span>{' '}
          <span>
            {away.endedAt === null
              ? t('jamKerja.awayOpen', { from: formatClock(away.startedAt, zone, language) })
              : t('jamKerja.awayWhen', { from: formatClock(away.startedAt, zone, language), to: formatClock(away.endedAt, zone, language) })}
          </span>{' '}
          <span>({t('jamKerja.awayMinutes', { minutes: away.minutes })})</span>{' '}
          <span>{t(`jamKerja.reason.${away.reason}`)}</span> · <strong>{t(`jamKerja.decision.${away.decision}`)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The civil date of an instant in the zone, YYYY-MM-DD. */
function dayKeyIn(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function JamKerja({ api, status, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [view, setView] = useState<WorkTimeView | null>(null);
  const [saving, setSaving] = useState(false);

  const read = useCallback(async () => {
    const result = await api.getWorkTime({});
    if (result.ok) setView(result.value);
    else reportError(result.error);
  }, [api, reportError]);

  // Read again whenever the core reports a change (a check-in, a decision, a heartbeat notice).
  useEffect(() => {
    void read();
  }, [read, status]);

  /** Sends a plan change and shows the week the core returns, or its error. */
  const save = async (request: Promise<IpcResult<WorkTimeView>>) => {
    setSaving(true);
    reportError(null);
    const result = await request;
    setSaving(false);
    if (result.ok) setView(result.value);
    else reportError(result.error);
  };
  const plan = (change: PlanChange) => void save(api.planWfhDay(change));
  const setCategory = (category: JobCategory) => void save(api.setJobCategory({ category }));

  const week = useMemo(() => (view ? chartData(view.week.days, language) : null), [view, language]);
  const month = useMemo(
    () => (view ? chartData(view.month.days, language, (day) => String(Number(day.date.slice(8)))) : null),
    [view, language],
  );

  if (!view || !week || !month) return <p className="muted">{t('app.loading')}</p>;

  const zone = `${zoneAbbreviation(view.zone)}, ${view.zone}`;
  return (
    <div className="jam-kerja" data-testid="jam-kerja">
      <p>{t('jamKerja.intro', { zone })}</p>
      {!view.idleDetection.available && <p className="muted">{t('jamKerja.idleUnavailable')}</p>}

      <Panel title={t('jamKerja.weekHeading')}>
        <p className="muted">{t('jamKerja.weekOf', { date: formatDayKey(view.week.weekStart, language) })}</p>
        <p data-testid="week-total">
          <strong>{t('jamKerja.weekTotal', { worked: formatDuration(t, view.week.workedMinutes), cap: formatDuration(t, view.week.capMinutes) })}</strong>
        </p>
        <meter min={0} max={view.week.capMinutes} value={Math.min(view.week.workedMinutes, view.week.capMinutes)} aria-label={t('jamKerja.weekHeading')} />
        {view.week.overCapMinutes > 0 && <p role="status">{t('jamKerja.overCap', { over: formatDuration(t, view.week.overCapMinutes) })}</p>}
        {view.week.pendingMinutes > 0 && <p>{t('jamKerja.pendingTotal', { pending: formatDuration(t, view.week.pendingMinutes) })}</p>}
        <p className="muted">{view.week.capEndsSession ? t('jamKerja.capEnds') : t('jamKerja.capWarns')}</p>
        <HoursChart {...week} workedLabel={t('jamKerja.worked')} normLabel={t('jamKerja.norm')} label={t('jamKerja.chartLabel')} />
        <WeekTable days={view.week.days} />
      </Panel>

      <Panel title={t('jamKerja.awayHeading')}>
        <AwayList aways={view.aways} zone={view.zone} />
      </Panel>

      <Panel title={t('jamKerja.wfhHeading')}>
        <p data-testid="wfh-quota">
          {t(view.wfh.exceeded ? 'jamKerja.wfhQuotaOver' : 'jamKerja.wfhQuota', {
            category: view.wfh.jobCategoryName[language],
            used: view.wfh.usedDays,
            quota: view.wfh.quotaDays,
            left: view.wfh.leftDays,
            over: view.wfh.usedDays - view.wfh.quotaDays,
          })}
        </p>
        {view.wfh.exceeded && (
          <p role="status" className="warning-text">
            {t('jamKerja.wfhExceeded')}
          </p>
        )}
        <WfhPlan view={view} isSaving={saving} onPlan={plan} onCategory={setCategory} />
      </Panel>

      <Panel title={t('jamKerja.monthHeading', { month: monthName(view.month.month, language) })}>
        <HoursChart {...month} workedLabel={t('jamKerja.worked')} normLabel={t('jamKerja.norm')} label={t('jamKerja.monthLabel')} height={180} />
      </Panel>
    </div>
  );
}
