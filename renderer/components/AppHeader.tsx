import { useTranslation } from 'react-i18next';
import type { CompanionStatus, Language } from '../../shared/domain';
import { currentLanguage } from '../i18n';
import { LanguageSwitcher } from './LanguageSwitcher';

interface AppHeaderProps {
  status: CompanionStatus | null;
  isChangingLanguage: boolean;
  onLanguageChange: (language: Language) => void;
}

export function AppHeader({ status, isChangingLanguage, onLanguageChange }: AppHeaderProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  return (
    <header className="app-header">
      <div className="app-title">
        <p className="brand">{t('app.title')}</p>
        <div className="title-row">
          <h1>{t('app.page')}</h1>
          {status?.demoMode && (
            <span className="badge badge-demo" title={t('app.demoModeHint')}>
              {t('app.demoMode')}
            </span>
          )}
        </div>
        {status && (
          <p className="policy-line">{t('app.policy', { name: status.policy.name[language], version: status.policy.version })}</p>
        )}
        {status?.demoMode && <p className="policy-line">{t('app.demoModeHint')}</p>}
      </div>
      <LanguageSwitcher isPending={isChangingLanguage} onChange={onLanguageChange} />
    </header>
  );
}
