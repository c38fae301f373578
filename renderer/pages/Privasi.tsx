// The Privasi page: the privacy notice (re-readable at any time), the location choice, and a summary
// of everything the central system has received, with the newest record of each kind as sent.
import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../shared/ipc';
import type { PrivacyState, SentDataSummary } from '../../shared/privacy';
import { PrivacyNoticeText } from '../components/PrivacyNotice';
import { Panel } from '../components/Panel';
import { formatDateTime } from '../format';
import { currentLanguage } from '../i18n';
import type { PageProps } from './types';

function SentData({ sent, zone }: { sent: SentDataSummary; zone: string }) {
  const { t, i18n } = useTranslation();
  const when = (instant: number) => formatDateTime(instant, zone, currentLanguage(i18n));

  if (sent.kinds.length === 0) return <p className="muted">{t('privacy.sent.empty')}</p>;
  return (
    <>
      <p data-testid="sent-total">{t('privacy.sent.total', { count: sent.total })}</p>
      <div className="records">
        {sent.kinds.map((kind) => (
          <article key={kind.type} className="record" aria-labelledby={`sent-${kind.type}`} data-testid="sent-kind">
            <h3 id={`sent-${kind.type}`}>{kind.type}</h3>
            <p>{t('privacy.sent.count', { count: kind.count, first: when(kind.firstSentAt), last: when(kind.lastSentAt) })}</p>
            <details className="record-payload">
              <summary>{t('privacy.sent.latest')}</summary>
              <pre className="mono">{kind.latestPayloadJson}</pre>
            </details>
          </article>
        ))}
      </div>
    </>
  );
}

export function Privasi({ api, status, reportError }: PageProps) {
  const { t, i18n } = useTranslation();
  const [privacy, setPrivacy] = useState<PrivacyState | null>(null);
  const [sent, setSent] = useState<SentDataSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const zone = status?.attendance.zone ?? 'Asia/Jakarta';
  const when = (instant: number) => formatDateTime(instant, zone, currentLanguage(i18n));

  const load = useCallback(async () => {
    const [state, summary] = await Promise.all([api.getPrivacy({}), api.getSentData({})]);
    if (state.ok) setPrivacy(state.value);
    else reportError(state.error);
    if (summary.ok) setSent(summary.value);
    else reportError(summary.error);
  }, [api, reportError]);

  // The summary follows the sent count in the status, so a delivery shows up here too.
  const sentCount = status?.outbox.sent;
  useEffect(() => {
    void load();
  }, [load, sentCount]);

  /** Runs one privacy choice; the page shows it only after the core stored it. */
  const choose = async (call: () => Promise<IpcResult<PrivacyState>>) => {
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (result.ok) {
      setPrivacy(result.value);
      reportError(null);
    } else {
      reportError(result.error);
    }
  };

  return (
    <>
      <Panel title={t('privacy.notice.heading')} className="panel-privacy-notice">
        <PrivacyNoticeText />
        {privacy && (
          <p className="muted" data-testid="notice-state">
            {privacy.noticeAcknowledgedAt === null ? t('privacy.notice.notAcknowledged') : t('privacy.notice.acknowledgedAt', { at: when(privacy.noticeAcknowledgedAt) })}
          </p>
        )}
        {privacy && privacy.noticeAcknowledgedAt === null && (
          <Button className="button button-primary" isDisabled={busy} onPress={() => void choose(() => api.acknowledgePrivacyNotice({}))}>
            {t('privacy.banner.acknowledge')}
          </Button>
        )}
      </Panel>

      <Panel title={t('privacy.location.heading')}>
        <p>{t('privacy.location.body')}</p>
        <Checkbox
          className="attestation-checkbox"
          isSelected={privacy?.locationConsent ?? false}
          isDisabled={privacy === null || busy}
          onChange={(enabled) => void choose(() => api.setLocationConsent({ enabled }))}
        >
          {({ isSelected }) => (
            <>
              <span className="attestation-box" aria-hidden="true">
                {isSelected ? '✓' : ''}
              </span>
              {t('privacy.location.allow')}
            </>
          )}
        </Checkbox>
        {privacy && (
          <p className="muted" data-testid="location-state">
            {privacy.locationConsent && privacy.locationChangedAt !== null ? t('privacy.location.on', { at: when(privacy.locationChangedAt) }) : t('privacy.location.off')}
          </p>
        )}
      </Panel>

      <Panel title={t('privacy.sent.heading')}>
        <p>{t('privacy.sent.intro')}</p>
        {sent === null ? (
          <p className="muted" role="status">
            {t('privacy.sent.loading')}
          </p>
        ) : (
          <SentData sent={sent} zone={zone} />
        )}
        <p>
          <a href="#/antrean">{t('privacy.sent.all')}</a>
        </p>
      </Panel>
    </>
  );
}
