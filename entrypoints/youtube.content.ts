import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCHES_BY_NETWORK } from '../lessons/sites/matches';
import { youtube } from '../lessons/sites/youtube';
import { runGuide } from './content/run';

export default defineContentScript({
  matches: MATCHES_BY_NETWORK.youtube,
  runAt: 'document_idle',
  cssInjectionMode: 'manual', // the overlay inlines its stylesheet into its own shadow root (overlay/shell.ts)
  // An older copy of this script (before an update) learns of this one from WXT's DOM event alone. The extra
  // window.postMessage WXT also sends reaches the site's own message listeners, and Chromium captures its caller's
  // source position, re-parsing our whole bundle: ~5–7 ms per page load (BENCHMARKS.md).
  noScriptStartedPostMessage: true,
  main: (ctx) => runGuide(ctx, youtube),
});
