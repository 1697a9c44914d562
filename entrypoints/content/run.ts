import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { takeOverlayUi, type MountedOverlay, type OverlayRenderer } from '../../components/overlay/ui-slot';
import { isGuideChanged } from '../../components/state/guide-protocol';
import type { SiteAdapter } from '../../lessons/sites/types';
import { createGuideController } from './guide';

/**
 * The guide on one tab of `site`. The runtime is the same for the four networks; each has its own small entry
 * (entrypoints/<network>.content.ts), so that a tab carries only its own network's site knowledge. The overlay's UI
 * is not part of it: the background injects it with its first answer that the guide is on here (ui-slot.ts).
 */
export function runGuide(ctx: ContentScriptContext, site: SiteAdapter): void {
  // The overlay is mounted when the background's first answer says the guide is on here, so the page sees one
  // render with everything, not several; it goes when an answer says the guide is off.
  let renderer: OverlayRenderer | null = null;
  let ui: MountedOverlay | null = null;
  const unmount = () => {
    ui?.remove();
    ui = null;
  };
  const guide = createGuideController(ctx, site, {
    needsUi: () => renderer === null,
    onPage: (pageKind, visible) => {
      if (visible === false) return unmount();
      if (visible && !ui) {
        // Not there when the background could not inject it (or could not be reached before it did): nothing can
        // be drawn, and the next answer brings it.
        renderer ??= takeOverlayUi();
        if (!renderer) return;
        ui = renderer.mount({ 'data-network': site.network }, guide.overlay);
        performance.mark('training-wheels:ready');
      }
      ui?.host.setAttribute('data-page-kind', pageKind ?? '');
    },
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
