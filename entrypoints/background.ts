import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followEnterprisePolicy } from '../components/packs/policy-background';
import { scheduleSubscriptionChecks } from '../components/packs/provider';
import { localArea } from '../components/state/area';
import { keepGuideScriptsRegistered } from '../components/state/guide-scripts';
import { serveGuideToContentScripts } from '../components/state/guide-service';
import { migrateAndRepair } from '../components/state/migrate';
import { runXapiOutbox } from '../components/xapi/background';

/** Brings stored data to the current schema and repairs damaged values (a notice tells the learner). */
function migrateStorage(): Promise<unknown> {
  return migrateAndRepair(localArea()).catch((error: unknown) => console.error('Training Wheels: storage migration failed', error));
}

/** First install: the welcome page with the questionnaire. Updates keep the learner's state and open nothing. */
function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
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
  // The policy writes into the learner's storage: after the migration brought it to the current schema.
  followEnterprisePolicy(migrated);
});
