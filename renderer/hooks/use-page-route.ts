// The current page from the address hash (#/antrean), so that the back button and a reload keep the
// page. An unknown or empty hash shows the start page.
import { useEffect, useState } from 'react';
import type { PageEntry } from '../pages/types';

function pageFromHash(pages: readonly PageEntry[]): PageEntry {
  // The page id is the first segment; the rest addresses something on the page (#/permintaan/ID).
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0];
  return pages.find((page) => page.id === id) ?? pages[0]!;
}

export function pageHref(page: PageEntry): string {
  return `#/${page.id}`;
}

export function usePageRoute(pages: readonly PageEntry[]): PageEntry {
  const [page, setPage] = useState(() => pageFromHash(pages));

  useEffect(() => {
    const onChange = () => setPage(pageFromHash(pages));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [pages]);

  return page;
}
