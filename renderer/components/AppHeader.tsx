import { useTranslation } from 'react-i18next';
import type { CompanionStatus, Language } from '../../shared/domain';
import { currentLanguage } from '../i18n';
import { LanguageSwitcher } from './LanguageSwitcher';

interface AppHeaderProps {
  /** Name of the current page, shown as the page's h1. */
  title: string;
  status: CompanionStatus | null;
  isChangingLanguage: boolean;
  onLanguageChange: (language: Language) => void;
}

export function AppHeader({ title, status, isChangingLanguage, onLanguageChange }: AppHeaderProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  return (
    <header className="app-header">
      <div className="app-title">
        <p className="brand">{t('app.title')}</p>
        <div className="title-row">
          <h1>{title}</h1>
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
