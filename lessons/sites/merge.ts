// A pack's additions and repairs of anchor strategies, merged over a network's registry. Pure, and free of any
// network's data, so a content script that imports it carries only its own network's anchors.
import type { AnchorDef, AnchorRegistry, AnchorStrategy } from './types';

/**
 * A pack's repair of one anchor: its strategies go first (a trainer fixes a broken anchor without a release) unless
 * `replace` is true, in which case they are the only ones; the other fields override the base when given.
 * A pack may also define a brand-new anchor (then `strategies` is required and used as is).
 */
export type AnchorOverride = Partial<AnchorDef> & { strategies?: AnchorStrategy[]; replace?: boolean };

/** Pure: returns a new registry; neither input is changed. */
export function mergeAnchors(
  base: AnchorRegistry,
  overrides: Record<string, AnchorOverride | AnchorStrategy[]> | undefined,
): AnchorRegistry {
  const merged: AnchorRegistry = { ...base };
  for (const [name, raw] of Object.entries(overrides ?? {})) {
    const override: AnchorOverride = Array.isArray(raw) ? { strategies: raw } : raw;
    const { replace, strategies = [], ...fields } = override;
    const current = base[name];
    if (!current) {
      if (strategies.length) merged[name] = { ...fields, strategies: [...strategies] };
      continue;
    }
    const kept = replace ? [] : current.strategies.filter((s) => !strategies.some((o) => sameStrategy(o, s)));
    merged[name] = { ...current, ...fields, strategies: [...strategies, ...kept] };
  }
  return merged;
}

function sameStrategy(a: AnchorStrategy, b: AnchorStrategy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
