import { ListBox, ListBoxItem } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SnapshotEntry } from '../../../shared/ipc-compliance';
import { formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';
import { VerdictBadge } from '../VerdictBadge';

interface HistoryListProps {
  entries: SnapshotEntry[];
  zone: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * Lists the stored snapshots in a single-selection list box. Arrow keys move, Enter or Space select, and
 * a screen reader reads each entry's time, overall verdict and check verdicts as one option.
 */
export function HistoryList({ entries, zone, selectedId, onSelect }: HistoryListProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  return (
    <ListBox
      aria-label={t('complianceHistory.historyLabel')}
      className="history-list"
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={selectedId === null ? [] : [selectedId]}
      onSelectionChange={(keys) => {
        const [key] = keys === 'all' ? [] : [...keys];
        if (key !== undefined) onSelect(String(key));
      }}
      items={entries}
      // The list caches rendered items by entry, so a change of language or zone must invalidate it.
      dependencies={[language, zone]}
    >
      {(entry) => {
        const time = formatDateTime(entry.createdAt, zone, language);
        return (
          <ListBoxItem id={entry.id} textValue={time} className="history-entry" data-testid="history-entry">
            <span className="history-time">{time}</span>
            {entry.readable ? (
              <>
                <span className="history-overall">
                  {t('complianceHistory.overall')}: <VerdictBadge verdict={entry.overall} />
                </span>
                <span className="history-checks">
                  {entry.checks.map((check) => (
                    <span key={check.check} className={`history-check verdict-${check.verdict}`} data-check={check.check}>
                      {t('complianceHistory.checkVerdict', { check: t(`check.${check.check}`), verdict: t(`verdict.${check.verdict}`) })}
                    </span>
                  ))}
                </span>
                {entry.attestations.length > 0 && (
                  <span className="history-declared">{t('complianceHistory.declaredCount', { count: entry.attestations.length })}</span>
                )}
              </>
            ) : (
              <span className="history-unreadable">
                {t('complianceHistory.unreadable')}: {entry.problem[language]}
              </span>
            )}
          </ListBoxItem>
        );
      }}
    </ListBox>
  );
}
