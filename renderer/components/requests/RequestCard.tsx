// One urgent request on the Permintaan page: level, sender, subject and deadline with a live
// countdown; "Terima" (acknowledge) and "Selesai" (answer with a short text) while unanswered; the
// answer, its response time against the deadline and its delivery once answered.
import { useState, type FormEvent } from 'react';
import { Button, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { UrgentRequestView } from '../../../shared/requests';
import { formatDateTime } from '../../format';
import { currentLanguage } from '../../i18n';
import { Countdown } from './Countdown';
import { isOverdueAt, isUnanswered, responseTimeText } from './request-time';

export interface RequestCardProps {
  request: UrgentRequestView;
  zone: string;
  now: number;
  maxResponseLength: number;
  /** The request named in the address (#/permintaan/ID): outlined and scrolled to. */
  isTarget: boolean;
  isAcknowledging: boolean;
  isResponding: boolean;
  onAcknowledge: () => void;
  /** Resolves true once the core stored the answer. */
  onRespond: (text: string) => Promise<boolean>;
}

export function RequestCard(props: RequestCardProps) {
  const { request, zone, now } = props;
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const when = (instant: number) => formatDateTime(instant, zone, language);
  const headingId = `request-${request.id}`;
  const overdue = isOverdueAt(request, now);
  const stateKey = overdue && isUnanswered(request) ? 'overdue' : request.state;

  return (
    <article
      id={`permintaan-${request.id}`}
      className={`request request-${request.level} ${overdue ? 'request-overdue' : ''} ${props.isTarget ? 'request-target' : ''}`}
      aria-labelledby={headingId}
      data-testid="request-card"
      data-request-id={request.id}
      tabIndex={-1}
    >
      <header className="request-header">
        <h3 id={headingId}>{request.subject}</h3>
        <span className={`badge badge-level badge-${request.level}`}>{t(`requests.level.${request.level}`)}</span>
        <span className={`badge badge-request-state badge-request-${stateKey}`} data-testid="request-state">
          {t(`requests.state.${stateKey}`)}
        </span>
      </header>

      <dl className="record-facts">
        <div>
          <dt>{t('requests.from')}</dt>
          <dd>{request.sender}</dd>
        </div>
        <div>
          <dt>{t('requests.sentAt')}</dt>
          <dd>{when(request.sentAt)}</dd>
        </div>
        <div>
          <dt>{t('requests.dueAt')}</dt>
          <dd>
            {when(request.dueAt)}
            {isUnanswered(request) && (
              <>
                {' · '}
                <Countdown dueAt={request.dueAt} now={now} />
              </>
            )}
          </dd>
        </div>
        {request.acknowledgedAt !== null && (
          <div>
            <dt>{t('requests.acknowledgedAt')}</dt>
            <dd>{when(request.acknowledgedAt)}</dd>
          </div>
        )}
      </dl>

      {request.body.length > 0 && <p className="request-body">{request.body}</p>}

      {isUnanswered(request) ? <RequestActions {...props} /> : <RequestAnswer request={request} when={when} />}
    </article>
  );
}

function RequestActions(props: RequestCardProps) {
  const { request } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.onRespond(text)) setText('');
  };

  return (
    <div className="request-actions">
      {request.acknowledgedAt === null && (
        <Button className="button button-secondary" onPress={props.onAcknowledge} isPending={props.isAcknowledging}>
          {props.isAcknowledging ? t('requests.acknowledging') : t('requests.acknowledge')}
        </Button>
      )}
      <form className="request-form" onSubmit={(event) => void submit(event)}>
        <TextField className="field" value={text} onChange={setText} maxLength={props.maxResponseLength}>
          <Label className="field-label">{t('requests.responseLabel')}</Label>
          <TextArea rows={2} />
          <Text slot="description" className="muted">
            {t('requests.responseHelp', { max: props.maxResponseLength })}
          </Text>
        </TextField>
        <Button type="submit" className="button button-primary" isPending={props.isResponding}>
          {props.isResponding ? t('requests.responding') : t('requests.respond')}
        </Button>
      </form>
    </div>
  );
}

function RequestAnswer({ request, when }: { request: UrgentRequestView; when: (instant: number) => string }) {
  const { t } = useTranslation();
  const responseTime = responseTimeText(t, request);

  return (
    <dl className="record-facts request-answer">
      {request.answeredAt !== null && (
        <div>
          <dt>{t('requests.answeredAt')}</dt>
          <dd>{when(request.answeredAt)}</dd>
        </div>
      )}
      {responseTime !== null && (
        <div>
          <dt>{t('requests.responseTime')}</dt>
          <dd data-testid="request-response-time">{responseTime}</dd>
        </div>
      )}
      <div>
        <dt>{t('requests.responseText')}</dt>
        <dd>{request.responseText}</dd>
      </div>
      <div>
        <dt>{t('requests.delivery')}</dt>
        <dd>{t(`requests.deliveryState.${request.answerDelivery}`)}</dd>
      </div>
    </dl>
  );
}
