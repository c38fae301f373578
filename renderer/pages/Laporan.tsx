// The Laporan Harian (daily report) page: today's report or a past working day's, filed late, and
// the weekly summary built from the reports.
import { useEffect, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { TargetProgress } from '../../shared/reports';
import { Panel } from '../components/Panel';
import { DailyReportForm } from '../components/reports/DailyReportForm';
import { WeeklySummaryPanel } from '../components/reports/WeeklySummaryPanel';
import { formatDayKey } from '../format';
import { useReportDraft } from '../hooks/use-report-draft';
import { currentLanguage } from '../i18n';
import '../reports.css';
import type { PageProps } from './types';

export function Laporan({ api, status, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const draft = useReportDraft(api, language === 'id' ? ',' : '.');
  const [targets, setTargets] = useState<readonly TargetProgress[]>([]);
  const dateId = useId();
  const dateHintId = useId();
  const view = draft.view;

  useEffect(() => {
    if (draft.loadError) reportError(draft.loadError);
  }, [draft.loadError, reportError]);

  // The targets offered for an activity are those whose period contains the report's day.
  const day = view?.date ?? null;
  useEffect(() => {
    if (day === null) return;
    void api.listTargets({ from: day, to: day }).then((result) => {
      if (result.ok) setTargets(result.value.targets.filter((progress) => day >= progress.target.periodStart && day <= progress.target.deadline));
    });
  }, [api, day]);

  return (
    <div className="laporan" data-testid="laporan">
      <p className="page-intro">{t('reports.daily.intro')}</p>

      <Panel
        title={view ? `${t('reports.daily.heading')}: ${formatDayKey(view.date, language)}` : t('reports.daily.heading')}
        actions={
          view && view.date !== view.today ? (
            <Button className="button button-quiet" onPress={() => void draft.changeDate(null)}>
              {t('reports.daily.today')}
            </Button>
          ) : undefined
        }
      >
        <div className="report-field">
          <label className="field-label" htmlFor={dateId}>
            {t('reports.daily.dateLabel')}
          </label>
          <input
            id={dateId}
            type="date"
            value={view?.date ?? ''}
            max={view?.today}
            aria-describedby={dateHintId}
            onChange={(event) => {
              if (/^\d{4}-\d{2}-\d{2}$/.test(event.target.value)) void draft.changeDate(event.target.value);
            }}
          />
          <p id={dateHintId} className="field-hint">
            {t('reports.daily.dateHint')}
          </p>
        </div>
        {view ? <DailyReportForm api={api} draft={draft} targets={targets} status={status} /> : <p className="muted">{t('reports.daily.loading')}</p>}
      </Panel>

      <Panel title={t('reports.weekly.heading')}>
        <WeeklySummaryPanel api={api} status={status} reportError={reportError} />
      </Panel>
    </div>
  );
}
