// The guide on X (Twitter)'s tabs. Not declared in the manifest: the background registers it as a content script
// while the learner has the guide on there, and injects it into the open tabs when they switch it on
// (components/state/guide-scripts.ts). A plain script rather than WXT's content script, whose start-up dispatches an
// event on the page's document that the page could hear and forge (entrypoints/content/lifetime.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { x } from '../lessons/sites/x';
import { runGuide } from './content/run';

export default defineUnlistedScript(() => runGuide(x));
