import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isGuideOn, readSettings, sanitizeSettings, settingsItem, withNetworkToggled } from '../../components/state/settings';

describe('guide settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the guide on everywhere', async () => {
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('switches one network off without touching the others', () => {
    const off = withNetworkToggled(DEFAULT_SETTINGS, 'x', false);
    expect(isGuideOn(off, 'x')).toBe(false);
    expect(isGuideOn(off, 'linkedin')).toBe(true);
    expect(isGuideOn(withNetworkToggled(off, 'x', true), 'x')).toBe(true);
    expect(isGuideOn({ ...DEFAULT_SETTINGS, guideEnabled: false }, 'linkedin')).toBe(false);
  });

  it('repairs a stored value of the wrong shape instead of crashing', async () => {
    expect(sanitizeSettings('garbage')).toEqual({ value: DEFAULT_SETTINGS, repaired: true });
    const partly = sanitizeSettings({ guideEnabled: false, disabledNetworks: ['x', 'myspace'], locale: 'de' });
    expect(partly).toEqual({ value: { guideEnabled: false, disabledNetworks: ['x'], locale: 'auto' }, repaired: true });
    await fakeBrowser.storage.local.set({ settings: 42 });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists through storage.local', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, guideEnabled: false });
    expect((await fakeBrowser.storage.local.get('learner')).learner).toMatchObject({ guideEnabled: false });
  });
});
