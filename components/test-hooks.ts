// The test build's flag (`TW_TEST_HOOKS=1 wxt build`, `npm run build:test`; wxt.config.ts defines it): it gives the
// overlay an open shadow root and a host that says what it shows, so the end-to-end tests can reach inside. The
// production build has it false, and the bundler drops every branch it guards: the page sees a closed shadow root
// on a bare element, and nothing else of ours.
declare const __TW_TEST_HOOKS__: boolean | undefined;

export const TEST_HOOKS: boolean = typeof __TW_TEST_HOOKS__ === 'boolean' && __TW_TEST_HOOKS__;
