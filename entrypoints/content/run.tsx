import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '../../components/overlay/Overlay';
import { isGuideOn, readSettings, watchSettings, type GuideSettings } from '../../components/state/settings';
import type { SiteAdapter } from '../../lessons/sites/types';
import { createGuideController } from './guide';
import { mountOverlayHost, type OverlayHost } from './mount';
import { requestTrainerModeWhenOn } from './trainer-hook';

/**
 * The guide on one tab of `site`. The runtime is the same for the four networks; each has its own small entry
 * (entrypoints/<network>.content.ts), so that a tab carries only its own network's site knowledge.
 */
export async function runGuide(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  // Until the guide is on for this network, the script only listens for the switch. Once it is on, the overlay is
  // mounted when the background's first answer is in, so the page sees one render with everything, not several.
  let ui: (OverlayHost & { root: Root }) | null = null;
  let running = false;
  const guide = createGuideController(ctx, site, (pageKind, answered) => {
    if (!ui && answered && running) {
      const mounted = mountOverlayHost({ 'data-network': site.network });
      const root = createRoot(mounted.container);
      root.render(<Overlay store={guide.overlay} />);
      ui = { ...mounted, root };
      performance.mark('training-wheels:ready');
    }
    ui?.host.setAttribute('data-page-kind', pageKind ?? '');
  });

  const start = (settings: GuideSettings) => {
    running = true;
    guide.start(settings);
  };
  const stop = () => {
    running = false;
    guide.stop();
    ui?.root.unmount();
    ui?.remove();
    ui = null;
  };
  const apply = (settings: GuideSettings) => (isGuideOn(settings, site.network) ? start(settings) : stop());

  // Listen first, so that a switch flipped while we read is not missed; on invalidation (the extension was
  // updated or removed) everything goes, quietly.
  ctx.onInvalidated(watchSettings(apply));
  ctx.onInvalidated(stop);
  // Trainer mode (options page switch): the anchor picker, independent of the guide, injected only when on.
  ctx.onInvalidated(requestTrainerModeWhenOn());
  apply(await readSettings());
}
