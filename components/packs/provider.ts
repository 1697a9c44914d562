// The packs in use (the bundled pack and the trainers' enabled packs) for the background and the extension pages,
// and the scheduled updates of subscribed packs.
import { browser } from 'wxt/browser';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { localArea } from '../state/area';
import { idbStore } from './db';
import { REGISTRY_KEY, createPackManager, type PackManager } from './registry';
import { checkAllSubscriptions } from './subscribe';

/** Scheduled check of subscribed packs (URL and policy). */
export const PACK_UPDATE_ALARM = 'tw:pack-updates';
const UPDATE_PERIOD_MINUTES = 6 * 60;

let manager: PackManager | null = null;
/** The one pack manager of this context (extension origin: background or options page). */
export function packManager(): PackManager {
  // DEFAULT_PACK is the pack a branded build baked in, when there is one (see wxt.config.ts).
  manager ??= createPackManager({ area: localArea(), bodies: idbStore<Pack>('packs'), bundled: DEFAULT_PACK });
  return manager;
}

let cached: Promise<Pack[]> | null = null;
let following = false;

/** The enabled packs, bundled first. Cached until the registry changes (in any context). */
export function packsInUse(): Promise<Pack[]> {
  if (!following) {
    following = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && REGISTRY_KEY in changes) cached = null;
    });
  }
  cached ??= packManager()
    .packsInUse()
    .catch((error: unknown) => {
      // IndexedDB unavailable or damaged: the bundled pack alone still teaches.
      console.error('Training Wheels: packs unavailable, using the bundled pack', error);
      cached = null;
      return [DEFAULT_PACK];
    });
  return cached;
}

/** Checks subscribed packs every few hours; a failed check keeps the last good pack (see ./subscribe.ts). */
export function scheduleSubscriptionChecks(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PACK_UPDATE_ALARM) void checkAllSubscriptions(packManager(), (url, init) => fetch(url, init));
  });
  void browser.alarms.get(PACK_UPDATE_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(PACK_UPDATE_ALARM, { delayInMinutes: 1, periodInMinutes: UPDATE_PERIOD_MINUTES });
  });
}
