import { useId } from 'react';
import type { LocalePreference } from '../i18n-core';
import { t, type Locale } from '../i18n';

/** The learner's language: follow the browser, or English / French whatever the browser says. */
export function LanguageSelect({ locale, value, onChange }: { locale: Locale; value: LocalePreference; onChange: (value: LocalePreference) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t(locale, 'languageLabel')}</label>
      <select id={id} data-testid="language" value={value} onChange={(event) => onChange(event.currentTarget.value as LocalePreference)}>
        <option value="auto">{t(locale, 'languageAuto')}</option>
        <option value="en" lang="en">
          {t(locale, 'languageEn')}
        </option>
        <option value="fr" lang="fr">
          {t(locale, 'languageFr')}
        </option>
      </select>
    </div>
  );
}
