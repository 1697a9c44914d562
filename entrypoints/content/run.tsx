import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Overlay } from '../../components/overlay/Overlay';
import { browser } from 'wxt/browser';
import { isGuideOn, readSettings, sameSettings, settingsFrom, SETTINGS_KEYS, type GuideSettings } from '../../components/state/settings';
import { TRAINER_MODE_KEY } from '../../components/trainer/flag';
import type { SiteAdapter } from '../../lessons/sites/types';
import { createGuideController } from './guide';
import { mountOverlayHost, type OverlayHost } from './mount';
import { requestTrainerMode } from './trainer-hook';

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
  let applied: GuideSettings | null = null;
  const apply = (settings: GuideSettings) => {
    if (applied && sameSettings(applied, settings)) return; // another learner field changed, not the switches
    applied = settings;
    if (isGuideOn(settings, site.network)) start(settings);
    else stop();
  };

  // One storage read and one change listener for the whole tab (each listener is called in every open tab on
  // every write): the switches, trainer mode's flag (the anchor picker, injected only when a trainer turns it on)
  // and the keys the guide shows. Listen first, so that a switch flipped while we read is not missed; on
  // invalidation (the extension was updated or removed) everything goes, quietly.
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (TRAINER_MODE_KEY in changes) requestTrainerMode(changes[TRAINER_MODE_KEY]!.newValue);
    if (SETTINGS_KEYS.some((key) => key in changes)) void readSettings().then(apply);
    guide.storageChanged(Object.keys(changes));
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  ctx.onInvalidated(stop);
  const snapshot = (await browser.storage.local.get([...SETTINGS_KEYS, TRAINER_MODE_KEY])) as Record<string, unknown>;
  requestTrainerMode(snapshot[TRAINER_MODE_KEY]);
  apply(settingsFrom(snapshot));
}
