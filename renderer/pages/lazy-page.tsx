// A page whose code loads the first time it is opened, so its charts and forms stay out of the
// start-up bundle. The loading text stands in while the chunk arrives.
import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from './types';

export function lazyPage(load: () => Promise<ComponentType<PageProps>>): ComponentType<PageProps> {
  const Lazy = lazy(async () => ({ default: await load() }));

  function LazyPage(props: PageProps) {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyPage;
}
