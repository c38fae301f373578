// Texts of the "start at login" setting in both languages. id.ts and en.ts include them under `loginItem`.
import type { WidenTexts } from './widen';

export const loginItemId = {
  heading: 'Buka saat login',
  body: 'Aplikasi dibuka otomatis setiap kali Anda masuk ke komputer, sehingga pengingat dan permintaan mendesak tidak terlewat.',
  enable: 'Buka Pendamping Kerja ASN saat login',
};

export const loginItemEn: WidenTexts<typeof loginItemId> = {
  heading: 'Start at login',
  body: 'The app opens automatically each time you sign in to the computer, so reminders and urgent requests are not missed.',
  enable: 'Open ASN Work Companion at login',
};
