// Texts of the reports feature in both languages; id.ts and en.ts include them under `reports`.
import type { WidenTexts } from './widen';

export const reportsId = {
  title: 'Laporan',
};

export const reportsEn: WidenTexts<typeof reportsId> = {
  title: 'Reports',
};
