import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCHES_BY_NETWORK } from '../lessons/sites/matches';
import { facebook } from '../lessons/sites/facebook';
import { runGuide } from './content/run';

export default defineContentScript({
  matches: MATCHES_BY_NETWORK.facebook,
  runAt: 'document_idle',
  cssInjectionMode: 'manual', // the overlay inlines its stylesheet into its own shadow root (content/mount.ts)
  main: (ctx) => runGuide(ctx, facebook),
});
