// Texts of the claims feature in both languages; id.ts and en.ts include them under `claims`.
import type { WidenTexts } from './widen';

export const claimsId = {
  title: 'Klaim',
};

export const claimsEn: WidenTexts<typeof claimsId> = {
  title: 'Claims',
};
