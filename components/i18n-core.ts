// The parts of i18n every context shares, with no catalog attached: the content script brings only the few
// messages it shows (components/overlay/strings.ts), pages bring them all (components/i18n.ts).
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalePreference = Locale | 'auto';

export interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type Catalog = Record<string, Message>;

/** The browser's UI language mapped onto the locales we ship (French for any fr-*, else English). */
export function localeFromLanguage(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function resolveLocale(preference: LocalePreference | undefined, uiLanguage: string | undefined): Locale {
  return preference === 'en' || preference === 'fr' ? preference : localeFromLanguage(uiLanguage);
}

/** Resolves the plural blocks of a message (components/plural.ts); `valueOf` gives a placeholder's substitution. */
export type PluralResolver = (message: string, locale: Locale, valueOf: (name: string) => string | undefined) => string;

/**
 * A `t(locale, key, ...substitutions)` over catalogs in the chrome.i18n format ($NAME$ placeholders → $1). chrome.i18n
 * has no plurals: a translator given `resolvePlurals` also chooses the forms of a message's plural blocks. The
 * content script's catalog has no count today, so it leaves the resolver (and its bytes) out.
 */
export function makeTranslator<Key extends string>(catalogs: Record<Locale, Partial<Record<Key, Message>>>, resolvePlurals?: PluralResolver) {
  return function t(locale: Locale, key: Key | (string & {}), ...substitutions: (string | number)[]): string {
    const entry = (catalogs[locale] as Catalog)[key] ?? (catalogs.en as Catalog)[key];
    if (!entry) return key;
    if (!entry.message.includes('$') && !entry.message.includes('{')) return entry.message; // most messages: nothing to resolve
    const valueOf = (name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content?.replace(/\$(\d)/g, (_, index: string) => String(substitutions[Number(index) - 1] ?? ''));
    };
    const message = resolvePlurals ? resolvePlurals(entry.message, locale, valueOf) : entry.message;
    return message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => valueOf(name) ?? whole);
  };
}
