// Texts of the requests feature in both languages; id.ts and en.ts include them under `requests`.
import type { WidenTexts } from './widen';

export const requestsId = {
  title: 'Permintaan',
};

export const requestsEn: WidenTexts<typeof requestsId> = {
  title: 'Requests',
};
