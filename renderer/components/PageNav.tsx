import { useTranslation } from 'react-i18next';
import { pageHref } from '../hooks/use-page-route';
import type { PageEntry } from '../pages/types';

/** Links to every page; the current one carries aria-current="page". */
export function PageNav({ pages, current }: { pages: readonly PageEntry[]; current: PageEntry }) {
  const { t } = useTranslation();
  return (
    <nav className="page-nav" aria-label={t('nav.label')}>
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <a href={pageHref(page)} aria-current={page.id === current.id ? 'page' : undefined}>
              {t(page.titleKey)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
