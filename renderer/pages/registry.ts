// The pages of the app, in navigation order. A new page is one entry here, its component, and its
// `nav.<id>` title in shared/locales/{id,en}.ts. The first entry is the start page.
import { Antrean } from './Antrean';
import { Beranda } from './Beranda';
import { JamKerja } from './JamKerja';
import { Kepatuhan } from './Kepatuhan';
import { Klaim } from './Klaim';
import { Laporan } from './Laporan';
import { lazyPage } from './lazy-page';
import { Pelatihan } from './Pelatihan';
import { Permintaan } from './Permintaan';
import { Privasi } from './Privasi';
import type { PageEntry } from './types';

export const pages: readonly PageEntry[] = [
  { id: 'beranda', titleKey: 'nav.beranda', component: Beranda },
  { id: 'antrean', titleKey: 'nav.antrean', component: Antrean },
  { id: 'jam-kerja', titleKey: 'nav.jamKerja', component: JamKerja },
  { id: 'kepatuhan', titleKey: 'nav.kepatuhan', component: Kepatuhan },
  { id: 'laporan', titleKey: 'nav.laporan', component: Laporan },
  { id: 'kinerja', titleKey: 'nav.kinerja', component: lazyPage(() => import('./Kinerja').then((module) => module.Kinerja)) },
  { id: 'permintaan', titleKey: 'nav.permintaan', component: Permintaan },
  { id: 'klaim', titleKey: 'nav.klaim', component: Klaim },
  { id: 'pelatihan', titleKey: 'nav.pelatihan', component: Pelatihan },
  { id: 'privasi', titleKey: 'nav.privasi', component: Privasi },
];
