// The guide's on/off switches, kept in storage.local (the single source of truth for every context).
import { storage } from 'wxt/utils/storage';
import { NETWORKS, type Network } from '../../lessons/sites/types';
import type { LocalePreference } from '../i18n';

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

export function withNetworkToggled(settings: GuideSettings, network: Network, on: boolean): GuideSettings {
  const others = settings.disabledNetworks.filter((n) => n !== network);
  return { ...settings, disabledNetworks: on ? others : [...others, network] };
}

export const settingsItem = storage.defineItem<GuideSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<GuideSettings> {
  return sanitizeSettings(await settingsItem.getValue()).value;
}

export function watchSettings(callback: (settings: GuideSettings) => void): () => void {
  return settingsItem.watch((value) => callback(sanitizeSettings(value).value));
}
