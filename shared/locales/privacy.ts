// Texts of the privacy feature in both languages; id.ts and en.ts include them under `privacy`.
import type { WidenTexts } from './widen';

export const privacyId = {
  title: 'Privasi',
};

export const privacyEn: WidenTexts<typeof privacyId> = {
  title: 'Privacy',
};
