import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { anchorCard } from '../../components/overlay/anchor-card';
import { drawFirstView, firstViewCanDraw } from '../../components/overlay/first-view';
import { followAnchor, isRightToLeft } from '../../components/overlay/follow';
import { fillHintBody } from '../../components/overlay/hint-card';
import { createShell, type OverlayShell } from '../../components/overlay/shell';
import { ot } from '../../components/overlay/strings';
import { lendOverlayKit, takeOverlayUi, type MountedView, type OverlayRenderer } from '../../components/overlay/ui-slot';
import { isGuideChanged } from '../../components/state/guide-protocol';
import { parseRichText } from '../../lessons/pack/richtext';
import type { SiteAdapter } from '../../lessons/sites/types';
import { createGuideController } from './guide';

/**
 * The guide on one tab of `site`. The runtime is the same for the four networks; each has its own small entry
 * (entrypoints/<network>.content.ts), so that a tab carries only its own network's site knowledge. It draws the
 * overlay as a page first shows it (the hint card beside its control, the launcher) by itself; the full UI (tasks,
 * the panel, beacons) is injected by the background when the page needs it (ui-slot.ts), and then takes over.
 */
export function runGuide(ctx: ContentScriptContext, site: SiteAdapter): void {
  lendOverlayKit({ ot, fillHintBody, anchorCard, followAnchor, isRightToLeft, parseRichText });
  let shell: OverlayShell | null = null;
  /** What is drawn in the shell: the first view, or the full UI once `full`. */
  let view: MountedView | null = null;
  let full = false;
  let renderer: OverlayRenderer | null = null;
  let loadingUi = false;
  let visible = false;
  let pageKind = '';

  const unmount = () => {
    view?.remove();
    shell?.remove();
    view = shell = null;
    full = false;
  };

  /** The overlay is drawn when the background's first answer says the guide is on here: one render with everything. */
  const draw = () => {
    if (!visible || full) return;
    const needsFull = !firstViewCanDraw(guide.overlay.getState());
    if (needsFull && !renderer) return void loadUi();
    if (view && !needsFull) return;
    const first = !shell;
    shell ??= createShell({ 'data-network': site.network, 'data-page-kind': pageKind });
    view?.remove();
    view = renderer ? renderer.mount(shell.container, guide.overlay) : drawFirstView(shell.container, guide.overlay);
    full = renderer !== null;
    if (first) performance.mark('training-wheels:ready');
  };

  /** Until the UI comes, the first view stays as it was. A frame that refuses it is asked again at the next change. */
  const loadUi = async () => {
    if (loadingUi) return;
    loadingUi = true;
    renderer = (await guide.loadUi()) ? takeOverlayUi() : null;
    loadingUi = false;
    if (renderer) draw();
  };

  const guide = createGuideController(ctx, site, {
    onPage: (kind, shown) => {
      pageKind = kind ?? '';
      shell?.host.setAttribute('data-page-kind', pageKind);
      if (shown === false) {
        visible = false;
        return unmount();
      }
      if (shown) visible = true;
      draw();
    },
  });
  guide.overlay.subscribe(draw);

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
    visible = false; // a UI still on its way finds nothing to draw
    unmount();
  });
  guide.start();
}
