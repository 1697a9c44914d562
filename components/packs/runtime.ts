// The lessons a content script needs, and how it gets them. The bundled default pack (~280 KB of JSON) and the
// trainers' packs live with the background; a content script asks for its own network's slice by message when the
// guide is on, so nothing of that size is in the script that runs on every tab.
import type { Pack, PackSettings } from '../../lessons/pack/types';
import type { Network } from '../../lessons/sites/types';

export const PACKS_REQUEST = 'tw:packs-for-network';
/**
 * A small storage.local key the background bumps whenever the packs in use change (import, update, removal,
 * policy): open tabs then ask again for their slice. The packs themselves never go through storage.onChanged.
 */
export const PACKS_REVISION_KEY = 'packsRevision';

export interface PacksRequest {
  type: typeof PACKS_REQUEST;
  network: Network;
}

export interface NetworkPacks {
  /** Enabled packs, each reduced to this network's lessons. */
  packs: Pack[];
  /** Trainer presets from the packs' settings (the first pack that sets a field wins). */
  packSettings: PackSettings;
}

export function isPacksRequest(message: unknown): message is PacksRequest {
  return typeof message === 'object' && message !== null && (message as PacksRequest).type === PACKS_REQUEST;
}

/** Pure: the slice of `packs` a content script on `network` needs. */
export function packsForNetwork(packs: readonly Pack[], network: Network): NetworkPacks {
  const packSettings: PackSettings = {};
  for (const pack of packs) {
    const s = pack.settings;
    if (!s) continue;
    packSettings.entryPath ??= s.entryPath;
    packSettings.skipQuestionnaire ??= s.skipQuestionnaire;
    packSettings.learnerCanSwitch ??= s.learnerCanSwitch;
    if (s.perNetwork?.[network]) packSettings.perNetwork = { ...packSettings.perNetwork, [network]: packSettings.perNetwork?.[network] ?? s.perNetwork[network] };
  }
  return {
    packs: packs.map((pack) => ({ ...pack, lessons: pack.lessons.filter((lesson) => lesson.network === network) })).filter((pack) => pack.lessons.length > 0),
    packSettings,
  };
}
