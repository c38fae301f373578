// The frame every page shares: header with the page title and language switch, page navigation, the
// alert region and the companion status, with the current page inside.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../shared/domain';
import type { CompanionApi, IpcError } from '../shared/ipc';
import { AlertRegion } from './components/AlertRegion';
import { AppHeader } from './components/AppHeader';
import { PageNav } from './components/PageNav';
import { PrivacyNoticeBanner } from './components/PrivacyNotice';
import { StorageNoticeBanner } from './components/StorageNoticeBanner';
import { useCompanionStatus } from './hooks/use-companion-status';
import { useCoreAction } from './hooks/use-core-action';
import { usePageRoute } from './hooks/use-page-route';
import { pages } from './pages/registry';

export function AppShell({ api, onLanguage }: { api: CompanionApi; onLanguage: (language: Language) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<IpcError | null>(null);
  const reportError = useCallback((next: IpcError | null) => setError(next), []);
  const { status, refresh } = useCompanionStatus(api, reportError);
  const { pending, perform } = useCoreAction(setError);
  const page = usePageRoute(pages);
  const main = useRef<HTMLElement>(null);
  const firstPage = useRef(page.id);

  useEffect(() => {
    void api.getLanguage({}).then((result) => {
      if (result.ok) onLanguage(result.value.language);
      else setError(result.error);
    });
  }, [api, onLanguage]);

  // After moving to another page, focus its content so that keyboard and screen reader users start there.
  useEffect(() => {
    if (page.id === firstPage.current) return;
    firstPage.current = '';
    setError(null);
    main.current?.focus();
  }, [page.id]);

  const changeLanguage = async (language: Language) => {
    const result = await perform('setLanguage', () => api.setLanguage({ language }));
    if (result) onLanguage(result.language);
  };

  const dismissStorageNotice = async () => {
    await perform('dismissStorageNotice', () => api.dismissStorageNotice({}));
    await refresh();
  };

  const Page = page.component;
  return (
    <div className="page">
      <AppHeader
        title={t(page.titleKey)}
        status={status}
        isChangingLanguage={pending.has('setLanguage')}
        onLanguageChange={(language) => void changeLanguage(language)}
      />
      <PageNav pages={pages} current={page} />
      <AlertRegion error={error} onDismiss={() => setError(null)} />
      {status?.storageNotice && <StorageNoticeBanner notice={status.storageNotice} onDismiss={() => void dismissStorageNotice()} />}
      <PrivacyNoticeBanner api={api} />

      <main className="content" ref={main} tabIndex={-1} aria-label={t(page.titleKey)}>
        <Page api={api} status={status} refresh={refresh} reportError={reportError} />
      </main>
    </div>
  );
}
