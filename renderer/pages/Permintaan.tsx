// The Permintaan (requests) page: unanswered urgent requests with live countdowns, ordered by
// deadline, then answered ones with their response time. The address #/permintaan/ID (a notification
// or tray click) scrolls to that request and focuses it.
import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UrgentRequestView } from '../../shared/requests';
import { useNow } from '../components/requests/Countdown';
import { requestIdFromHash } from '../components/requests/request-address';
import { RequestCard } from '../components/requests/RequestCard';
import { isOverdueAt, isUnanswered } from '../components/requests/request-time';
import { formatDateTime } from '../format';
import { useRequests } from '../hooks/use-requests';
import { currentLanguage } from '../i18n';
import '../requests.css';
import type { PageProps } from './types';

function useTargetRequestId(): string | null {
  const [target, setTarget] = useState(() => requestIdFromHash(window.location.hash));

  useEffect(() => {
    const onChange = () => setTarget(requestIdFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  return target;
}

/**
 * Returns the text of a polite live region when a request turns overdue while the page is open: one
 * sentence per event, instead of a countdown read out every second.
 */
function useOverdueAnnouncement(requests: readonly UrgentRequestView[], now: number): string {
  const { t } = useTranslation();
  const known = useRef<Map<string, boolean>>(new Map());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    for (const request of requests) {
      const overdue = isOverdueAt(request, now);
      const before = known.current.get(request.id);
      known.current.set(request.id, overdue);
      if (before === false && overdue) setAnnouncement(t('requests.becameOverdue', { subject: request.subject }));
    }
  }, [requests, now, t]);

  return announcement;
}

export function Permintaan({ api, status, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { list, pending, acknowledge, respond, poll } = useRequests(api, reportError);
  const now = useNow();
  const target = useTargetRequestId();
  const requests = list?.requests ?? [];
  const announcement = useOverdueAnnouncement(requests, now);

  // Bring the addressed request into view once it is listed.
  const shownTarget = useRef<string | null>(null);
  useEffect(() => {
    if (target === null || shownTarget.current === target) return;
    const card = document.getElementById(`permintaan-${target}`);
    if (card === null) return;
    shownTarget.current = target;
    card.scrollIntoView({ block: 'center' });
    card.focus();
  }, [target, requests]);

  if (list === null || status === null) {
    return (
      <p className="muted" role="status">
        {t('requests.loading')}
      </p>
    );
  }

  const zone = status.attendance.zone;
  const waiting = requests.filter(isUnanswered).sort((a, b) => a.dueAt - b.dueAt);
  const answered = requests.filter((request) => !isUnanswered(request));
  const card = (request: UrgentRequestView) => (
    <RequestCard
      key={request.id}
      request={request}
      zone={zone}
      now={now}
      maxResponseLength={list.maxResponseLength}
      isTarget={request.id === target}
      isAcknowledging={pending.has(`acknowledge:${request.id}`)}
      isResponding={pending.has(`respond:${request.id}`)}
      onAcknowledge={() => void acknowledge(request.id)}
      onRespond={async (text) => (await respond(request.id, text)) !== null}
    />
  );

  let pollLine = t('requests.neverChecked');
  if (list.poll.lastError !== null) pollLine = t('requests.pollFailed', { reason: list.poll.lastError[language] });
  else if (list.poll.lastSuccessAt !== null) pollLine = t('requests.lastChecked', { time: formatDateTime(list.poll.lastSuccessAt, zone, language) });

  return (
    <div className="requests-page">
      <p>{t('requests.intro')}</p>
      <div className="requests-poll">
        <p className="muted" data-testid="requests-poll-line">
          {pollLine}
          {!list.poll.active && ` ${t('requests.pollInactive')}`}
        </p>
        <Button className="button button-secondary" onPress={() => void poll()} isPending={pending.has('poll')}>
          {pending.has('poll') ? t('requests.polling') : t('requests.pollNow')}
        </Button>
      </div>
      <div role="status" className="visually-hidden" data-testid="requests-announcement">
        {announcement}
      </div>

      <section aria-labelledby="requests-waiting" className="requests-section">
        <h2 id="requests-waiting">
          {t('requests.waitingHeading')} ({waiting.length})
        </h2>
        {waiting.length === 0 ? <p className="muted">{t('requests.noneWaiting')}</p> : waiting.map(card)}
      </section>

      <section aria-labelledby="requests-answered" className="requests-section">
        <h2 id="requests-answered">
          {t('requests.answeredHeading')} ({answered.length})
        </h2>
        {answered.length === 0 ? <p className="muted">{t('requests.noneAnswered')}</p> : answered.map(card)}
      </section>
    </div>
  );
}
