// Texts of the compliance feature in both languages; id.ts and en.ts include them under `complianceHistory`.
import type { WidenTexts } from './widen';

export const complianceId = {
  title: 'Kepatuhan',
};

export const complianceEn: WidenTexts<typeof complianceId> = {
  title: 'Compliance',
};
