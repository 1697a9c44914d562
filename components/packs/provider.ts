// Background side of the runtime packs: answers each content script with its network's slice of the packs in use.
import { browser } from 'wxt/browser';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { isPacksRequest, packsForNetwork } from './runtime';

/** The packs in use. Today the bundled default pack; trainers' packs join it here. */
export function packsInUse(): Pack[] {
  return [DEFAULT_PACK];
}

export function servePacksToContentScripts(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isPacksRequest(message)) return undefined;
    return Promise.resolve(packsForNetwork(packsInUse(), message.network));
  });
}
