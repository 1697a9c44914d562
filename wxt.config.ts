import { resolve } from 'node:path';
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

// The overlay's UI runs on the tabs of four heavy sites: its React code is served by Preact's core and
// hooks through two small modules (see components/overlay/react-lite.ts; BENCHMARKS.md has the figures).
// Popup, options and welcome pages keep React 19.
const overlayReact = resolve(__dirname, 'components/overlay/react-lite.ts');
const overlayReactDom = resolve(__dirname, 'components/overlay/react-dom-lite.ts');
const contentScriptAliases = [
  { find: /^react$/, replacement: overlayReact },
  { find: /^react-dom\/client$/, replacement: overlayReactDom },
  { find: /^react\/jsx(-dev)?-runtime$/, replacement: 'preact/jsx-runtime' },
];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader sees where `browser` or `storage` come from.
  imports: false,
  vite: () => ({ plugins: brandPack ? [brandPackPlugin(brandPack)] : [] }),
  // TW_OUT_DIR lets a second build (a benchmark, a branded build) live beside the usual one.
  outDir: process.env.TW_OUT_DIR ?? '.output',
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
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      // The content scripts and the overlay's UI, which the background injects into the same isolated world.
      if (!entrypoints.some((e) => e.type === 'content-script' || e.name === 'overlay-ui')) return;
      const alias = config.resolve?.alias ?? {};
      const existing = (
        Array.isArray(alias)
          ? alias
          : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: replacement as string }))
      )
        // The content script uses only promise-based APIs that Chrome MV3 and Firefox both provide natively
        // (storage, i18n, runtime), so it skips webextension-polyfill (~3.5 KB gzip on every tab); the
        // background, popup and options keep it.
        .filter(({ find }) => find !== 'wxt/browser');
      config.resolve ??= {};
      config.resolve.alias = [...contentScriptAliases, ...existing];
    },
  },
});
