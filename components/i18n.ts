// One i18n mechanism for every context: the messages live in public/_locales (so the manifest and the store
// listing use them too) and are bundled, so the learner can pick French or English whatever the browser's
// language. Pages import this module (every message); the content script imports overlay/strings.ts.
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';
import { makeTranslator } from './i18n-core';
import { resolvePlurals } from './plural';

export { LOCALES, localeFromLanguage, resolveLocale, type Locale, type LocalePreference } from './i18n-core';
export type MessageKey = keyof typeof en;

export const t = makeTranslator<MessageKey>({ en, fr }, resolvePlurals);
