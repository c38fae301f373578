// The pages of the app, in navigation order. A new page is one entry here, its component, and its
// `nav.<id>` title in shared/locales/{id,en}.ts. The first entry is the start page.
import { Antrean } from './Antrean';
import { Beranda } from './Beranda';
import { JamKerja } from './JamKerja';
import type { PageEntry } from './types';

export const pages: readonly PageEntry[] = [
  { id: 'beranda', titleKey: 'nav.beranda', component: Beranda },
  { id: 'antrean', titleKey: 'nav.antrean', component: Antrean },
  { id: 'jam-kerja', titleKey: 'nav.jamKerja', component: JamKerja },
];
