// The Kinerja (performance) dashboard: working hours against the weekly cap, daily reports filed and
// missing this month, output targets, compliance over the last 30 days, and response times to urgent
// requests. Every chart has the same numbers beside it as text or a table.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../shared/domain';
import type { Dashboard } from '../../shared/reports';
import { KinerjaChart, type KinerjaChartConfig } from '../components/kinerja/KinerjaChart';
import { TargetsPanel } from '../components/kinerja/TargetsPanel';
import { Panel } from '../components/Panel';
import { formatDayKey, formatDuration, formatNumber } from '../format';
import { currentLanguage } from '../i18n';
import '../reports.css';
import type { PageProps } from './types';

const VERDICTS: readonly Verdict[] = ['pass', 'warn', 'fail', 'unknown', 'error'];
const VERDICT_COLOURS: Record<Verdict | 'none', string> = {
  pass: '#1b6b35',
  warn: '#b45309',
  fail: '#a4221a',
  unknown: '#44505e',
  error: '#6a2c9c',
  none: '#c3cad3',
};

function doughnut(labels: string[], values: number[], colours: string[]): KinerjaChartConfig {
  return {
    type: 'doughnut',
    data: { labels, datasets: [{ data: values, backgroundColor: colours }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
  };
}

function bars(labels: string[], values: number[], colours: string[], label: string): KinerjaChartConfig {
  return {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: colours }] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } },
    },
  };
}

function HoursPanel({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const week = dashboard.week;
  const config = useMemo(
    () =>
      bars(
        [t('reports.kinerja.hoursWorked'), t('reports.kinerja.hoursAway'), t('reports.kinerja.hoursCap')],
        [week.workedMinutes / 60, week.pendingMinutes / 60, week.capMinutes / 60].map((hours) => Math.round(hours * 100) / 100),
        [week.overCapMinutes > 0 ? '#a4221a' : '#0b4f8a', '#b45309', '#c3cad3'],
        t('reports.kinerja.hoursUnit'),
      ),
    [t, week.workedMinutes, week.pendingMinutes, week.capMinutes, week.overCapMinutes],
  );
  return (
    <Panel title={t('reports.kinerja.hoursHeading')}>
      <p data-testid="kinerja-hours">
        <strong>{t('reports.kinerja.hoursText', { worked: formatDuration(t, week.workedMinutes), cap: formatDuration(t, week.capMinutes) })}</strong>
      </p>
      <meter min={0} max={week.capMinutes} value={Math.min(week.workedMinutes, week.capMinutes)} aria-label={t('reports.kinerja.hoursHeading')} />
      <KinerjaChart config={config} label={t('reports.kinerja.hoursChart')} testId="hours-chart" />
      {week.overCapMinutes > 0 && <p className="warning-text">{t('reports.kinerja.overCap', { over: formatDuration(t, week.overCapMinutes) })}</p>}
      {week.pendingMinutes > 0 && <p>{t('reports.kinerja.hoursPending', { pending: formatDuration(t, week.pendingMinutes) })}</p>}
    </Panel>
  );
}

function ReportsPanel({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const month = dashboard.month;
  const onTime = month.reportsSubmitted - month.reportsLate;
  const config = useMemo(
    () =>
      doughnut(
        [t('reports.kinerja.onTime'), t('reports.kinerja.late'), t('reports.kinerja.missing')],
        [onTime, month.reportsLate, month.missingDates.length],
        ['#1b6b35', '#b45309', '#a4221a'],
      ),
    [t, onTime, month.reportsLate, month.missingDates.length],
  );
  return (
    <Panel title={t('reports.kinerja.reportsHeading')}>
      <p data-testid="kinerja-reports">
        {t('reports.kinerja.reportsText', {
          submitted: month.reportsSubmitted,
          working: month.workingDays,
          late: month.reportsLate,
          missing: month.missingDates.length,
        })}
      </p>
      <KinerjaChart config={config} label={t('reports.kinerja.reportsChart')} testId="reports-chart" />
      <h3>{t('reports.kinerja.missingHeading')}</h3>
      {month.missingDates.length === 0 ? (
        <p className="muted">{t('reports.kinerja.noneMissing')}</p>
      ) : (
        <ul data-testid="missing-dates">
          {month.missingDates.map((date) => (
            <li key={date}>{formatDayKey(date, language)}</li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function CompliancePanel({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const compliance = dashboard.compliance;
  const counts = useMemo(() => {
    const byVerdict = new Map<Verdict | 'none', number>();
    for (const day of compliance.byDay) byVerdict.set(day.overall ?? 'none', (byVerdict.get(day.overall ?? 'none') ?? 0) + 1);
    return [...VERDICTS, 'none' as const].map((verdict) => ({ verdict, days: byVerdict.get(verdict) ?? 0 }));
  }, [compliance.byDay]);
  const name = useCallback((verdict: Verdict | 'none') => (verdict === 'none' ? t('reports.kinerja.notChecked') : t(`verdict.${verdict}`)), [t]);
  const config = useMemo(
    () =>
      bars(
        counts.map((count) => name(count.verdict)),
        counts.map((count) => count.days),
        counts.map((count) => VERDICT_COLOURS[count.verdict]),
        t('reports.kinerja.days'),
      ),
    [counts, name, t],
  );

  return (
    <Panel title={t('reports.kinerja.complianceHeading', { days: compliance.days })}>
      <p data-testid="kinerja-compliance">
        {compliance.daysChecked === 0
          ? t('reports.kinerja.complianceNone')
          : t('reports.kinerja.complianceText', { passed: compliance.daysPassed, checked: compliance.daysChecked })}{' '}
        {compliance.latest && t('reports.kinerja.complianceLatest', { verdict: name(compliance.latest) })}
      </p>
      <p className="muted">
        {formatDayKey(compliance.from, language)} – {formatDayKey(compliance.to, language)}
      </p>
      <KinerjaChart config={config} label={t('reports.kinerja.complianceChart')} testId="compliance-chart" />
      <table className="data-table">
        <caption>{t('reports.kinerja.complianceChart')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.kinerja.result')}</th>
            <th scope="col">{t('reports.kinerja.days')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count) => (
            <tr key={count.verdict}>
              <th scope="row">{name(count.verdict)}</th>
              <td>{count.days}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function ResponsePanel({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const times = dashboard.responseTimes;
  return (
    <Panel title={t('reports.kinerja.responseHeading')}>
      {!times.available ? (
        <p className="muted" data-testid="kinerja-response">
          {t('reports.kinerja.responseUnavailable', { reason: times.reason[language] })}
        </p>
      ) : (
        <div data-testid="kinerja-response">
          <p>
            {t('reports.kinerja.responseText', {
              requests: times.requests,
              days: times.windowDays,
              inTime: times.answeredInTime,
              late: times.answeredLate,
              overdue: times.overdue,
            })}
          </p>
          <p>
            {times.medianMinutes === null || times.maxMinutes === null
              ? t('reports.kinerja.responseNoAnswers')
              : t('reports.kinerja.responseMedian', { minutes: formatNumber(times.medianMinutes, language, 0), max: formatNumber(times.maxMinutes, language, 0) })}
          </p>
        </div>
      )}
    </Panel>
  );
}

export function Kinerja({ api, status, reportError }: PageProps) {
  const { t } = useTranslation();
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);

  const read = useCallback(async () => {
    const result = await api.getDashboard({});
    if (result.ok) setDashboard(result.value);
    else reportError(result.error);
  }, [api, reportError]);

  // Read again whenever the core reports a change (a check-in, a submitted report, a check).
  useEffect(() => {
    void read();
  }, [read, status]);

  if (dashboard === null) return <p className="muted">{t('reports.kinerja.loading')}</p>;

  return (
    <div className="kinerja" data-testid="kinerja">
      <p className="page-intro">{t('reports.kinerja.intro')}</p>
      <div className="kinerja-grid">
        <HoursPanel dashboard={dashboard} />
        <ReportsPanel dashboard={dashboard} />
      </div>
      <Panel title={t('reports.targets.heading')}>
        <TargetsPanel api={api} targets={dashboard.targets} today={dashboard.today} onChanged={read} reportError={reportError} />
      </Panel>
      <div className="kinerja-grid">
        <CompliancePanel dashboard={dashboard} />
        <ResponsePanel dashboard={dashboard} />
      </div>
    </div>
  );
}
