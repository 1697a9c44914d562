import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { Overlay } from '../../components/overlay/Overlay';
import { isGuideChanged } from '../../components/state/guide-protocol';
import type { SiteAdapter } from '../../lessons/sites/types';
import { createGuideController } from './guide';
import { mountOverlayHost, type OverlayHost } from './mount';

/**
 * The guide on one tab of `site`. The runtime is the same for the four networks; each has its own small entry
 * (entrypoints/<network>.content.ts), so that a tab carries only its own network's site knowledge.
 */
export function runGuide(ctx: ContentScriptContext, site: SiteAdapter): void {
  // The overlay is mounted when the background's first answer says the guide is on here, so the page sees one
  // render with everything, not several; it goes when an answer says the guide is off.
  let ui: (OverlayHost & { root: Root }) | null = null;
  const unmount = () => {
    ui?.root.unmount();
    ui?.remove();
    ui = null;
  };
  const guide = createGuideController(ctx, site, (pageKind, visible) => {
    if (visible === false) return unmount();
    if (visible && !ui) {
      const mounted = mountOverlayHost({ 'data-network': site.network });
      const root = createRoot(mounted.container);
      root.render(<Overlay store={guide.overlay} />);
      ui = { ...mounted, root };
      performance.mark('training-wheels:ready');
    }
    ui?.host.setAttribute('data-page-kind', pageKind ?? '');
  });

  // The background tells this tab when the switches, the language, the packs or the progress change: the tab
  // never reads storage itself. On invalidation (the extension was updated or removed) everything goes, quietly.
  const onMessage = (message: unknown) => {
    if (isGuideChanged(message)) guide.changed();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    guide.stop();
    unmount();
  });
  guide.start();
}
