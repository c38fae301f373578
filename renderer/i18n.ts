// i18next set up with the texts from shared/locales. The language shown first is Bahasa Indonesia;
// the page then switches to the language the core has stored.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/domain';
import { DEFAULT_LANGUAGE, locales } from '../shared/locales';

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      id: { translation: locales.id },
      en: { translation: locales.en },
    },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['id', 'en'],
    // React escapes rendered text already.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Returns the BCP 47 locale for number, date and widget formatting in a product language. */
export function localeOf(language: Language): string {
  return language === 'id' ? 'id-ID' : 'en-GB';
}

export function currentLanguage(instance: i18n): Language {
  return instance.language === 'en' ? 'en' : 'id';
}
