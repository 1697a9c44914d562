// Issue 15, item 9, as the learner sees it: a refused import (too large, too many entries, storage full) is said in
// their language, says that nothing they had was lost, and a pack the storage refuses is reported, not thrown away.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoryStore, type KeyValueStore } from '../../components/packs/db';
import { createPackManager } from '../../components/packs/registry';
import { refreshSubscription } from '../../components/packs/subscribe';
import { localArea } from '../../components/state/area';
import { MAX_IMPORT_BYTES, type ImportFailure } from '../../components/state/transfer';
import { checkMessage } from '../../entrypoints/options/PacksSection';
import { learnerFileTooLarge, learnerImportMessage, packFileTooLarge, packSaveFailed } from '../../entrypoints/options/import-messages';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { tinyPack } from './packs-helpers';

const REASONS: ImportFailure[] = ['not-json', 'not-export', 'newer-version', 'too-large', 'too-many-keys', 'storage-full', 'write-failed'];
const readable = (text: string) => {
  expect(text.length).toBeGreaterThan(15);
  expect(text).not.toMatch(/\$[A-Z0-9_]+\$|undefined|\[object Object\]/);
};

describe('item 9: refused imports, said in both languages', () => {
  it.each(REASONS)('learner data: %s', (reason) => {
    const result = { ok: false as const, reason, detail: 'QUOTA_BYTES quota exceeded' };
    const [en, fr] = [learnerImportMessage('en', result), learnerImportMessage('fr', result)];
    readable(en);
    readable(fr);
    expect(fr).not.toBe(en);
    if (reason === 'storage-full' || reason === 'write-failed') {
      expect(en).toMatch(/nothing was imported and your data is as it was/);
      expect(fr).toMatch(/rien n'a été importé et vos données sont intactes/);
    }
  });

  it('files over the limits are refused before they are read', () => {
    expect(learnerFileTooLarge('en', MAX_IMPORT_BYTES + 1)).toMatch(/too large/);
    expect(learnerFileTooLarge('fr', MAX_IMPORT_BYTES + 1)).toMatch(/trop volumineux/);
    expect(learnerFileTooLarge('en', 1000)).toBeNull();
    readable(packFileTooLarge('fr', 'big.yaml', 5e6, 1_250_000)!);
    expect(packFileTooLarge('en', 'small.yaml', 5e3, 1_250_000)).toBeNull();
  });

  it('a storage quota error saving a pack is reported in both languages', () => {
    const quota = new Error('QuotaExceededError: the quota has been exceeded');
    expect(packSaveFailed('en', quota)).toMatch(/storage in this browser is full/);
    expect(packSaveFailed('fr', quota)).toMatch(/stockage de l'extension dans ce navigateur est plein/);
    readable(packSaveFailed('fr', new Error('IndexedDB broke')));
  });
});

describe('item 9: a subscription the storage refuses keeps the last good pack', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports the failure on the entry instead of throwing', async () => {
    const bodies = memoryStore<Pack>();
    const manager = createPackManager({ area: localArea(), bodies, bundled: DEFAULT_PACK });
    await manager.install(tinyPack('acme.sub', '1.0.0'), 'url', { url: 'https://packs.example/p.json' });
    const full: KeyValueStore<Pack> = { ...bodies, set: async () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) };
    const refusing = createPackManager({ area: localArea(), bodies: full, bundled: DEFAULT_PACK });
    const fetch = async () => new Response(JSON.stringify(tinyPack('acme.sub', '2.0.0')));
    const outcome = await refreshSubscription(refusing, { url: 'https://packs.example/p.json', expectedId: 'acme.sub' }, fetch);
    expect(outcome).toMatchObject({ ok: false, check: { failure: 'storage' } });
    const entry = (await manager.read()).entries.find((e) => e.id === 'acme.sub')!;
    expect(entry.version).toBe('1.0.0');
    expect((await bodies.get('acme.sub'))?.version).toBe('1.0.0');
    expect(checkMessage('fr', entry.check, entry.version)).toMatch(/stockage/);
    expect(checkMessage('en', entry.check, entry.version)).toMatch(/storage/);
  });
});
