// Where a submitted daily report is on its way to the central system: queued, being sent, received
// or rejected, read from the outbox and read again whenever the outbox counts change.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanionStatus, OutboxItem } from '../../../shared/domain';
import type { CompanionApi } from '../../../shared/ipc';
import { formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';

/** Outbox event type of a daily report (the reports service enqueues it on the `reports` stream). */
export const DAILY_REPORT_EVENT = 'report.daily_report';

/** The date a daily-report payload is about; its top-level `date`, or `report.date`. */
function payloadDate(item: OutboxItem): string | null {
  try {
    const payload = JSON.parse(item.payloadJson) as { date?: unknown; report?: { date?: unknown } };
    if (typeof payload.date === 'string') return payload.date;
    if (typeof payload.report?.date === 'string') return payload.report.date;
  } catch {
    // A payload that is not JSON cannot be matched to a day; the state stays unknown.
  }
  return null;
}

export function findReportItem(items: readonly OutboxItem[], date: string): OutboxItem | null {
  const matches = items.filter((item) => item.type === DAILY_REPORT_EVENT && payloadDate(item) === date);
  return matches.at(-1) ?? null;
}

export function DeliveryState({ api, date, status }: { api: CompanionApi; date: string; status: CompanionStatus | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [item, setItem] = useState<OutboxItem | null>(null);
  const counts = status?.outbox;
  const zone = status?.attendance.zone ?? 'Asia/Jakarta';

  useEffect(() => {
    let active = true;
    void api.listOutbox({ limit: 5000 }).then((result) => {
      if (active && result.ok) setItem(findReportItem(result.value.items, date));
    });
    return () => {
      active = false;
    };
  }, [api, date, counts?.queued, counts?.inFlight, counts?.sent, counts?.dead]);

  let text: string;
  if (item === null) text = t('reports.daily.deliveryUnknown');
  else if (item.state === 'sent') text = t('reports.daily.deliverySent', { time: formatDateTime(item.sentAt ?? item.createdAt, zone, language) });
  else if (item.state === 'dead') text = t('reports.daily.deliveryDead');
  else if (item.state === 'in_flight') text = t('reports.daily.deliveryInFlight');
  else text = t('reports.daily.deliveryQueued');

  return (
    <p className={`delivery delivery-${item?.state ?? 'unknown'}`} role="status" data-testid="report-delivery">
      {text}
    </p>
  );
}
