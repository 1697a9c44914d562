import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore } from 'zustand/vanilla';
import { resolveLocale, type Locale } from '../../components/i18n-core';
import { ot as t, type OverlayMessageKey } from '../../components/overlay/strings';
import { Overlay, type OverlayState } from '../../components/overlay/Overlay';
import { isGuideOn, readSettings, watchSettings, type GuideSettings } from '../../components/state/settings';
import { detectPage, siteForHost } from '../../lessons/sites';
import { SITE_MATCHES } from '../../lessons/sites/matches';
import type { SiteAdapter } from '../../lessons/sites/types';
import { watchAnchor, type AnchorWatch } from './anchor-watcher';
import { mountOverlayHost, type OverlayHost } from './mount';
import { watchNavigation } from './navigation';

export default defineContentScript({
  matches: SITE_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual', // the overlay inlines its own stylesheet into its shadow root (mount.ts)
  async main(ctx) {
    const site = siteForHost(location.hostname);
    if (!site) return;
    const guide = createGuide(ctx, site);
    const apply = (settings: GuideSettings) => (isGuideOn(settings, site.network) ? guide.start(settings) : guide.stop());
    // Listen first, so that a toggle made while we read settings is not missed.
    ctx.onInvalidated(watchSettings(apply));
    ctx.onInvalidated(() => guide.stop());
    apply(await readSettings());
  },
});

const FIRST_HINT: Record<SiteAdapter['network'], [OverlayMessageKey, OverlayMessageKey]> = {
  linkedin: ['hintLinkedinSearchTitle', 'hintLinkedinSearchBody'],
  x: ['hintXComposeTitle', 'hintXComposeBody'],
  facebook: ['hintFacebookSearchTitle', 'hintFacebookSearchBody'],
  youtube: ['hintYoutubeSearchTitle', 'hintYoutubeSearchBody'],
};

/** The site's own theme when it has one (X's dark theme), else the system's. */
function detectTheme(): 'light' | 'dark' {
  const background = getComputedStyle(document.body ?? document.documentElement).backgroundColor;
  const rgb = background.match(/\d+(\.\d+)?/g)?.map(Number);
  if (rgb && rgb.length >= 3 && (rgb[3] ?? 1) > 0) {
    const [r = 255, g = 255, b = 255] = rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Everything the guide does on one tab: mounted when switched on, removed completely when switched off. */
function createGuide(ctx: ContentScriptContext, site: SiteAdapter) {
  let ui: (OverlayHost & { root: Root }) | null = null;
  let anchorWatch: AnchorWatch | null = null;
  let navigationWatched = false;
  let locale: Locale = 'en';
  const store = createStore<OverlayState>()((set) => ({
    locale,
    theme: 'light',
    hint: null,
    anchor: null,
    anchorStatus: 'searching',
    dismissed: false,
    setDismissed: (dismissed) => set({ dismissed }),
  }));

  const showPage = (url: URL) => {
    const page = detectPage(url);
    ui?.host.setAttribute('data-page-kind', page?.pageKind ?? '');
    anchorWatch?.stop();
    const [titleKey, bodyKey] = FIRST_HINT[site.network];
    store.setState({
      theme: detectTheme(),
      hint: { title: t(locale, titleKey), body: t(locale, bodyKey) },
      anchor: null,
      anchorStatus: 'searching',
    });
    anchorWatch = watchAnchor(site.firstHintAnchor, site.anchors, (anchor, anchorStatus) =>
      store.setState({ anchor, anchorStatus }),
    );
  };

  return {
    start(settings: GuideSettings) {
      locale = resolveLocale(settings.locale, browser.i18n.getUILanguage());
      store.setState({ locale });
      if (!ui) {
        const mounted = mountOverlayHost({ 'data-network': site.network });
        const root = createRoot(mounted.container);
        root.render(<Overlay store={store} />);
        ui = { ...mounted, root };
      }
      if (!navigationWatched) {
        navigationWatched = true;
        watchNavigation(ctx, site, (url) => ui && showPage(url));
      }
      showPage(new URL(location.href));
    },
    stop() {
      anchorWatch?.stop();
      anchorWatch = null;
      ui?.root.unmount();
      ui?.remove();
      ui = null;
    },
  };
}
