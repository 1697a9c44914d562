// The packs the learner's pages show. Today: the bundled default pack. The trainers' issue (imported, URL and
// policy packs) extends this list; keep callers going through here so they pick those up.
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack, PackSettings } from '../../lessons/pack/types';
import type { Presets } from '../state/schema';

export function learnerPacks(): readonly Pack[] {
  return [DEFAULT_PACK];
}

/**
 * The trainer presets in force: the first pack that has settings, then the stored `presets` (policy or a pack the
 * trainers' issue activated) field by field on top.
 */
export function effectivePresets(stored: Presets | null, packs: readonly Pack[]): PackSettings & { source?: string } {
  const fromPack = packs.find((p) => p.settings)?.settings ?? {};
  const merged: PackSettings & { source?: string } = { ...fromPack };
  if (stored) {
    for (const key of ['entryPath', 'skipQuestionnaire', 'learnerCanSwitch', 'source'] as const) if (stored[key] !== undefined) (merged as Record<string, unknown>)[key] = stored[key];
    if (stored.perNetwork) merged.perNetwork = { ...merged.perNetwork, ...stored.perNetwork };
  }
  return merged;
}

export const pathLocked = (presets: PackSettings) => presets.learnerCanSwitch === false && Boolean(presets.entryPath || Object.keys(presets.perNetwork ?? {}).length);
