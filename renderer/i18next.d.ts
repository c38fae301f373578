// Types the keys of t() against the Indonesian texts, so a misspelt key fails to compile.
import 'i18next';
import type { LocaleMessages } from '../shared/locales';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: LocaleMessages };
  }
}
