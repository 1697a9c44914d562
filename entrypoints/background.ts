import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followEnterprisePolicy } from '../components/packs/policy-background';
import { scheduleSubscriptionChecks } from '../components/packs/provider';
import { localArea } from '../components/state/area';
import { keepGuideScriptsRegistered } from '../components/state/guide-scripts';
import { serveGuideToContentScripts } from '../components/state/guide-service';
import { migrateAndRepair } from '../components/state/migrate';
import { KEY } from '../components/state/schema';
import { runXapiOutbox } from '../components/xapi/background';
import { runContentHealth } from '../components/health/background';

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

export default defineBackground(() => {
  // Listeners first and synchronously: a worker woken by an event must have them registered at once.
  openWelcomeOnInstall();
  const migrated = migrateStorage();
  // The networks' tabs run the guide only where the learner has it on (and reach it without a reload).
  keepGuideScriptsRegistered(migrated);
  serveGuideToContentScripts(migrated);
  scheduleSubscriptionChecks();
  runXapiOutbox();
  runContentHealth();
  // The policy writes into the learner's storage: after the migration brought it to the current schema.
  followEnterprisePolicy(migrated);
});
