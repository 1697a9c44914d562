// Trainer presets in force: pack settings, then presets stored by policy or an activated pack, field by field.
// Pure; the pages (popup, options, welcome) and the background's guide service share it.
import type { Pack, PackSettings } from '../pack/types';

/** Presets as stored (policy or pack), with where they come from. */
export type StoredPresets = PackSettings & { source?: string };

/**
 * The trainer presets in force: the first pack that has settings, then the stored `presets` (policy or a pack the
 * trainers' issue activated) field by field on top.
 */
export function effectivePresets(stored: StoredPresets | null | undefined, packs: readonly Pack[]): PackSettings & { source?: string } {
  const fromPack = packs.find((p) => p.settings)?.settings ?? {};
  const merged: PackSettings & { source?: string } = { ...fromPack };
  if (stored) {
    for (const key of ['entryPath', 'skipQuestionnaire', 'learnerCanSwitch', 'source'] as const) if (stored[key] !== undefined) (merged as Record<string, unknown>)[key] = stored[key];
    if (stored.perNetwork) merged.perNetwork = { ...merged.perNetwork, ...stored.perNetwork };
  }
  return merged;
}

export const pathLocked = (presets: PackSettings) => presets.learnerCanSwitch === false && Boolean(presets.entryPath || Object.keys(presets.perNetwork ?? {}).length);
