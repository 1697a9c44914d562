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

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/** The CLDR plural category of `n` ("one", "other", …): French puts 0 and 1 in "one", English only 1. */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  return (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n);
}

// ICU MessageFormat's plural, without nesting: {NAME, plural, =0 {…} one {# item} other {# items}}. NAME is one of the
// message's placeholders; # is its number written the locale's way. A form the locale lacks ("many") falls to "other".
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * A `t(locale, key, ...substitutions)` over catalogs in the chrome.i18n format ($NAME$ placeholders → $1), with plural
 * blocks chosen through Intl.PluralRules (chrome.i18n has no plurals). Counts may be passed as numbers.
 */
export function makeTranslator<Key extends string>(catalogs: Record<Locale, Partial<Record<Key, Message>>>) {
  return function t(locale: Locale, key: Key | (string & {}), ...substitutions: (string | number)[]): string {
    const entry = (catalogs[locale] as Catalog)[key] ?? (catalogs.en as Catalog)[key];
    if (!entry) return key;
    const valueOf = (name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      return content?.replace(/\$(\d)/g, (_, index: string) => String(substitutions[Number(index) - 1] ?? ''));
    };
    return entry.message
      .replace(PLURAL, (whole, name: string, branches: string) => {
        const value = valueOf(name);
        const n = value ? Number(value) : NaN;
        if (!Number.isFinite(n)) return whole;
        const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1]!, m[2]!]));
        const form = forms.get(`=${n}`) ?? forms.get(pluralCategory(locale, n)) ?? forms.get('other') ?? '';
        return form.replace(/#/g, new Intl.NumberFormat(locale).format(n));
      })
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => valueOf(name) ?? whole);
  };
}
