// Which of our scripts run in the networks' tabs, decided by the background. A network's guide
// (entrypoints/guide-<network>.ts) is registered as a content script only while the learner has the guide on there,
// and unregistered when they switch it off: a tab where the guide is off runs none of our code (its running copy
// hears of the switch from the guide service and stops whole). Switched on, the guide is also injected into that
// network's open tabs, so nobody has to reload them; likewise at install and after an update or a reload of the
// extension (the new copy takes the place of the old one, whose extension context is gone). Trainer mode
// (entrypoints/trainer-mode.ts) is registered the same way while a trainer has it on.
import { browser, type PublicPath } from 'wxt/browser';
import { MATCHES_BY_NETWORK, SITE_MATCHES } from '../../lessons/sites/matches';
import { NETWORKS } from '../../lessons/sites/types';
import { TRAINER_MODE_KEY } from '../trainer/flag';
import { isGuideOn, SETTINGS_KEYS, settingsFrom } from './settings';

interface OurScript {
  id: string;
  file: Extract<PublicPath, `/${string}.js`>;
  matches: string[];
}

const GUIDE_SCRIPTS: OurScript[] = NETWORKS.map((network) => ({ id: `guide-${network}`, file: `/guide-${network}.js`, matches: MATCHES_BY_NETWORK[network] }));
const TRAINER_SCRIPT: OurScript = { id: 'trainer-mode', file: '/trainer-mode.js', matches: SITE_MATCHES };
const OURS = new Set([...GUIDE_SCRIPTS, TRAINER_SCRIPT].map((s) => s.id));

/** The scripts that should run in the networks' tabs, from storage (the learner's switches, the trainer's flag). */
async function wantedScripts(): Promise<OurScript[]> {
  const stored = await browser.storage.local.get([...SETTINGS_KEYS, TRAINER_MODE_KEY]);
  const settings = settingsFrom(stored);
  const guides = GUIDE_SCRIPTS.filter((_, index) => isGuideOn(settings, NETWORKS[index]!));
  return stored[TRAINER_MODE_KEY] === true ? [...guides, TRAINER_SCRIPT] : guides;
}

/** A registration as we make it, to tell one made by an older version (other files or matches) from ours. */
const shapeOf = (s: { js?: string[]; matches?: string[]; runAt?: string }) =>
  JSON.stringify([(s.js ?? []).map((file) => file.replace(/^\//, '')), [...(s.matches ?? [])].sort(), s.runAt ?? 'document_idle']);
const shapeOfOurs = (s: OurScript) => shapeOf({ js: [s.file], matches: s.matches, runAt: 'document_idle' });

/** Runs `script` in each open tab it matches (the top frame, as registered). A tab that cannot take it is left alone. */
async function reachOpenTabs(script: OurScript): Promise<void> {
  const tabs = await browser.tabs.query({ url: script.matches }).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded) continue;
    browser.scripting.executeScript({ target: { tabId: tab.id }, files: [script.file] }).catch(() => undefined);
  }
}

/**
 * Brings the registrations in line with storage. A script newly registered is also run in the open tabs it matches
 * (switched on: no reload needed); with `everywhere`, every wanted one is (install, update, reload).
 */
async function sync(everywhere: boolean): Promise<void> {
  const wanted = await wantedScripts();
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => OURS.has(s.id));
  const current = new Map(registered.map((s) => [s.id, shapeOf(s)]));
  const wantedIds = new Set(wanted.map((s) => s.id));
  const outdated = registered.filter((s) => !wantedIds.has(s.id) || wanted.some((w) => w.id === s.id && shapeOfOurs(w) !== current.get(s.id)));
  if (outdated.length) await browser.scripting.unregisterContentScripts({ ids: outdated.map((s) => s.id) });
  const missing = wanted.filter((s) => current.get(s.id) !== shapeOfOurs(s));
  if (missing.length) {
    await browser.scripting.registerContentScripts(
      missing.map((s) => ({ id: s.id, matches: s.matches, js: [s.file.slice(1)], runAt: 'document_idle' as const, persistAcrossSessions: true })),
    );
  }
  for (const script of everywhere ? wanted : missing) await reachOpenTabs(script);
}

/**
 * Keeps the registrations in line with the learner's switches and the trainer's flag (call synchronously at the
 * background's start). Syncs run one after another, each reading storage afresh, so quick switching settles on the
 * last state.
 */
export function keepGuideScriptsRegistered(migration: Promise<unknown>): void {
  let queue: Promise<void> = migration.then(
    () => undefined,
    () => undefined,
  );
  const enqueue = (everywhere: boolean) => {
    queue = queue.then(() => sync(everywhere)).catch((error: unknown) => console.error('Training Wheels: registering the guide scripts failed', error));
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') enqueue(true);
  });
  browser.runtime.onStartup.addListener(() => enqueue(false));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && [...SETTINGS_KEYS, TRAINER_MODE_KEY].some((key) => key in changes)) enqueue(false);
  });
  // Every start of the background: a registration lost (or made by an older version) is put right.
  enqueue(false);
}
