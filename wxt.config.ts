import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './lessons/sites/matches';
import { brandPackPlugin, loadBrandPack } from './components/packs/brand';
import { OPTIONAL_ORIGINS } from './components/packs/origins';
import { XAPI_DATA_COLLECTION } from './components/xapi/data-collection';

// Branded build (TRAINERS.md): TW_PACK names a pack baked in as the default; a broken pack stops the build here.
const brandPack = process.env.TW_PACK ? loadBrandPack(process.env.TW_PACK) : null;
/** The Firefox build's minimum version (.ci/run checks the installed firefox-esr against it). */
const FIREFOX_MIN_VERSION = '142.0';
/**
 * The Chrome build's minimum version: URL.canParse (the policy's checks, Chrome 120) and checkVisibility's
 * visibilityProperty option (the anchor resolver, 121). .ci/run checks the installed chromium against it.
 */
const CHROMIUM_MIN_VERSION = '121';

// A test build (`TW_TEST_HOOKS=1`, `npm run build:test`) differs from the one that ships in one flag only
// (components/test-hooks.ts: the overlay's shadow root open, its host labelled), and goes to .output/<target>-test,
// which the end-to-end tests load; `npm run build` makes the production build in .output/<target>.
const testHooks = process.env.TW_TEST_HOOKS === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` or `storage` come from.
  imports: false,
  vite: () => ({
    plugins: brandPack ? [brandPackPlugin(brandPack)] : [],
    define: { __TW_TEST_HOOKS__: JSON.stringify(testHooks) },
  }),
  // TW_OUT_DIR lets a second build (a benchmark, a branded build) live beside the usual one.
  outDir: process.env.TW_OUT_DIR ?? '.output',
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}${testHooks ? '-test' : ''}`,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: SITE_MATCHES,
    // Pack URLs and an LRS: asked for one origin at a time, when the learner or administrator clicks (TRAINERS.md).
    // Firefox's MV2 build lists optional origins under optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: OPTIONAL_ORIGINS } : { optional_host_permissions: OPTIONAL_ORIGINS }),
    // Enterprise policy keys (Chrome storage.managed; Firefox reads the same keys from policies.json).
    storage: { managed_schema: 'managed_schema.json' },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: CHROMIUM_MIN_VERSION }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'training-wheels@trainingwheels.app',
              strict_min_version: FIREFOX_MIN_VERSION,
              // Nothing leaves the browser unless a trainer's policy names an LRS; then statements (lesson steps done
              // on the networks) do, once the learner agrees: optional website and browsing activity.
              data_collection_permissions: { required: ['none'], optional: [...XAPI_DATA_COLLECTION] },
            },
          },
        }
      : {}),
  }),
});
