// The Kepatuhan (compliance) page: the stored workstation checks, newest first and a page at a time,
// and the details of the chosen one (evidence, policy values, remediation, declarations). Its "Ekspor"
// button downloads the signed file that the helpdesk verifies with `asn-companion snapshot verify`.
import { useCallback, useEffect, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ComplianceSnapshot } from '../../shared/domain';
import { zoneAbbreviation } from '../../shared/zones';
import type { SnapshotEntry, SnapshotExport, SnapshotPage } from '../../shared/ipc-compliance';
import { HistoryList } from '../components/kepatuhan/HistoryList';
import { SnapshotDetail } from '../components/kepatuhan/SnapshotDetail';
import { downloadText } from '../download';
import { useCoreAction } from '../hooks/use-core-action';
import { currentLanguage } from '../i18n';
import '../kepatuhan.css';
import type { PageProps } from './types';

const PAGE_SIZE = 20;

export function Kepatuhan({ api, status, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const historyHeadingId = useId();
  const detailHeadingId = useId();
  const zone = status?.attendance.zone ?? 'Asia/Jakarta';

  const [entries, setEntries] = useState<SnapshotEntry[] | null>(null);
  const [nextCursor, setNextCursor] = useState<SnapshotPage['nextCursor']>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<ComplianceSnapshot | null>(null);
  const [exported, setExported] = useState<SnapshotExport | null>(null);
  const { pending, perform } = useCoreAction(reportError);

  const loadFirstPage = useCallback(async () => {
    const result = await api.listSnapshots({ limit: PAGE_SIZE });
    if (!result.ok) {
      reportError(result.error);
      return;
    }
    setEntries(result.value.items);
    setNextCursor(result.value.nextCursor);
    // The newest check is shown until the user picks another one that is still listed.
    setSelectedId((current) => (current !== null && result.value.items.some((item) => item.id === current) ? current : (result.value.items[0]?.id ?? null)));
  }, [api, reportError]);

  // A new check stored anywhere (Beranda, the schedule, the CLI) changes the last snapshot in the status.
  const latestId = status?.lastSnapshot?.id;
  useEffect(() => {
    void loadFirstPage();
  }, [loadFirstPage, latestId]);

  const loadMore = async () => {
    if (nextCursor === null) return;
    const result = await api.listSnapshots({ limit: PAGE_SIZE, before: nextCursor });
    if (!result.ok) {
      reportError(result.error);
      return;
    }
    setEntries((current) => [...(current ?? []), ...result.value.items]);
    setNextCursor(result.value.nextCursor);
  };

  useEffect(() => {
    setExported(null);
    const selected = entries?.find((entry) => entry.id === selectedId);
    if (!selected?.readable) {
      setDetail(null);
      return;
    }
    let current = true;
    void api.getSnapshot({ id: selected.id }).then((result) => {
      if (!current) return;
      if (result.ok) setDetail(result.value);
      else reportError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, entries, selectedId, reportError]);

  const exportSelected = async () => {
    if (detail === null) return;
    const result = await perform('exportSnapshot', () => api.exportSnapshot({ id: detail.id }));
    if (!result) return;
    downloadText(result.fileName, result.content);
    setExported(result);
  };

  const selected = entries?.find((entry) => entry.id === selectedId);

  return (
    <>
      <p className="page-intro">{t('complianceHistory.intro', { zone: zoneAbbreviation(zone) })}</p>

      <div className="kepatuhan-layout">
        <section className="panel history" aria-labelledby={historyHeadingId}>
          <div className="panel-header">
            <h2 id={historyHeadingId}>{t('complianceHistory.historyHeading')}</h2>
            <Button className="button button-secondary" onPress={() => void loadFirstPage()}>
              {t('complianceHistory.refresh')}
            </Button>
          </div>

          {entries === null ? (
            <p className="muted" role="status">
              {t('complianceHistory.loading')}
            </p>
          ) : entries.length === 0 ? (
            <p className="muted">{t('complianceHistory.empty')}</p>
          ) : (
            <>
              <HistoryList entries={entries} zone={zone} selectedId={selectedId} onSelect={setSelectedId} />
              <p className="muted" role="status">
                {t('complianceHistory.shown', { count: entries.length })}
              </p>
              {nextCursor !== null && (
                <Button className="button button-secondary" onPress={() => void loadMore()}>
                  {t('complianceHistory.loadMore')}
                </Button>
              )}
            </>
          )}
        </section>

        <section className="panel detail" aria-labelledby={detailHeadingId}>
          <div className="panel-header">
            <h2 id={detailHeadingId}>{t('complianceHistory.detailHeading')}</h2>
          </div>

          <div role="status" className="outcome">
            {exported && <p>{t('complianceHistory.exported', { file: exported.fileName, keyId: exported.keyId })}</p>}
            {exported?.temporaryKey && <p className="note">{t('complianceHistory.temporaryKey')}</p>}
          </div>

          {selected && !selected.readable ? (
            <p className="note">{selected.problem[language]}</p>
          ) : detail === null ? (
            <p className="muted">{selectedId === null ? t('complianceHistory.detailEmpty') : t('complianceHistory.detailLoading')}</p>
          ) : (
            <SnapshotDetail snapshot={detail} zone={zone} isExporting={pending.has('exportSnapshot')} onExport={() => void exportSelected()} />
          )}
        </section>
      </div>
    </>
  );
}
