// Output targets on the Kinerja page: a table with each target's progress and status (missed
// deadlines flagged), a chart of the same percentages, and adding, editing and deleting user targets.
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CompanionApi, IpcError } from '../../../shared/ipc';
import type { Target, TargetInput, TargetProgress } from '../../../shared/reports';
import { formatDayKey } from '../../format';
import { currentLanguage } from '../../i18n';
import { KinerjaChart, type KinerjaChartConfig } from './KinerjaChart';
import { TargetForm } from './TargetForm';

const STATUS_KEYS = { open: 'reports.targets.statusOpen', met: 'reports.targets.statusMet', missed: 'reports.targets.statusMissed' } as const;

const STATUS_COLOURS = { open: '#0b4f8a', met: '#1b6b35', missed: '#a4221a' } as const;

type Editing = { kind: 'new' } | { kind: 'edit'; target: Target } | null;

function progressChart(targets: readonly TargetProgress[], label: string): KinerjaChartConfig {
  return {
    type: 'bar',
    data: {
      labels: targets.map((progress) => progress.target.title),
      datasets: [{ label, data: targets.map((progress) => progress.percent), backgroundColor: targets.map((progress) => STATUS_COLOURS[progress.status]) }],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: 100, ticks: { stepSize: 25 } } },
      plugins: { legend: { display: false } },
    },
  };
}

export function TargetsPanel(props: {
  api: CompanionApi;
  targets: readonly TargetProgress[];
  today: string;
  onChanged: () => Promise<void>;
  reportError: (error: IpcError | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [editing, setEditing] = useState<Editing>(null);
  const [outcome, setOutcome] = useState<{ key: 'reports.targets.saved' | 'reports.targets.removed'; title: string } | null>(null);
  const chartLabel = t('reports.targets.chart');
  const config = useMemo(() => progressChart(props.targets, chartLabel), [props.targets, chartLabel]);
  const missed = props.targets.filter((progress) => progress.missed).length;

  const save = async (input: TargetInput): Promise<IpcError | null> => {
    const result = await props.api.saveTarget({ target: input });
    if (!result.ok) return result.error;
    setEditing(null);
    setOutcome({ key: 'reports.targets.saved', title: result.value.target.title });
    await props.onChanged();
    return null;
  };

  const remove = async (target: Target) => {
    props.reportError(null);
    const result = await props.api.deleteTarget({ id: target.id });
    if (!result.ok) {
      props.reportError(result.error);
      return;
    }
    setOutcome({ key: 'reports.targets.removed', title: target.title });
    await props.onChanged();
  };

  return (
    <div className="targets" data-testid="targets">
      {props.targets.length === 0 ? (
        <p className="muted">{t('reports.targets.empty')}</p>
      ) : (
        <>
          {missed > 0 && (
            <p className="target-missed" data-testid="targets-missed">
              {t('reports.targets.missedCount', { count: missed })}
            </p>
          )}
          <KinerjaChart config={config} label={chartLabel} testId="targets-chart" />
          <table className="data-table" data-testid="targets-table">
            <caption>{t('reports.targets.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.targets.titleColumn')}</th>
                <th scope="col">{t('reports.targets.periodColumn')}</th>
                <th scope="col">{t('reports.targets.progressColumn')}</th>
                <th scope="col">{t('reports.targets.deadlineColumn')}</th>
                <th scope="col">{t('reports.targets.statusColumn')}</th>
                <th scope="col">{t('reports.targets.actionsColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {props.targets.map(({ target, achieved, percent, status }) => (
                <tr key={target.id} className={`target-row target-row-${status}`}>
                  <th scope="row">
                    {target.title}
                    {target.source === 'policy' && <span className="muted"> ({t('reports.targets.policy')})</span>}
                  </th>
                  <td>
                    {t('reports.targets.periodFrom', {
                      period: target.period === 'week' ? t('reports.targets.week') : t('reports.targets.month'),
                      date: formatDayKey(target.periodStart, language),
                    })}
                  </td>
                  <td>
                    <meter min={0} max={100} value={percent} aria-hidden="true" />{' '}
                    {t('reports.targets.progress', { achieved, quantity: target.quantity, unit: target.unit, percent })}
                  </td>
                  <td>{formatDayKey(target.deadline, language)}</td>
                  <td className={`target-${status}`}>{t(STATUS_KEYS[status])}</td>
                  <td>
                    {target.source === 'user' && (
                      <>
                        <Button className="button button-quiet" onPress={() => setEditing({ kind: 'edit', target })}>
                          {t('reports.targets.edit', { title: target.title })}
                        </Button>{' '}
                        <Button className="button button-quiet" onPress={() => void remove(target)}>
                          {t('reports.targets.remove', { title: target.title })}
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <div role="status" className="outcome">
        {outcome && <p>{t(outcome.key, { title: outcome.title })}</p>}
      </div>

      {editing === null ? (
        <Button className="button button-secondary" onPress={() => setEditing({ kind: 'new' })}>
          {t('reports.targets.add')}
        </Button>
      ) : (
        <TargetForm
          key={editing.kind === 'edit' ? editing.target.id : 'new'}
          target={editing.kind === 'edit' ? editing.target : null}
          today={props.today}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
    </div>
  );
}
