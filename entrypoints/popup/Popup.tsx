import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { resolveLocale, t, type Locale } from '../../components/i18n';
import { Switch } from '../../components/Switch';
import {
  isGuideOn,
  readSettings,
  settingsItem,
  watchSettings,
  withNetworkToggled,
  type GuideSettings,
} from '../../components/state/settings';
import { detectPage } from '../../lessons/sites';
import type { Network } from '../../lessons/sites/types';

type PageInfo = { network: Network; pageKind: string | null } | null;

const NETWORK_LABEL: Record<Network, 'networkLinkedin' | 'networkX' | 'networkFacebook' | 'networkYoutube'> = {
  linkedin: 'networkLinkedin',
  x: 'networkX',
  facebook: 'networkFacebook',
  youtube: 'networkYoutube',
};

/** The tab the learner is looking at. Opened as a tab of its own, the popup describes the tab used just before. */
async function currentTabUrl(): Promise<string | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  const ownUrl = browser.runtime.getURL('/popup.html');
  if (active?.url && !active.url.startsWith(ownUrl)) return active.url;
  const others = (await browser.tabs.query({})).filter((tab) => !tab.url?.startsWith(ownUrl));
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.url;
}

export function Popup() {
  const [settings, setSettings] = useState<GuideSettings | null>(null);
  const [page, setPage] = useState<PageInfo>(null);

  useEffect(() => {
    void readSettings().then(setSettings);
    void currentTabUrl().then((url) => setPage(url ? detectPage(url) : null));
    return watchSettings(setSettings);
  }, []);

  if (!settings) return null;
  const locale: Locale = resolveLocale(settings.locale, browser.i18n.getUILanguage());
  document.documentElement.lang = locale;
  const save = (next: GuideSettings) => {
    setSettings(next);
    void settingsItem.setValue(next);
  };
  const networkName = page ? t(locale, NETWORK_LABEL[page.network]) : '';
  const pageName = page?.pageKind ? t(locale, `pageKind_${page.network}_${page.pageKind}`) : t(locale, 'pageKindUnknown');

  return (
    <main className="popup">
      <h1 className="popup-title">{t(locale, 'popupTitle')}</h1>
      <p className="popup-page" data-testid="popup-page">
        {page ? t(locale, 'popupOnPage', networkName, pageName) : t(locale, 'popupNotSupported')}
      </p>
      <Switch
        testId="toggle-everywhere"
        label={t(locale, 'popupGuideEverywhere')}
        checked={settings.guideEnabled}
        onChange={(on) => save({ ...settings, guideEnabled: on })}
      />
      {page ? (
        <Switch
          testId="toggle-network"
          label={t(locale, 'popupGuideThisNetwork', networkName)}
          checked={isGuideOn({ ...settings, guideEnabled: true }, page.network)}
          disabled={!settings.guideEnabled}
          onChange={(on) => save(withNetworkToggled(settings, page.network, on))}
        />
      ) : null}
      {!settings.guideEnabled ? <p className="popup-note">{t(locale, 'popupGuideOffNote')}</p> : null}
    </main>
  );
}
