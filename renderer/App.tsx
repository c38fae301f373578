import { useCallback, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { I18nextProvider } from 'react-i18next';
import type { Language } from '../shared/domain';
import { locales } from '../shared/locales';
import { companion, type CompanionConnection } from './api/companion';
import { AppShell } from './AppShell';
import { ReturnPromptDialog } from './components/worktime/ReturnPromptDialog';
import { createI18n, currentLanguage, localeOf } from './i18n';

/** Shown when there is no core to talk to; in both languages, since no stored language can be read. */
function ShellMissing({ connection }: { connection: Exclude<CompanionConnection, { ok: true }> }) {
  return (
    <main className="page shell-missing">
      {(['id', 'en'] as const).map((language) => (
        <section key={language} lang={language} className="panel" role={language === 'id' ? 'alert' : undefined}>
          {language === 'id' ? <h1>{locales.id.shell.missingTitle}</h1> : <h2 className="h1">{locales.en.shell.missingTitle}</h2>}
          <p>{locales[language].shell.missingBody}</p>
          {connection.reason === 'invalid-bridge' && (
            <p className="mono">{locales[language].shell.badBridge.replace('{{detail}}', connection.detail)}</p>
          )}
        </section>
      ))}
    </main>
  );
}

export function App() {
  const connection = useMemo(() => companion(), []);
  const i18n = useMemo(() => createI18n(), []);
  const [language, setLanguage] = useState<Language>(currentLanguage(i18n));

  const applyLanguage = useCallback(
    (next: Language) => {
      void i18n.changeLanguage(next);
      document.documentElement.lang = next;
      document.title = locales[next].app.title;
      setLanguage(next);
    },
    [i18n],
  );

  if (!connection.ok) return <ShellMissing connection={connection} />;

  return (
    <I18nextProvider i18n={i18n}>
      <I18nProvider locale={localeOf(language)}>
        <AppShell api={connection.api} onLanguage={applyLanguage} />
        <ReturnPromptDialog api={connection.api} />
      </I18nProvider>
    </I18nextProvider>
  );
}
