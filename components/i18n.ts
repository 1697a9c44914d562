// One i18n mechanism for every context: the messages live in public/_locales (so the manifest and the
// store listing use them too) and are bundled here so the learner can pick French or English whatever the
// browser's language. Placeholders follow the chrome.i18n format ($NAME$ → $1).
import en from '../public/_locales/en/messages.json';
import fr from '../public/_locales/fr/messages.json';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalePreference = Locale | 'auto';
export type MessageKey = keyof typeof en;

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const catalogs: Record<Locale, Record<string, Message>> = { en, fr };

/** The browser's UI language mapped onto the locales we ship (French for any fr-*, else English). */
export function localeFromLanguage(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function resolveLocale(preference: LocalePreference | undefined, uiLanguage: string | undefined): Locale {
  return preference === 'en' || preference === 'fr' ? preference : localeFromLanguage(uiLanguage);
}

export function t(locale: Locale, key: MessageKey | (string & {}), ...substitutions: string[]): string {
  const entry = catalogs[locale][key] ?? catalogs.en[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (!content) return whole;
    return content.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
  });
}
