import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isGuideOn, readSettings, sanitizeSettings } from '../../components/state/settings';

describe('guide settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the guide on everywhere', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('a network switched off leaves the others on; the main switch turns everything off', () => {
    const off = { ...DEFAULT_SETTINGS, disabledNetworks: ['x' as const] };
    expect(isGuideOn(off, 'x')).toBe(false);
    expect(isGuideOn(off, 'linkedin')).toBe(true);
    expect(isGuideOn({ ...DEFAULT_SETTINGS, guideEnabled: false }, 'linkedin')).toBe(false);
  });

  it('repairs a stored value of the wrong shape instead of crashing', async () => {
    expect(sanitizeSettings('garbage')).toEqual({ value: DEFAULT_SETTINGS, repaired: true });
    const partly = sanitizeSettings({ guideEnabled: false, disabledNetworks: ['x', 'myspace'], locale: 'de' });
    expect(partly).toEqual({ value: { guideEnabled: false, disabledNetworks: ['x'], locale: 'auto' }, repaired: true });
    await fakeBrowser.storage.local.set({ settings: 42 });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads the v2 learner record, and the v1 key while the migration has not run', async () => {
    await fakeBrowser.storage.local.set({ settings: { guideEnabled: false, disabledNetworks: [], locale: 'fr' } });
    expect(await readSettings()).toEqual({ guideEnabled: false, disabledNetworks: [], locale: 'fr' });
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: true, disabledNetworks: ['youtube'], locale: 'en' } });
    expect(await readSettings()).toEqual({ guideEnabled: true, disabledNetworks: ['youtube'], locale: 'en' });
  });
});
