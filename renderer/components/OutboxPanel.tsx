import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { FlushResult, OutboxCounts } from '../../shared/domain';
import { currentLanguage } from '../i18n';
import { Panel } from './Panel';

interface OutboxPanelProps {
  counts: OutboxCounts;
  isFlushing: boolean;
  result: FlushResult | null;
  onFlush: () => void;
}

/** Shows what waits for the central system, what arrived and what the server rejected, with "Kirim sekarang". */
export function OutboxPanel({ counts, isFlushing, result, onFlush }: OutboxPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  const tiles = [
    { key: 'queued', label: t('outbox.queued'), value: counts.queued },
    { key: 'inFlight', label: t('outbox.inFlight'), value: counts.inFlight },
    { key: 'sent', label: t('outbox.sent'), value: counts.sent },
    { key: 'dead', label: t('outbox.dead'), value: counts.dead },
  ];

  return (
    <Panel title={t('outbox.heading')} className="panel-outbox">
      <dl className="counts">
        {tiles.map((tile) => (
          <div key={tile.key} className={`count count-${tile.key}`} data-testid={`outbox-${tile.key}`}>
            <dt>{tile.label}</dt>
            <dd>{tile.value}</dd>
          </div>
        ))}
      </dl>
      {counts.dead > 0 && <p className="note note-warning">{t('outbox.deadHint')}</p>}

      <Button className="button button-secondary" isPending={isFlushing} onPress={onFlush}>
        {isFlushing ? t('outbox.flushing') : t('outbox.flush')}
      </Button>

      <div role="status" className="outcome">
        {result && (
          <>
            <p>
              {result.attempted === 0
                ? t('outbox.nothingQueued')
                : t('outbox.result', {
                    accepted: result.accepted,
                    attempted: result.attempted,
                    duplicates: result.duplicates,
                    rejected: result.rejected,
                    failed: result.failed,
                  })}
            </p>
            {result.stoppedBecause && <p>{t('outbox.stopped', { reason: result.stoppedBecause[language] })}</p>}
          </>
        )}
      </div>
    </Panel>
  );
}
