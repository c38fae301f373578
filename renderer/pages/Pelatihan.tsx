// The Pelatihan (training) page: the digital-literacy programme's deadline, module progress and
// certificates as the central LMS reports them, and the competency allowance certification brings.
import { useCallback, useEffect, useState } from 'react';
import { Button, Label, Meter } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formatRupiah, type TrainingView } from '../../shared/claims';
import { Panel } from '../components/Panel';
import { formatDateTime, formatDayKey } from '../format';
import { currentLanguage } from '../i18n';
import type { PageProps } from './types';

function DeadlineText({ view }: { view: TrainingView }) {
  const { t } = useTranslation();
  if (view.daysLeft === null) return null;
  if (view.daysLeft > 0) return <span>{t('claims.training.daysLeft', { count: view.daysLeft })}</span>;
  if (view.daysLeft === 0) return <span className="badge badge-overdue">{t('claims.training.dueToday')}</span>;
  return <span className="badge badge-overdue">{t('claims.training.daysPast', { count: -view.daysLeft })}</span>;
}

export function Pelatihan({ api, status, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const zone = status?.attendance.zone ?? 'Asia/Jakarta';
  const [view, setView] = useState<TrainingView | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const refresh = useCallback(async () => {
    setRefreshing(true);
    reportError(null);
    const result = await api.refreshTraining({});
    setRefreshing(false);
    if (result.ok) setView(result.value);
    else reportError(result.error);
  }, [api, reportError]);

  useEffect(() => {
    void api.getTraining({}).then((result) => {
      if (result.ok) setView(result.value);
      else reportError(result.error);
    });
    void refresh();
  }, [api, refresh, reportError]);

  if (view === null) return <p className="muted" role="status">…</p>;

  const done = view.modules.filter((module) => module.completedAt !== null).length;
  const allowance = view.competencyAllowanceRupiah;
  const when = (instant: number) => formatDateTime(instant, zone, language);

  return (
    <>
      <p className="page-intro">{t('claims.training.intro')}</p>

      <Panel
        title={t('claims.training.programme')}
        actions={
          <Button className="button button-secondary" isPending={refreshing} onPress={() => void refresh()}>
            {t('claims.training.refresh')}
          </Button>
        }
      >
        {view.deadline === null || view.programmeStart === null ? (
          <p>{t('claims.training.noProgramme')}</p>
        ) : (
          <dl className="record-facts" data-testid="training-facts">
            <div>
              <dt>{t('claims.training.start')}</dt>
              <dd>{formatDayKey(view.programmeStart, language)}</dd>
            </div>
            <div>
              <dt>{t('claims.training.deadline')}</dt>
              <dd>
                {formatDayKey(view.deadline, language)} <DeadlineText view={view} />
              </dd>
            </div>
            <div>
              <dt>{t('claims.training.certificate')}</dt>
              <dd>
                <span className={`badge ${view.certified ? 'badge-certified' : 'badge-uncertified'}`}>
                  {view.certified ? t('claims.training.certified') : t('claims.training.notCertified')}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('claims.training.allowance')}</dt>
              <dd>
                {allowance === null
                  ? t('claims.training.allowanceUnset')
                  : t(view.certified ? 'claims.training.allowanceActive' : 'claims.training.allowancePending', { amount: formatRupiah(allowance) })}
              </dd>
            </div>
            {view.nextReminderAt !== null && (
              <div>
                <dt>{t('claims.training.nextReminder')}</dt>
                <dd>{when(view.nextReminderAt)}</dd>
              </div>
            )}
          </dl>
        )}
        <p className="muted">{view.fetchedAt === null ? t('claims.training.neverFetched') : t('claims.training.fetchedAt', { when: when(view.fetchedAt) })}</p>
      </Panel>

      <Panel title={t('claims.training.progress')}>
        {view.modules.length === 0 ? (
          <p className="muted">{t('claims.training.noModules')}</p>
        ) : (
          <>
            <Meter value={done} maxValue={view.modules.length} valueLabel={t('claims.training.modulesDone', { done, total: view.modules.length })} className="meter">
              {({ percentage, valueText }) => (
                <>
                  <Label>{t('claims.training.progress')}</Label>
                  <span className="meter-value">{valueText}</span>
                  <div className="meter-bar">
                    <div className="meter-fill" style={{ width: `${percentage}%` }} />
                  </div>
                </>
              )}
            </Meter>
            <ul className="module-list" data-testid="module-list">
              {view.modules.map((module) => (
                <li key={module.id}>
                  <strong>{module.title}</strong>:{' '}
                  {module.completedAt === null ? t('claims.training.moduleOpen') : t('claims.training.moduleDone', { when: when(module.completedAt) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel title={t('claims.training.certificate')}>
        {view.certificates.length === 0 ? (
          <p className="muted">{t('claims.training.notCertified')}</p>
        ) : (
          <ul data-testid="certificate-list">
            {view.certificates.map((certificate) => (
              <li key={certificate.id}>
                <strong>{certificate.title}</strong>: {t('claims.training.issued', { when: when(certificate.issuedAt) })}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
