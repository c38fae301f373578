import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/domain';
import { currentLanguage } from '../i18n';

/** Tells the user that the database was restored from a backup and what was lost, until dismissed. */
export function StorageNoticeBanner({ notice, onDismiss }: { notice: LocalizedText; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="banner banner-warning" role="alert" aria-labelledby="storage-notice-title">
      <h2 id="storage-notice-title">{t('storageNotice.title')}</h2>
      <p>{notice[currentLanguage(i18n)]}</p>
      <Button className="button button-secondary" onPress={onDismiss}>
        {t('storageNotice.dismiss')}
      </Button>
    </section>
  );
}
