// Trainer mode on a network's page (switched on in the options page: storage.local `trainerMode`). Hovering
// outlines a control; clicking it proposes a robust anchor definition and a draft step, copyable as YAML. While
// picking, clicks go to trainer mode only (captured before the page sees them); Escape stops picking.
import { browser } from 'wxt/browser';
import { resolveLocale, type Locale } from '../i18n-core';
import { readSettings } from '../state/settings';
import { TRAINER_MODE_KEY } from './flag';
import { createTrainerPanel, type TrainerPanel } from './panel';
import { pickTarget, propose } from './propose';
import type { SiteAdapter } from '../../lessons/sites/types';

function startTrainerMode(site: SiteAdapter, locale: Locale): () => void {
  let picking = true;
  const panel: TrainerPanel = createTrainerPanel(locale);
  const candidate = (event: Event) => {
    const target = event.composedPath()[0];
    // Never our own UI: the trainer panel, or the overlay's host (a child of <html> beside <head> and <body>, whose
    // closed shadow root hides what is inside it).
    const ours = !(target instanceof Element) || panel.owns(target) || (target.parentElement === document.documentElement && target !== document.body && target !== document.head);
    return picking && !ours ? pickTarget(target as Element) : null;
  };
  const onMove = (event: Event) => panel.outline(candidate(event));
  const onClick = (event: Event) => {
    if (!event.isTrusted) return; // only the trainer's own clicks pick, never one the page makes up
    const target = candidate(event);
    if (!target) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // Picking goes on: another click replaces the proposal; Escape stops.
    if (event.type === 'click') panel.show(propose(target, site.network, site.pageKind(new URL(location.href))));
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') panel.outline((picking = false) || null);
  };
  const listeners: Array<[string, EventListener]> = [
    ['pointerover', onMove],
    ['pointerdown', onClick],
    ['mousedown', onClick],
    ['click', onClick],
    ['keydown', onKey as EventListener],
  ];
  for (const [type, listener] of listeners) window.addEventListener(type, listener, true);
  return () => {
    for (const [type, listener] of listeners) window.removeEventListener(type, listener, true);
    panel.remove();
  };
}

/**
 * Follows the `trainerMode` flag: starts and stops trainer mode on this tab. This code is injected by the
 * background only into the tabs of a trainer who switched the mode on (entrypoints/trainer-mode.ts), so learners'
 * tabs never carry it. Returns the unsubscribe function.
 */
export function watchTrainerMode(site: SiteAdapter): () => void {
  let stop: (() => void) | null = null;
  let wanted = false;
  const apply = (on: unknown) => {
    wanted = on === true;
    // In the learner's chosen language (the browser's when they chose none).
    if (wanted && !stop)
      void readSettings().then((settings) => {
        if (wanted && !stop) stop = startTrainerMode(site, resolveLocale(settings.locale, browser.i18n.getUILanguage()));
      });
    else if (on !== true && stop) (stop(), (stop = null));
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && TRAINER_MODE_KEY in changes) apply(changes[TRAINER_MODE_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(TRAINER_MODE_KEY).then((r) => apply(r[TRAINER_MODE_KEY]));
  return () => {
    browser.storage.onChanged.removeListener(listener);
    apply(false);
  };
}
