import { useTranslation } from 'react-i18next';
import type { SecureStorageStatus } from '../../shared/domain';
import { currentLanguage } from '../i18n';

/** Warns while no OS keychain is available, with the core's reason; the device token then lives in memory only. */
export function SecureStorageBanner({ secureStorage }: { secureStorage: SecureStorageStatus }) {
  const { t, i18n } = useTranslation();
  if (secureStorage.available) return null;

  return (
    <section className="banner banner-warning" aria-labelledby="secure-storage-title">
      <h2 id="secure-storage-title">{t('secureStorage.title')}</h2>
      <p>{secureStorage.reason ? secureStorage.reason[currentLanguage(i18n)] : t('secureStorage.body')}</p>
    </section>
  );
}
