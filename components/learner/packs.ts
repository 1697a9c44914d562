// The packs the learner's pages show: the packs in use (bundled, imported, URL and policy packs, enabled ones
// only), read once from the pack manager and again whenever its registry changes. Until they are read, the bundled
// pack alone, so the first render never waits.
import { browser } from 'wxt/browser';
import { create } from 'zustand';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { packsInUse } from '../packs/provider';
import { REGISTRY_KEY } from '../packs/registry';

const usePacks = create<{ packs: readonly Pack[] }>(() => ({ packs: [DEFAULT_PACK] }));
let following = false;

function follow(): void {
  if (following) return;
  following = true;
  const load = () => void packsInUse().then((packs) => usePacks.setState({ packs }));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && REGISTRY_KEY in changes) load();
  });
  load();
}

/** The packs in use, as last read (synchronous: for the learner store's fold and for render code). */
export function learnerPacks(): readonly Pack[] {
  follow();
  return usePacks.getState().packs;
}

/** Re-renders the page's root when the packs in use change; children then read learnerPacks(). */
export function useLearnerPacks(): readonly Pack[] {
  follow();
  return usePacks((s) => s.packs);
}

export { effectivePresets, pathLocked } from '../../lessons/engine/presets';
