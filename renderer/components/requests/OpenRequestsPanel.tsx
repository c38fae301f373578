// The home page's list of unanswered urgent requests, each with its live countdown and a link to it
// on the Permintaan page.
import { useTranslation } from 'react-i18next';
import type { CompanionApi, IpcError } from '../../../shared/ipc';
import { useRequests } from '../../hooks/use-requests';
import { Panel } from '../Panel';
import { Countdown, useNow } from './Countdown';
import { isUnanswered } from './request-time';
import '../../requests.css';

export function OpenRequestsPanel({ api, reportError }: { api: CompanionApi; reportError: (error: IpcError | null) => void }) {
  const { t } = useTranslation();
  const { list } = useRequests(api, reportError);
  const now = useNow();
  const waiting = (list?.requests ?? []).filter(isUnanswered).sort((a, b) => a.dueAt - b.dueAt);

  return (
    <Panel title={t('requests.homeHeading')} className="panel-requests">
      {waiting.length === 0 ? (
        <p className="muted">{t('requests.homeNone')}</p>
      ) : (
        <ul className="home-requests" data-testid="home-requests">
          {waiting.map((request) => (
            <li key={request.id} className={`home-request request-${request.level}`}>
              <span className={`badge badge-level badge-${request.level}`}>{t(`requests.level.${request.level}`)}</span>{' '}
              <a href={`#/permintaan/${encodeURIComponent(request.id)}`}>{request.subject}</a>{' '}
              <span className="muted">· {request.sender} · </span>
              <Countdown dueAt={request.dueAt} now={now} />
            </li>
          ))}
        </ul>
      )}
      <a href="#/permintaan">{t('requests.homeAll')}</a>
    </Panel>
  );
}
