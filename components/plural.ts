// Plural forms for the catalogs' count messages: chrome.i18n has none, so a message writes ICU MessageFormat's plural
// (without nesting) and the translator picks the form through Intl.PluralRules for the learner's language.
import type { Locale, PluralResolver } from './i18n-core';

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/** The CLDR plural category of `n` ("one", "other", …): French puts 0 and 1 in "one", English only 1. */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  return (pluralRules[locale] ??= new Intl.PluralRules(locale)).select(n);
}

// {NAME, plural, =0 {…} one {# item} other {# items}}: NAME is one of the message's placeholders; # is its number
// written the locale's way. A form the locale lacks in the message ("many" in French) falls back to "other".
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

export const resolvePlurals: PluralResolver = (message, locale, valueOf) =>
  message.replace(PLURAL, (whole, name: string, branches: string) => {
    const value = valueOf(name);
    const n = value ? Number(value) : NaN;
    if (!Number.isFinite(n)) return whole;
    const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1]!, m[2]!]));
    const form = forms.get(`=${n}`) ?? forms.get(pluralCategory(locale, n)) ?? forms.get('other') ?? '';
    return form.replace(/#/g, new Intl.NumberFormat(locale).format(n));
  });
