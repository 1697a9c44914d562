// The guide's on/off switches and language. Since schema v2 they live inside the learner record (storage.local key
// `learner`, see ./schema.ts); before, they had a key of their own (`settings`). The background decides from them
// whether a page gets a guide (./guide-service.ts); trainer mode reads its language here (readSettings) without a
// store. Pages change them through the learner store (components/state/store.ts).
import { NETWORKS, type Network } from '../../lessons/sites/types';
import type { LocalePreference } from '../i18n-core';
import { localArea, type Area } from './area';
import { KEY, sanitizeLearner } from './schema';

export interface GuideSettings {
  /** The guide everywhere. */
  guideEnabled: boolean;
  /** Networks the learner switched off one by one. */
  disabledNetworks: Network[];
  /** 'auto' follows the browser's language. */
  locale: LocalePreference;
}

export const DEFAULT_SETTINGS: GuideSettings = { guideEnabled: true, disabledNetworks: [], locale: 'auto' };

/** Accepts anything read from storage and returns a well-formed value; `repaired` says whether it had to. */
export function sanitizeSettings(raw: unknown): { value: GuideSettings; repaired: boolean } {
  if (raw == null) return { value: { ...DEFAULT_SETTINGS }, repaired: false };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { value: { ...DEFAULT_SETTINGS }, repaired: true };
  const r = raw as Record<string, unknown>;
  let repaired = false;
  const guideEnabled = typeof r.guideEnabled === 'boolean' ? r.guideEnabled : ((repaired = true), DEFAULT_SETTINGS.guideEnabled);
  const disabledNetworks = Array.isArray(r.disabledNetworks)
    ? r.disabledNetworks.filter((n): n is Network => (NETWORKS as readonly unknown[]).includes(n))
    : ((repaired = true), []);
  if (Array.isArray(r.disabledNetworks) && disabledNetworks.length !== r.disabledNetworks.length) repaired = true;
  const locale = r.locale === 'en' || r.locale === 'fr' || r.locale === 'auto' ? r.locale : ((repaired = true), 'auto' as const);
  return { value: { guideEnabled, disabledNetworks, locale }, repaired };
}

export function isGuideOn(settings: GuideSettings, network: Network): boolean {
  return settings.guideEnabled && !settings.disabledNetworks.includes(network);
}

/** The storage keys the switches are read from. */
export const SETTINGS_KEYS = [KEY.learner, KEY.legacySettings];

/** The switches out of a storage snapshot: the v2 learner record, or the v1 key if the migration has not run yet. */
export function settingsFrom(snapshot: Record<string, unknown>): GuideSettings {
  if (snapshot[KEY.learner] !== undefined) {
    const { guideEnabled, disabledNetworks, locale } = sanitizeLearner(snapshot[KEY.learner]).value;
    return { guideEnabled, disabledNetworks, locale };
  }
  return sanitizeSettings(snapshot[KEY.legacySettings]).value;
}

let area: Area | null = null;
const getArea = () => (area ??= localArea());

export async function readSettings(): Promise<GuideSettings> {
  return settingsFrom(await getArea().get(SETTINGS_KEYS));
}
