// The privacy notice: its full text (on the Privasi page) and the first-run banner that points to it
// until the user marks it as read. The banner does not block the app: check-ins work before reading.
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { CompanionApi } from '../../shared/ipc';
import type { PrivacyState } from '../../shared/privacy';

/** Renders the notice's sections: what is collected, why, where it goes, how long it stays, rights. */
export function PrivacyNoticeText() {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('privacy.notice.intro')}</p>
      <h3>{t('privacy.notice.collectedHeading')}</h3>
      <ul>
        <li>{t('privacy.notice.collectedAttendance')}</li>
        <li>{t('privacy.notice.collectedCompliance')}</li>
        <li>{t('privacy.notice.collectedReports')}</li>
        <li>{t('privacy.notice.collectedDevice')}</li>
      </ul>
      <p>{t('privacy.notice.notCollected')}</p>
      <h3>{t('privacy.notice.whyHeading')}</h3>
      <p>{t('privacy.notice.why')}</p>
      <h3>{t('privacy.notice.whereHeading')}</h3>
      <p>{t('privacy.notice.where')}</p>
      <h3>{t('privacy.notice.retentionHeading')}</h3>
      <p>{t('privacy.notice.retention')}</p>
      <h3>{t('privacy.notice.rightsHeading')}</h3>
      <p>{t('privacy.notice.rights')}</p>
    </>
  );
}

/** Shows the first-run banner while the current notice is not acknowledged. */
export function PrivacyNoticeBanner({ api }: { api: CompanionApi }) {
  const { t } = useTranslation();
  const [state, setState] = useState<PrivacyState | null>(null);

  useEffect(() => {
    let active = true;
    const read = () =>
      void api.getPrivacy({}).then((result) => {
        if (active && result.ok) setState(result.value);
      });
    read();
    // The Privasi page can acknowledge the notice too; the banner then goes away.
    window.addEventListener('hashchange', read);
    return () => {
      active = false;
      window.removeEventListener('hashchange', read);
    };
  }, [api]);

  if (state === null || state.noticeAcknowledgedAt !== null) return null;

  const acknowledge = async () => {
    const result = await api.acknowledgePrivacyNotice({});
    if (result.ok) setState(result.value);
  };

  return (
    <section className="banner banner-info" aria-labelledby="privacy-banner-title" data-testid="privacy-banner">
      <h2 id="privacy-banner-title">{t('privacy.banner.heading')}</h2>
      <p>{t('privacy.banner.body')}</p>
      <div className="actions">
        <a className="button button-secondary" href="#/privasi">
          {t('privacy.banner.read')}
        </a>
        <Button className="button button-primary" onPress={() => void acknowledge()}>
          {t('privacy.banner.acknowledge')}
        </Button>
      </div>
    </section>
  );
}
