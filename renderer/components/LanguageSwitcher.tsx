import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/domain';
import { currentLanguage } from '../i18n';

/** Changes the language through the core, which stores it. The page switches once the core has replied. */
export function LanguageSwitcher({ isPending, onChange }: { isPending: boolean; onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  const select = (keys: Set<Key>) => {
    const [next] = keys;
    if ((next === 'id' || next === 'en') && next !== language) onChange(next);
  };

  return (
    <div className="language">
      <span id="language-label" className="language-label">
        {t('language.label')}
      </span>
      <ToggleButtonGroup
        aria-labelledby="language-label"
        className="segmented"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[language]}
        onSelectionChange={select}
        isDisabled={isPending}
      >
        <ToggleButton id="id" lang="id" className="segment">
          {t('language.id')}
        </ToggleButton>
        <ToggleButton id="en" lang="en" className="segment">
          {t('language.en')}
        </ToggleButton>
      </ToggleButtonGroup>
    </div>
  );
}
