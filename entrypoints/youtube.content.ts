import { defineContentScript } from 'wxt/utils/define-content-script';
import { MATCHES_BY_NETWORK } from '../lessons/sites/matches';
import { youtube } from '../lessons/sites/youtube';
import { runGuide } from './content/run';

export default defineContentScript({
  matches: MATCHES_BY_NETWORK.youtube,
  runAt: 'document_idle',
  cssInjectionMode: 'manual', // the overlay inlines its stylesheet into its own shadow root (content/mount.ts)
  main: (ctx) => runGuide(ctx, youtube),
});
