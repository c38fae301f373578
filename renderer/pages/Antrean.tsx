// The Antrean (queue) page: every record stored for the central system, queued, in flight, sent or
// dead, with the exact content that leaves the laptop and when it was sent. Dead records can be sent
// again or exported as a JSON file.
import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OutboxItem, OutboxList, OutboxState } from '../../shared/domain';
import { formatDateTime } from '../format';
import { useCoreAction } from '../hooks/use-core-action';
import { currentLanguage } from '../i18n';
import type { PageProps } from './types';

type Filter = OutboxState | 'all';

const FILTERS: readonly Filter[] = ['all', 'queued', 'in_flight', 'sent', 'dead'];

const STATE_KEYS = { queued: 'outbox.queued', in_flight: 'outbox.inFlight', sent: 'outbox.sent', dead: 'outbox.dead' } as const;

/** Offers a text as a file download, without any Node or Electron API. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

function OutboxRecord({ item, zone, onRetry, isRetrying }: { item: OutboxItem; zone: string; onRetry: () => void; isRetrying: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const when = (instant: number) => formatDateTime(instant, zone, language);
  const headingId = `record-${item.id}`;

  return (
    <article className={`record record-${item.state}`} aria-labelledby={headingId} data-testid="outbox-record">
      <header className="record-header">
        <h3 id={headingId}>
          {item.type} · {item.stream} #{item.seq}
        </h3>
        <span className={`badge badge-state badge-${item.state}`}>{t(STATE_KEYS[item.state])}</span>
      </header>
      <dl className="record-facts">
        <div>
          <dt>{t('antrean.queuedAt')}</dt>
          <dd>{when(item.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('antrean.sentAt')}</dt>
          <dd>{item.sentAt === null ? t('antrean.notSent') : when(item.sentAt)}</dd>
        </div>
        <div>
          <dt>{t('antrean.attempts')}</dt>
          <dd>{item.attempts}</dd>
        </div>
        {item.state === 'queued' && item.nextAttemptAt !== null && (
          <div>
            <dt>{t('antrean.nextAttempt')}</dt>
            <dd>{when(item.nextAttemptAt)}</dd>
          </div>
        )}
        {item.serverId && (
          <div>
            <dt>{t('antrean.serverId')}</dt>
            <dd className="mono">{item.serverId}</dd>
          </div>
        )}
        {item.lastError && (
          <div className="record-error">
            <dt>{t('antrean.lastError')}</dt>
            <dd>{item.lastErrorText?.[language] ?? item.lastError}</dd>
          </div>
        )}
      </dl>
      <details className="record-payload">
        <summary>{t('antrean.payload')}</summary>
        <pre className="mono">{item.payloadJson}</pre>
      </details>
      {item.state === 'dead' && (
        <Button className="button button-secondary" isPending={isRetrying} onPress={onRetry}>
          {t('antrean.retry')}
        </Button>
      )}
    </article>
  );
}

export function Antrean({ api, status, refresh, reportError }: PageProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const [list, setList] = useState<OutboxList | null>(null);
  // Kept as a message key and its values, so that the text follows a change of language.
  const [outcome, setOutcome] = useState<
    { key: 'antrean.retried'; count: number } | { key: 'antrean.exported'; count: number; file: string } | null
  >(null);
  const { pending, perform } = useCoreAction(reportError);

  const load = useCallback(async () => {
    const result = await api.listOutbox(filter === 'all' ? {} : { states: [filter] });
    if (result.ok) setList(result.value);
    else reportError(result.error);
  }, [api, filter, reportError]);

  // The list follows the counts in the status, so a flush or a new check-in shows up here too.
  const counts = status?.outbox;
  useEffect(() => {
    void load();
  }, [load, counts?.queued, counts?.inFlight, counts?.sent, counts?.dead]);

  const retry = async (ids: string[]) => {
    const result = await perform('retryDead', () => api.retryDead({ ids }));
    if (result) setOutcome({ key: 'antrean.retried', count: result.retried });
    await refresh();
    await load();
  };

  const exportDead = async () => {
    const result = await perform('exportDead', () => api.exportDead({}));
    if (!result) return;
    download(result.fileName, result.json);
    setOutcome({ key: 'antrean.exported', count: result.count, file: result.fileName });
  };

  const deadIds = (list?.items ?? []).filter((item) => item.state === 'dead').map((item) => item.id);
  const zone = status?.attendance.zone ?? 'Asia/Jakarta';

  return (
    <>
      <p className="page-intro">{t('antrean.intro')}</p>

      <div className="toolbar">
        <div role="group" aria-label={t('antrean.filterLabel')} className="filters">
          {FILTERS.map((option) => (
            <button
              key={option}
              type="button"
              className="button button-quiet filter"
              aria-pressed={filter === option}
              onClick={() => setFilter(option)}
            >
              {option === 'all' ? t('antrean.all') : t(STATE_KEYS[option])}
            </button>
          ))}
        </div>
        <div className="actions">
          <Button className="button button-secondary" onPress={() => void load()}>
            {t('antrean.refresh')}
          </Button>
          <Button className="button button-secondary" isDisabled={(counts?.dead ?? 0) === 0} isPending={pending.has('exportDead')} onPress={() => void exportDead()}>
            {t('antrean.export')}
          </Button>
          <Button className="button button-primary" isDisabled={deadIds.length === 0} isPending={pending.has('retryDead')} onPress={() => void retry(deadIds)}>
            {t('antrean.retryAll')}
          </Button>
        </div>
      </div>

      <div role="status" className="outcome">
        {outcome?.key === 'antrean.retried' && <p>{t('antrean.retried', { count: outcome.count })}</p>}
        {outcome?.key === 'antrean.exported' && <p>{t('antrean.exported', { count: outcome.count, file: outcome.file })}</p>}
      </div>

      {list === null ? (
        <p className="muted" role="status">
          {t('antrean.loading')}
        </p>
      ) : list.items.length === 0 ? (
        <p className="muted">{t('antrean.empty')}</p>
      ) : (
        <div className="records">
          {list.truncated && <p className="note">{t('antrean.truncated', { count: list.items.length })}</p>}
          {list.items.map((item) => (
            <OutboxRecord key={item.id} item={item} zone={zone} isRetrying={pending.has('retryDead')} onRetry={() => void retry([item.id])} />
          ))}
        </div>
      )}
    </>
  );
}
