import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followEnterprisePolicy } from '../components/packs/policy-background';
import { scheduleSubscriptionChecks } from '../components/packs/provider';
import { localArea } from '../components/state/area';
import { serveGuideToContentScripts } from '../components/state/guide-service';
import { migrateAndRepair } from '../components/state/migrate';
import { KEY } from '../components/state/schema';
import { runXapiOutbox } from '../components/xapi/background';

/** Brings stored data to the current schema and repairs damaged values (a notice tells the learner). */
function migrateStorage(): Promise<unknown> {
  return migrateAndRepair(localArea()).catch((error: unknown) => console.error('Training Wheels: storage migration failed', error));
}

/** Set once the welcome page was opened by the extension: it never opens by itself again. */
const WELCOME_SHOWN = 'welcomeShownAt';

/**
 * First install: the welcome page with the questionnaire, once. Updates keep the learner's state and open nothing. A
 * browser started with the extension on its command line reports an "install" at every start: the page opens only if
 * it never did and the learner has no path yet.
 */
function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install') return;
    const stored = await browser.storage.local.get([WELCOME_SHOWN, KEY.learner]).catch(() => ({}) as Record<string, unknown>);
    const learner = stored[KEY.learner] as { path?: unknown } | undefined;
    if (stored[WELCOME_SHOWN] !== undefined || (learner && learner.path)) return;
    await browser.storage.local.set({ [WELCOME_SHOWN]: Date.now() }).catch(() => undefined);
    void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
}

/**
 * After an update or a reload, Chrome does not put the new content scripts into tabs that are already open. Inject
 * them, so the guide carries on there: the new script tells the old one (whose extension context is gone) to
 * remove its overlay, quietly, and takes its place.
 */
function reattachToOpenTabs(): void {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'update' || !browser.scripting) return;
    for (const script of browser.runtime.getManifest().content_scripts ?? []) {
      const tabs = await browser.tabs.query({ url: script.matches ?? [] });
      for (const tab of tabs) {
        if (tab.id === undefined || tab.discarded) continue;
        // A tab that cannot take scripts (it is loading an error page, say) is simply left as it is.
        const files = (script.js ?? []) as NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;
        browser.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => undefined);
      }
    }
  });
}

export default defineBackground(() => {
  // Listeners first and synchronously: a worker woken by an event must have them registered at once.
  openWelcomeOnInstall();
  reattachToOpenTabs();
  const migrated = migrateStorage();
  serveGuideToContentScripts(migrated);
  scheduleSubscriptionChecks();
  runXapiOutbox();
  // The policy writes into the learner's storage: after the migration brought it to the current schema.
  followEnterprisePolicy(migrated);
});
