// The renderer's texts in both product languages. Bahasa Indonesia is the default; id.ts defines the
// keys and en.ts must match them, which the LocaleMessages type enforces at compile time.
import type { Language } from '../domain';
import { en } from './en';
import { id } from './id';
import type { WidenTexts } from './widen';

export type LocaleMessages = WidenTexts<typeof id>;

export const locales: Record<Language, LocaleMessages> = { id, en };

export const DEFAULT_LANGUAGE: Language = 'id';
