// The renderer's texts in both product languages. Bahasa Indonesia is the default; id.ts defines the
// keys and en.ts must match them, which the LocaleMessages type enforces at compile time.
import type { Language } from '../domain';
import { en } from './en';
import { id } from './id';

/** The shape of id.ts with every text widened to string, so a translation can differ in content. */
type WidenTexts<T> = { [K in keyof T]: T[K] extends string ? string : WidenTexts<T[K]> };

export type LocaleMessages = WidenTexts<typeof id>;

export const locales: Record<Language, LocaleMessages> = { id, en };

export const DEFAULT_LANGUAGE: Language = 'id';
