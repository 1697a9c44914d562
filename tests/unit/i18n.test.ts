import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFromLanguage, resolveLocale, t } from '../../components/i18n';

const localesDir = resolve(__dirname, '../../public/_locales');
const catalog = (locale: string) =>
  JSON.parse(readFileSync(resolve(localesDir, locale, 'messages.json'), 'utf8')) as Record<string, { message: string; placeholders?: object }>;

describe('messages', () => {
  const locales = readdirSync(localesDir);
  it('ships English and French', () => expect(locales.sort()).toEqual(['en', 'fr']));

  it('every key exists in every language, with a non-empty message and the same placeholders', () => {
    const en = catalog('en');
    const fr = catalog('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(en[key]!.message.trim(), `en:${key}`).not.toBe('');
      expect(fr[key]!.message.trim(), `fr:${key}`).not.toBe('');
      expect(Object.keys(fr[key]!.placeholders ?? {}).sort(), `placeholders of ${key}`).toEqual(Object.keys(en[key]!.placeholders ?? {}).sort());
    }
  });

  it('uses only key names the browsers accept (a bad one stops the whole extension from loading)', () => {
    for (const key of Object.keys(catalog('en'))) expect(key, `message key "${key}"`).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('substitutes placeholders the way chrome.i18n does', () => {
    expect(t('en', 'popupOnPage', 'LinkedIn', 'profile')).toBe('This tab: LinkedIn — profile');
    expect(t('fr', 'popupOnPage', 'LinkedIn', 'profil')).toBe('Cet onglet : LinkedIn — profil');
  });

  it('picks French for any French browser and English otherwise, unless the learner chose', () => {
    expect(localeFromLanguage('fr-CA')).toBe('fr');
    expect(localeFromLanguage('de')).toBe('en');
    expect(resolveLocale('auto', 'fr-FR')).toBe('fr');
    expect(resolveLocale('en', 'fr-FR')).toBe('en');
  });
});
