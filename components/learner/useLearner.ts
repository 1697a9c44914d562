// React side of the learner store: popup, options and welcome pages. (The content script uses the vanilla store.)
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { browser } from 'wxt/browser';
import { resolveLocale, t, type Locale } from '../i18n';
import { getLearnerStore, type LearnerStoreState } from '../state/store';
import { learnerPacks } from './packs';

export function learnerStore() {
  return getLearnerStore({ packs: learnerPacks });
}

export function useLearner(): LearnerStoreState {
  return useStore(learnerStore());
}

/** The page's language (learner's choice, else the browser's), applied to <html lang> and the title. */
export function usePageLocale(titleKey: Parameters<typeof t>[1]): Locale {
  const preference = useLearner().learner.locale;
  const locale = resolveLocale(preference, browser.i18n.getUILanguage());
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t(locale, titleKey);
  }, [locale, titleKey]);
  return locale;
}
