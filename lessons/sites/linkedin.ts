// LinkedIn: URL → page kind and anchors. Pure data; the resolver lives in entrypoints/content/anchors.ts.
// Saved pages named in `examples` live in ../shared/realpages (read-only, never copied here).
import type { AnchorRegistry, ProfileOwner, SiteAdapter } from './types';

export const LINKEDIN_PAGE_KINDS = [
  'feed',
  'profile',
  'company',
  'search',
  'messaging',
  'notifications',
  'mynetwork',
  'settings',
  'analytics',
] as const;

/** First path segments that are a UI-language prefix rather than a route (seen on shared links: /fr/feed/). */
const LOCALE_SEGMENT = /^(?:[a-z]{2})(?:[-_][a-z]{2})?$/i;
const KNOWN_FIRST_SEGMENTS = new Set(['in', 'feed', 'company', 'showcase', 'school', 'search', 'messaging',
  'notifications', 'mynetwork', 'jobs', 'learning', 'groups', 'events', 'posts', 'pulse', 'help', 'legal', 'mypreferences',
  'psettings', 'analytics', 'me']);

export function linkedinPageKind(url: URL): string | null {
  let parts = url.pathname.split('/').filter(Boolean);
  const first = parts[0];
  if (first && !KNOWN_FIRST_SEGMENTS.has(first) && LOCALE_SEGMENT.test(first)) parts = parts.slice(1);
  const [head, second, third] = parts;
  switch (head) {
    case undefined:
      return 'feed'; // the signed-in root shows the feed
    case 'feed':
      // /feed/update/urn:… is one post on its own page, not the feed (no share box, no list).
      return second === 'update' ? null : 'feed';
    case 'in':
      return second ? 'profile' : null; // /in/x/, /in/x/details/experience/, /in/x/recent-activity/all/
    case 'company':
    case 'showcase': // showcase and school pages use the same organisation top card as company pages
    case 'school':
      return second ? 'company' : null; // /company/x/, /company/x/life/, /company/x/posts/
    case 'search':
      return second === 'results' && third ? 'search' : null; // /search/results/all/, /search/results/people/
    case 'messaging':
      return 'messaging';
    case 'notifications':
      return 'notifications';
    case 'mynetwork':
      return 'mynetwork'; // /mynetwork/, /mynetwork/grow/, /mynetwork/invite-connect/connections/
    // Settings & Privacy since 2023: /mypreferences/d/categories/account, /mypreferences/d/two-step-verification,
    // /mypreferences/d/sessions; the older /psettings/… addresses (still linked from help pages and e-mails) redirect
    // there.
    case 'mypreferences':
    case 'psettings':
      return 'settings';
    // A member's own numbers: one post's analytics (/analytics/post-summary/urn:li:activity:…/), the creator analytics
    // (/analytics/creator/content/, /analytics/creator/audience/) and who viewed the profile (/me/profile-views/).
    case 'analytics':
      return second ? 'analytics' : null;
    case 'me':
      return second === 'profile-views' || second === 'search-appearances' ? 'analytics' : null;
    default:
      return null;
  }
}

const FEED = 'linkedin/feed-2025-04.html';
const PROFILE = 'linkedin/profile-2025-04.html';
const COMPANY = 'linkedin/company-2025-04.html';
const SEARCH = 'linkedin/search-people-2025-04.html';
const FEED_V2 = 'linkedin/feed-domv2-2026-03.html';
const PROFILE_V2 = 'linkedin/profile-domv2-b-2026-04.html';
const ALL_PAGES = [FEED, PROFILE, COMPANY, SEARCH];
// Synthetic pages (tests/e2e/pages) for states no saved page shows: open dialogs, one's own profile, post results.
const SYNTHETIC = 'tests/e2e/pages/';
const SHARE = `${SYNTHETIC}linkedin-share-dialog.html`;
const SHARE_AUDIENCE = `${SYNTHETIC}linkedin-share-audience.html`;
const SHARE_DRAFT = `${SYNTHETIC}linkedin-share-draft.html`;
const INVITE = `${SYNTHETIC}linkedin-invite.html`;
const INVITE_NOTE = `${SYNTHETIC}linkedin-invite-note.html`;
const EDIT_INTRO = `${SYNTHETIC}linkedin-edit-intro.html`;
const MESSAGE = `${SYNTHETIC}linkedin-message.html`;
const SEARCH_POSTS = `${SYNTHETIC}linkedin-search-posts.html`;
const REPOST = `${SYNTHETIC}linkedin-repost.html`;
const COMMENT = `${SYNTHETIC}linkedin-comment.html`;
// An open comment box under a post (never the share box's editor)
const COMMENT_BOX = 'form.comments-comment-box__form, .comments-comment-box form';
const SHARE_PAGES = ['feed', 'company', 'profile'];
// Where a modal can be, only while one is open: the document (its modals are role=dialog layers; the saved pages keep
// aria-hidden video.js dialogs, which do not count), or the 2025 interop outlet whose open shadow root holds the
// invitation modal. A closed state costs one check per pass for every dialog anchor together.
const MODAL = 'body:has([role="dialog"]:not([aria-hidden="true"], [aria-hidden="true"] *, [hidden] *), [role="alertdialog"]:not([aria-hidden="true"] *, [hidden] *)), #interop-outlet';
const INVITE_PAGES = ['profile', 'search', 'mynetwork'];
const DOMV2_PAGES = [FEED_V2, PROFILE_V2];
// Synthetic settings pages (tests/e2e/pages; no saved real page shows LinkedIn's settings).
const SETTINGS_SECURITY = 'tests/e2e/pages/linkedin-settings-security.html';
const SETTINGS_TWO_STEP = 'tests/e2e/pages/linkedin-settings-two-step.html';
const SETTINGS_TWO_STEP_CODE = 'tests/e2e/pages/linkedin-settings-two-step-code.html';
const SETTINGS_VISIBILITY = 'tests/e2e/pages/linkedin-settings-visibility.html';
const SETTINGS_PROFILE_VIEWING = 'tests/e2e/pages/linkedin-settings-profile-viewing.html';
const on = (...pages: string[]) => pages.map((p) => [1, p] as [number, string]);
const notOn = (...pages: string[]) => pages.map((p) => [0, p] as [number, string]);
const others = (...keep: string[]) => notOn(...ALL_PAGES, ...DOMV2_PAGES).filter(([, p]) => !keep.includes(p));

// Global nav, two layouts. Before 2026: `#global-nav`, an id LinkedIn kept for years; the `nav` inside it holds the
// primary links (the logo link before it also points to /feed/, hence the `nav` qualifier). 2026 React layout
// ("dom-v2"): `[data-testid="primary-nav"]`, no ids or stable classes; an item is a link, or a button while it is the
// current page (Home on the feed), and each carries a design-system icon whose id names it (`home-medium`,
// `people-medium`, `messages-medium`, `bell-fill-medium`). Link targets and icon ids do not depend on the UI language;
// role + name is the last fallback.
const NAV = '#global-nav nav';
const PRIMARY_NAV = '[data-testid="primary-nav"] nav';
const navLink = (path: string, icon: string, en: string, fr: string): AnchorRegistry[string] => ({
  strategies: [
    // href shape, any language
    { css: `${NAV} a[href*="linkedin.com/${path}/"], ${NAV} a[href^="/${path}/"]` },
    // dom-v2: the link (its href has no trailing slash), or the button that replaces it on its own page
    { css: `${PRIMARY_NAV} a[href*="linkedin.com/${path}"], ${PRIMARY_NAV} a[href^="/${path}"], ${PRIMARY_NAV} :is(a, button):has(svg[id^="${icon}-"])` },
    { css: `header nav a[href*="/${path}/"]` },
    // the tab named by its label (en/fr only: the handle of last resort)
    { role: 'link', name: { en, fr }, match: 'word' },
    { role: 'button', name: { en, fr }, match: 'word' },
  ],
  withinCss: 'header, [role="banner"], nav',
  examples: on(...ALL_PAGES, ...DOMV2_PAGES),
});

const linkedinAnchors: AnchorRegistry = {
  'linkedin.nav.home': navLink('feed', 'home', 'Home', 'Accueil'),
  'linkedin.nav.network': navLink('mynetwork', 'people', 'My Network', 'Réseau'),
  'linkedin.nav.messaging': navLink('messaging', 'messages', 'Messaging', 'Messagerie'),
  'linkedin.nav.notifications': navLink('notifications', 'bell', 'Notifications', 'Notifications'),
  'linkedin.nav.search': {
    strategies: [
      // data-view-name: LinkedIn analytics hook
      { css: 'input[data-view-name="search-global-typeahead-input"]' },
      { css: '#global-nav-typeahead input, input.search-global-typeahead__input' },
      // dom-v2: the typeahead's input in the primary nav's search region
      { css: '[data-testid="primary-nav"] [role="search"] input[data-testid="typeahead-input"], [data-testid="primary-nav"] input[data-testid="typeahead-input"]' },
      { role: 'combobox', name: { en: 'Search', fr: 'Rechercher' }, match: 'start' },
      { role: 'textbox', name: { en: 'Search', fr: 'Rechercher' }, match: 'start' },
    ],
    withinCss: 'header, [role="banner"], #global-nav',
    count: { max: 1 },
    examples: on(...ALL_PAGES, ...DOMV2_PAGES),
  },
  'linkedin.nav.me': {
    strategies: [
      // The trigger class names the "Me" menu; the dropdown beside it is a different button.
      { css: '#global-nav button.global-nav__primary-link-me-menu-trigger' },
      { css: '#global-nav .global-nav__me button' },
      // dom-v2: the one menu trigger among the primary links (the nav that holds Messaging; "For Business" sits in a
      // second nav); it shows the member's photo or a placeholder avatar, no stable label
      { css: `${PRIMARY_NAV}:has(a[href*="/messaging"]) li > button[aria-expanded]` },
      { role: 'button', name: { en: 'Me', fr: 'Vous' }, match: 'start' },
    ],
    withinCss: 'header, [role="banner"], #global-nav',
    examples: on(...ALL_PAGES, ...DOMV2_PAGES),
  },
  'linkedin.feed.startPost': {
    strategies: [
      // layout before 2025; TODO: remove in 2026 if unseen
      { css: 'button.share-box-feed-entry__trigger' },
      // 2025: the trigger lost its class; it is the only button of the share box's top bar (the avatar is a link).
      { css: '.share-box-feed-entry__top-bar > button' },
      // dom-v2: the share box heads the main feed list; its trigger is the role=button that holds the draft-text
      // component (Video and Photo beside it carry icons, the avatar is a link)
      { css: '[data-testid="mainFeed"] [role="button"]:has([componentkey^="draft-text"])' },
      { css: '[data-testid="mainFeed"] > :first-child [role="button"]:not(:has(svg))' },
      { role: 'button', name: { en: 'Start a post', fr: 'Commencer un post' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    pages: ['feed'],
    examples: [...on(FEED, FEED_V2), ...others(FEED, FEED_V2)],
  },
  'linkedin.feed.firstPost': {
    strategies: [
      // Each post is a role=article carrying its activity urn; the first in document order is the top post.
      { css: '[data-finite-scroll-hotkey-context="FEED"] [role="article"][data-urn]' },
      { css: '[role="article"][data-urn^="urn:li:"]' },
      // dom-v2: the main feed is a role=list (data-testid mainFeed); each post is a listitem (the share box and the
      // sort bar are not)
      { css: '[data-testid="mainFeed"] [role="listitem"]' },
      { css: '[data-view-name="feed-full-update"]' },
      // any article in the main feed
      { role: 'article', name: [] },
    ],
    withinCss: 'main, [role="main"]',
    pages: ['feed'],
    examples: [...on(FEED, FEED_V2), ...others(FEED, FEED_V2)],
  },
  // The profile owner's top card: the first card of <main>. Other people's cards ("More profiles for you",
  // "People you may know") come later and carry their own Connect/Follow buttons, so profile anchors look only here.
  'linkedin.profile.topCard': {
    strategies: [
      // the top card carries the owner member id
      { css: 'main section[data-member-id]' },
      // Both layouts: the only card with the owner's "Contact info" overlay link (dom-v2 has no id or stable class;
      // every card there is a section, the top card first).
      { css: 'main section:has(a[href*="/overlay/contact-info"])' },
      // older layouts; first section with the name
      { css: 'main section.pv-top-card, main section:has(h1)' },
    ],
    pages: ['profile'],
    // Scope for the other profile anchors; not part of ANCHORS.md.
    examples: [...on(PROFILE, PROFILE_V2), ...others(PROFILE, PROFILE_V2)],
  },
  'linkedin.profile.photo': {
    strategies: [
      { css: 'img.pv-top-card-profile-picture__image--show, img.pv-top-card-profile-picture__image' },
      // own profile: the editable photo
      { css: 'img.profile-photo-edit__preview' },
      { css: '.pv-top-card__photo img, [class*="profile-picture"] img' },
      // dom-v2: the link to the profile itself that wraps a picture (the cover photo links to an /overlay/)
      { css: 'a[href*="/in/"]:has(figure img):not([href*="/overlay/"])' },
      // the button around it
      { role: 'button', name: { en: 'profile picture', fr: 'photo de profil' } },
    ],
    within: 'linkedin.profile.topCard',
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_V2), ...others(PROFILE, PROFILE_V2)],
  },
  'linkedin.profile.name': {
    // The name is the top card's h1 (dom-v2: its first h2, every card's title being an h2 there).
    strategies: [{ css: 'h1' }, { css: 'h2' }, { role: 'heading', name: [] }],
    within: 'linkedin.profile.topCard',
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_V2), ...others(PROFILE, PROFILE_V2)],
  },
  'linkedin.profile.headline': {
    strategies: [
      // The headline is the medium body text right under the name; `.text-body-medium` is a design-system class.
      { css: 'div.text-body-medium' },
      // headline carries the AI-suggestion hook
      { css: '[data-generated-suggestion-target]' },
      // dom-v2: the first paragraph after the block that holds the name heading and its pronouns / degree
      // paragraphs (a pronoun paragraph follows the name's own wrapper, inside that block)
      { css: 'div:has(h2):has(p) + p' },
      // the same block without pronouns or degree (one's own profile)
      { css: 'div:has(h2) + p' },
    ],
    within: 'linkedin.profile.topCard',
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_V2), ...others(PROFILE, PROFILE_V2)],
  },
  'linkedin.profile.connect': {
    strategies: [
      // dom-v2: a link to the invitation form, whatever the language
      { css: 'a[href*="/preload/custom-invite/"]' },
      // older layout: the button carries the design system's connect icon (icon name, any language)
      { css: 'button:has(svg[data-test-icon^="connect-"]), button:has(li-icon[type="connect"])' },
      // The aria-label is "Invite <name> to connect"; a plain "Connect" label appears on some layouts.
      { role: 'button', name: { en: 'Invite', fr: 'Inviter' }, match: 'start' },
      { role: 'button', name: { en: 'Connect', fr: 'Se connecter' }, match: 'exact' },
      // dom-v2 renders it as a link
      { role: 'link', name: { en: 'Invite', fr: 'Inviter' }, match: 'start' },
    ],
    within: 'linkedin.profile.topCard',
    pages: ['profile'],
    examples: [...on(PROFILE_V2), ...others(PROFILE_V2)],
    // profile-2025-04 is a 1st-degree connection: no Connect button; the "More" menu is aria-hidden.
  },
  'linkedin.profile.follow': {
    strategies: [
      // "Follow <name>"; `start` keeps "Unfollow" (hidden "More" menu) and "Notify me…" out.
      { role: 'button', name: { en: 'Follow', fr: 'Suivre' }, match: 'start' },
      { role: 'link', name: { en: 'Follow', fr: 'Suivre' }, match: 'start' },
    ],
    // The name is the only handle: no href, icon or attribute tells a Follow button apart in either layout.
    within: 'linkedin.profile.topCard',
    pages: ['profile'],
    // profile-domv2-b: no Follow in the top card (the owner's Follow heads the Activity card, outside the scope).
    examples: [...others(PROFILE_V2)],
  },
  'linkedin.profile.message': {
    strategies: [
      // Message as a link (non-connections; every Message in dom-v2)
      { css: 'a[href*="/messaging/compose"], a[href*="/messaging/thread"]' },
      // older layout: the button with the "send privately" icon (icon name, any language)
      { css: 'button:has(svg[data-test-icon^="send-privately"])' },
      // "Message <first name>"
      { role: 'button', name: { en: 'Message', fr: 'Message' }, match: 'start' },
      { role: 'button', name: { fr: 'Envoyer un message', en: 'Send message' }, match: 'start' },
    ],
    within: 'linkedin.profile.topCard',
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_V2), ...others(PROFILE, PROFILE_V2)],
  },
  'linkedin.company.topCard': {
    strategies: [{ css: 'main section.org-top-card' }, { css: 'main section:has(h1)' }],
    pages: ['company'],
    // Scope for the company anchors; the "similar pages" aside holds other Follow buttons.
    examples: [...on(COMPANY), ...others(COMPANY)],
  },
  'linkedin.company.name': {
    strategies: [{ css: 'h1.org-top-card-summary__title' }, { css: 'h1' }],
    within: 'linkedin.company.topCard',
    pages: ['company'],
    examples: [...on(COMPANY), ...others(COMPANY)],
  },
  'linkedin.company.follow': {
    strategies: [
      // stays on Follow and Following
      { css: 'button.org-company-follow-button' },
      { role: 'button', name: { en: 'Follow', fr: 'Suivre' }, match: 'start' },
      { role: 'button', name: { en: 'Following', fr: 'Abonné' }, match: 'start' },
    ],
    within: 'linkedin.company.topCard',
    pages: ['company'],
    examples: [...on(COMPANY), ...others(COMPANY)],
  },
  'linkedin.search.results': {
    strategies: [
      // The list whose items are result cards; the banner ("Search with Recruiter") and feedback lists come apart.
      { css: 'main ul:has(> li [data-view-name="search-entity-result-universal-template"])' },
      { css: 'main ul:has(> li [data-chameleon-result-urn])' },
      // layout before 2025
      { css: 'ul.reusable-search__entity-result-list' },
    ],
    pages: ['search'],
    examples: [...on(SEARCH), ...others(SEARCH)],
  },
};

// ---- flows: the dialogs and forms a walk goes through ---------------------------------------------------------
// The saved pages show these closed, so every anchor below must match nothing on them (`others()`); the open states
// are synthetic pages in tests/e2e/pages, built from the real markup's structure and labels as public automation
// scripts use them (class names, ids, data-view-name and aria-labels quoted in several of them), each named below.
// Names in English and French come last, as everywhere.
// They are not part of the adapter, so the content script does not carry them: the background sends them with the
// guide (components/state/guide-service.ts) and the content script merges them like a pack's anchors.
export const linkedinFlowAnchors: AnchorRegistry = {
  // ---- settings pages -----------------------------------------------------------------------------------------------
  // Settings & Privacy (/mypreferences/d/…, page kind `settings`), for the account-security lesson. No saved real page
  // shows it: the pages named below are synthetic (tests/e2e/pages), written from the structure and labels LinkedIn's
  // settings had in 2024–2025 (a left rail of category links, each category a list of links to its settings, every
  // setting its own /mypreferences/d/<name> address, artdeco buttons). Unverified on a live page. Link targets come
  // first: they are the addresses LinkedIn's own help and e-mails link to, in every language.
  'linkedin.settings.signInSecurity': {
    strategies: [
      // the category of the left rail (or a link to it from the account category)
      { css: 'a[href*="/mypreferences/d/categories/sign-in-and-security"]' },
      { role: 'link', name: { en: 'Sign in & security', fr: 'Connexion et sécurité' }, match: 'start' },
    ],
    count: { max: 2 }, // the rail's link, and a link back to it on some sub-pages: the first is the rail's
    pages: ['settings'],
    examples: [...others(), [1, SETTINGS_SECURITY], [1, SETTINGS_TWO_STEP], [1, SETTINGS_TWO_STEP_CODE]],
  },
  'linkedin.settings.sessions': {
    strategies: [
      // "Where you're signed in": the list of the member's active sessions (the /psettings/ address redirects to it)
      { css: 'a[href*="/mypreferences/d/sessions"], a[href*="/psettings/sessions"]' },
      // French label as seen in help pages ("Où vous êtes connecté(e)"): a guess, hence `start`
      { role: 'link', name: { en: "Where you're signed in", fr: 'Où vous êtes connecté' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [1, SETTINGS_SECURITY], [0, SETTINGS_TWO_STEP]],
  },
  'linkedin.settings.twoStep': {
    strategies: [
      { css: 'a[href*="/mypreferences/d/two-step-verification"], a[href*="/psettings/two-step-verification"]' },
      { role: 'link', name: { en: 'Two-step verification', fr: 'Vérification en deux étapes' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [1, SETTINGS_SECURITY], [0, SETTINGS_TWO_STEP]],
  },
  'linkedin.settings.twoStepSetUp': {
    strategies: [
      // The two-step page while it is off: its one primary artdeco button starts the enrolment ("Set up"; "Turn on" on
      // older pages). Never the code form's button: that page holds the code field. The setting's page links back to
      // its category (a company page's Follow is a primary button in a main too).
      { css: 'main:has(a[href*="/sign-in-and-security"]):not(:has(input[autocomplete="one-time-code"], input[name="pin"])) button.artdeco-button--primary' },
      { role: 'button', name: { en: 'Set up', fr: 'Configurer' }, match: 'start' },
      { role: 'button', name: { en: 'Turn on', fr: 'Activer' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [0, SETTINGS_SECURITY], [1, SETTINGS_TWO_STEP], [0, SETTINGS_TWO_STEP_CODE]],
  },
  'linkedin.settings.codeInput': {
    strategies: [
      // The field for the code the authenticator app (or the text message) gives: autocomplete=one-time-code is the
      // HTML standard's name for it; `pin` is the name LinkedIn's own sign-in challenge gives its code field.
      { css: 'input[autocomplete="one-time-code"], input[name="pin"]' },
      { role: 'textbox', name: { en: 'code', fr: 'code' }, match: 'word' },
    ],
    withinCss: 'main, [role="main"], [role="dialog"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [0, SETTINGS_TWO_STEP], [1, SETTINGS_TWO_STEP_CODE]],
  },
  'linkedin.settings.codeSubmit': {
    strategies: [
      // the button that sends the code: the submit button of the form holding the code field
      { css: 'form:has(input[autocomplete="one-time-code"], input[name="pin"]) button[type="submit"]' },
      { role: 'button', name: { en: 'Verify', fr: 'Vérifier' }, match: 'start' },
      { role: 'button', name: { en: 'Continue', fr: 'Continuer' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"], [role="dialog"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [0, SETTINGS_TWO_STEP], [1, SETTINGS_TWO_STEP_CODE]],
  },
  // Visibility (/mypreferences/d/categories/profile-visibility), for the privacy-and-audience lesson: the category link,
  // the "Profile viewing options" setting and its choice. Synthetic pages as above (same structure; unverified on a
  // live page). Link targets first, any language.
  'linkedin.settings.visibility': {
    strategies: [
      { css: 'a[href*="/mypreferences/d/categories/profile-visibility"]' },
      // name fallback (en/fr labels of the rail)
      { role: 'link', name: { en: 'Visibility', fr: 'Visibilité' }, match: 'exact' },
    ],
    count: { max: 2 }, // the rail's link, and the setting pages' link back to it: the first is the rail's
    pages: ['settings'],
    examples: [...others(), [1, SETTINGS_SECURITY], [1, SETTINGS_VISIBILITY], [1, SETTINGS_PROFILE_VIEWING]],
  },
  'linkedin.settings.profileViewing': {
    strategies: [
      // the setting's own address (LinkedIn's help links to it)
      { css: 'a[href*="/mypreferences/d/profile-viewing-options"]' },
      // name fallback; the French label is a guess from help pages, hence `start`
      { role: 'link', name: { en: 'Profile viewing options', fr: 'Options de consultation' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [0, SETTINGS_SECURITY], [1, SETTINGS_VISIBILITY], [0, SETTINGS_PROFILE_VIEWING]],
  },
  'linkedin.settings.visibilityChoice': {
    strategies: [
      // A Visibility setting's page: one group of radio options (profile viewing: name and headline, private profile
      // characteristics, private mode), saved as soon as one is chosen (no Save button). The page links back to its
      // category; the group is any of that category's settings (the step sets three of them), never the two-step or
      // sessions pages. Options' labels vary by setting and language: no name fallback, the radio group role instead.
      { css: 'main:has(a[href*="/categories/profile-visibility"]) fieldset:has(input[type="radio"])' },
      { css: 'main:has(a[href*="/categories/profile-visibility"]) [role="radiogroup"]' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...others(), [0, SETTINGS_SECURITY], [0, SETTINGS_TWO_STEP], [0, SETTINGS_VISIBILITY], [1, SETTINGS_PROFILE_VIEWING]],
  },

  'linkedin.profile.editIntro': {
    ownProfile: true,
    strategies: [
      // One's own top card: the intro's edit pencil is a link to the intro form (the same targets tell one's own
      // profile in linkedinProfileOwner); any language.
      { css: 'a[href*="/edit/intro"], a[href*="/edit/forms/intro"]' },
      // as a button, with the design system's edit icon
      { css: 'button:has(svg[data-test-icon="edit-medium"])' },
      { role: 'button', name: { en: 'Edit intro', fr: "Modifier l'intro" }, match: 'start' },
      { role: 'link', name: { en: 'Edit intro', fr: "Modifier l'intro" }, match: 'start' },
    ],
    within: 'linkedin.profile.topCard',
    count: { max: 1 },
    pages: ['profile'],
    // The saved profiles are other people's: no pencil.
    examples: [...others(), [1, EDIT_INTRO]],
  },
  'linkedin.editIntro.dialog': {
    strategies: [
      // The intro form's fields carry the form's name in their ids (…profileEditFormElement-TOP-CARD-profile-<id>-
      // firstName, -headline), whatever the language; the form opens as a modal (its URL: /in/x/edit/forms/intro/).
      { css: '[role="dialog"]:has([id*="profileEditFormElement-TOP-CARD"])' },
      { role: 'dialog', name: { en: 'Edit intro', fr: "Modifier l'intro" }, match: 'start' },
    ],
    withinCss: MODAL,
    pages: ['profile'],
    examples: [...others(), [1, EDIT_INTRO]],
  },
  'linkedin.editIntro.headline': {
    strategies: [
      // The headline field's id ends with "-headline" (an input until 2024, a textarea with AI suggestions since).
      { css: '[id*="profileEditFormElement-TOP-CARD"][id$="-headline"]' },
      { role: 'textbox', name: { en: 'Headline', fr: 'Titre' }, match: 'start' },
    ],
    within: 'linkedin.editIntro.dialog',
    count: { max: 1 },
    pages: ['profile'],
    examples: [...others(), [1, EDIT_INTRO]],
  },
  'linkedin.editIntro.save': {
    strategies: [
      // data-view-name: LinkedIn's analytics hook on every profile form's Save
      { css: 'button[data-view-name="profile-form-save"]' },
      { css: '.artdeco-modal__actionbar button.artdeco-button--primary' },
      { role: 'button', name: { en: 'Save', fr: 'Enregistrer' }, match: 'exact' },
    ],
    within: 'linkedin.editIntro.dialog',
    count: { max: 1 },
    pages: ['profile'],
    examples: [...others(), [1, EDIT_INTRO]],
  },

  // The share box's editor: an artdeco modal holding a Quill editor, the audience button at the top and the Post (or
  // Schedule) button at the bottom. The audience picker and the schedule form replace its content in the same modal.
  'linkedin.share.dialog': {
    strategies: [
      { css: '[role="dialog"]:has(.share-actions__primary-action), [role="dialog"]:has(.ql-editor)' },
      { css: '[role="dialog"]:has(.share-box-footer__primary-btn, .share-unified-settings-entry-button)' },
      { role: 'dialog', name: { en: 'Create post', fr: 'Créer un post' }, match: 'start' },
    ],
    withinCss: MODAL,
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [1, SHARE], [1, SHARE_AUDIENCE], [0, SHARE_DRAFT]],
  },
  'linkedin.share.text': {
    strategies: [
      { css: '.ql-editor[contenteditable="true"]' },
      { css: '[role="textbox"][contenteditable="true"]' },
      { role: 'textbox', name: { en: 'Text editor for creating content', fr: 'Éditeur de texte pour créer du contenu' }, match: 'start' },
    ],
    within: 'linkedin.share.dialog',
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [1, SHARE], [0, SHARE_AUDIENCE]],
  },
  'linkedin.share.audience': {
    strategies: [
      // The button under the author's name ("Post to Anyone"); its class survived the 2023 redesign.
      { css: 'button.share-unified-settings-entry-button' },
      { role: 'button', name: { en: 'Post to', fr: 'Publier pour' }, match: 'word' },
    ],
    within: 'linkedin.share.dialog',
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [1, SHARE], [0, SHARE_AUDIENCE]],
  },
  'linkedin.share.audienceDone': {
    strategies: [
      // The sub-views' footer button (Done in the audience picker, Next in the schedule form)
      { css: 'button.share-box-footer__primary-btn' },
      { role: 'button', name: { en: 'Done', fr: 'Terminé' }, match: 'exact' },
    ],
    within: 'linkedin.share.dialog',
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [0, SHARE], [1, SHARE_AUDIENCE]],
  },
  'linkedin.share.post': {
    strategies: [
      // Post, or Schedule once a time is set: the same primary action
      { css: 'button.share-actions__primary-action' },
      { role: 'button', name: { en: 'Post', fr: 'Publier' }, match: 'exact' },
      { role: 'button', name: { en: 'Schedule', fr: 'Programmer' }, match: 'exact' },
    ],
    within: 'linkedin.share.dialog',
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [1, SHARE], [0, SHARE_AUDIENCE]],
  },
  'linkedin.share.close': {
    strategies: [
      { css: 'button.artdeco-modal__dismiss' },
      { role: 'button', name: { en: 'Dismiss', fr: 'Fermer' }, match: 'start' },
    ],
    within: 'linkedin.share.dialog',
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [1, SHARE]],
  },
  'linkedin.share.saveDraft': {
    strategies: [
      // Closing an editor that holds text asks "Save this post as a draft?": Save as draft is the primary action,
      // Discard the secondary one (artdeco's confirmation dialog marks both).
      { css: 'button[data-test-dialog-primary-btn]' },
      { role: 'button', name: { en: 'Save as draft', fr: 'Enregistrer comme brouillon' }, match: 'start' },
    ],
    // The confirmation, never the editor's own modal
    withinCss: '[role="alertdialog"], [role="dialog"]:not(:has(.ql-editor, .share-actions__primary-action))',
    count: { max: 1 },
    pages: SHARE_PAGES,
    examples: [...others(), [0, SHARE], [1, SHARE_DRAFT]],
  },

  // The invitation: Connect opens a modal ("Add a note to your invitation?"): Add a note, or Send without a note; after
  // Add a note, the note field (a textarea with the id custom-message) and Send. Since 2025 the modal may live in an
  // open shadow root (#interop-outlet), which the resolver searches.
  'linkedin.invite.dialog': {
    strategies: [
      { css: '[role="dialog"]:has(#custom-message, textarea[name="message"])' },
      { css: '[role="dialog"].send-invite, [role="dialog"][data-test-modal-id="send-invite-modal"]' },
      { role: 'dialog', name: { en: 'invitation', fr: 'invitation' }, match: 'word' },
    ],
    withinCss: MODAL,
    count: { max: 1 },
    pages: INVITE_PAGES,
    examples: [...others(), [1, INVITE], [1, INVITE_NOTE]],
  },
  'linkedin.invite.addNote': {
    strategies: [
      // The modal's secondary action while the note field is closed (its primary is Send without a note; once the
      // note is open, the secondary action is Cancel)
      { css: ':scope:not(:has(textarea)) .artdeco-modal__actionbar button.artdeco-button--secondary' },
      { role: 'button', name: { en: 'Add a note', fr: 'Ajouter une note' }, match: 'start' },
      { role: 'button', name: { en: 'Add a free note', fr: 'Ajouter une note gratuite' }, match: 'start' },
    ],
    within: 'linkedin.invite.dialog',
    count: { max: 1 },
    pages: INVITE_PAGES,
    examples: [...others(), [1, INVITE], [0, INVITE_NOTE]],
  },
  'linkedin.invite.note': {
    strategies: [
      { css: 'textarea#custom-message, textarea[name="message"]' },
      { role: 'textbox', name: [], match: 'word' },
    ],
    within: 'linkedin.invite.dialog',
    count: { max: 1 },
    pages: INVITE_PAGES,
    examples: [...others(), [0, INVITE], [1, INVITE_NOTE]],
  },
  'linkedin.invite.send': {
    strategies: [
      // Send, once the note field is open (before it, the primary action sends without a note)
      { css: ':scope:has(textarea) .artdeco-modal__actionbar button.artdeco-button--primary' },
      { role: 'button', name: { en: 'Send invitation', fr: "Envoyer l'invitation" }, match: 'start' },
      { role: 'button', name: { en: 'Send', fr: 'Envoyer' }, match: 'exact' },
    ],
    within: 'linkedin.invite.dialog',
    count: { max: 1 },
    pages: INVITE_PAGES,
    examples: [...others(), [0, INVITE], [1, INVITE_NOTE]],
  },

  // A message box: the overlay's conversation bubble (any page) or the messaging page; both are a form.msg-form.
  // Minimised bubbles (on the saved feed and profile) hold no form.
  'linkedin.message.form': {
    strategies: [{ css: '.msg-form' }],
    examples: [...others(), [1, MESSAGE]],
  },
  'linkedin.message.text': {
    strategies: [
      { css: '.msg-form__contenteditable[contenteditable="true"]' },
      { css: '[role="textbox"][contenteditable="true"]' },
      { role: 'textbox', name: { en: 'Write a message', fr: 'Rédigez un message' }, match: 'start' },
    ],
    within: 'linkedin.message.form',
    count: { max: 1 },
    examples: [...others(), [1, MESSAGE]],
  },
  'linkedin.message.send': {
    strategies: [
      { css: 'button.msg-form__send-button' },
      { css: 'button[type="submit"]' },
      { role: 'button', name: { en: 'Send', fr: 'Envoyer' }, match: 'exact' },
    ],
    within: 'linkedin.message.form',
    count: { max: 1 },
    examples: [...others(), [1, MESSAGE]],
  },

  // Search results: the result-type switcher (People, Posts, Companies…) and, on post results, Sort by.
  'linkedin.search.resultType': {
    strategies: [
      { css: 'button#navigational-filter_resultType' },
      { css: '#search-reusables__filters-bar button[aria-expanded]:first-of-type' },
      { role: 'button', name: { en: 'Filter by', fr: 'Filtrer par' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"], nav',
    count: { max: 1 },
    pages: ['search'],
    examples: [...on(SEARCH), ...others(SEARCH)],
  },
  'linkedin.search.sortBy': {
    strategies: [
      // post results only; its dropdown offers Top match / Latest ("Show results" applies it: ?sortBy=…)
      { css: 'button#searchFilter_sortBy' },
      { role: 'button', name: { en: 'Sort by', fr: 'Trier par' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"], nav',
    count: { max: 1 },
    pages: ['search'],
    // The saved search shows people, which have no Sort by.
    examples: [...others(), [1, SEARCH_POSTS]],
  },

  // A post's Repost button (the first post of the page in document order), then "Repost with your thoughts".
  'linkedin.post.repost': {
    strategies: [
      { css: 'button.social-reshare-button' },
      // dom-v2: the button carrying the repost icon (icon id, any language)
      { css: 'button:has(svg[id^="repost-"]), button:has(svg[data-test-icon^="repost-"])' },
      { role: 'button', name: { en: 'Repost', fr: 'Republier' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    pages: ['feed', 'company'],
    // The saved company overview shows one of its posts.
    examples: [...on(FEED, FEED_V2, COMPANY), ...others(FEED, FEED_V2, COMPANY), [1, REPOST]],
  },
  'linkedin.post.repostWithThoughts': {
    strategies: [
      // The repost dropdown's first item (the second reposts at once); its content is empty until opened.
      { css: '.social-reshare-button__share-dropdown-content [role="button"]:first-of-type' },
      { role: 'button', name: { en: 'Repost with your thoughts', fr: 'Republier avec votre avis' }, match: 'start' },
      { role: 'menuitem', name: { en: 'Repost with your thoughts', fr: 'Republier avec votre avis' }, match: 'start' },
    ],
    // Only an open dropdown or menu: the names are never looked for among every button of the feed.
    withinCss: '.social-reshare-button__share-dropdown-content:not([aria-hidden="true"]), .artdeco-dropdown__content--is-open, [role="menu"]',
    pages: ['feed', 'company'],
    examples: [...others(), [1, REPOST]],
  },
  // Commenting on a post: its Comment button (the first post of the page in document order, like Repost above) opens
  // the comment box under that post: a form (class comments-comment-box__form) holding a Quill editor and, once text is
  // typed, its submit button ("Comment"). No saved page shows a box open: COMMENT is synthetic, written from the 2024–
  // 2025 layout's class names and labels as public automation scripts quote them; unverified on a live page, and the
  // dom-v2 layout's comment box is unknown (only its Comment button, by icon, is seen on a saved page).
  'linkedin.post.comment': {
    strategies: [
      { css: 'button.comment-button' },
      // dom-v2: the button carrying the comment icon (icon id, any language)
      { css: 'button:has(svg[id^="comment-"]), button:has(svg[data-test-icon^="comment-"])' },
      { role: 'button', name: { en: 'Comment', fr: 'Commenter' }, match: 'exact' },
    ],
    withinCss: 'main, [role="main"]',
    pages: ['feed', 'company'],
    examples: [...on(FEED, FEED_V2, COMPANY), ...others(FEED, FEED_V2, COMPANY), [1, COMMENT]],
  },
  'linkedin.comment.text': {
    strategies: [
      { css: '.ql-editor[contenteditable="true"]' },
      { css: '[role="textbox"][contenteditable="true"]' },
      { role: 'textbox', name: { en: 'Text editor for creating content', fr: 'Éditeur de texte pour créer du contenu' }, match: 'start' },
    ],
    // the first open comment box in document order
    withinCss: COMMENT_BOX,
    pages: ['feed', 'company'],
    examples: [...others(), [1, COMMENT]],
  },
  'linkedin.comment.submit': {
    strategies: [
      // the box's submit button (class kept since 2022, "--cr" suffix since 2024), then any submit button of the form
      { css: 'button.comments-comment-box__submit-button, button.comments-comment-box__submit-button--cr' },
      { css: 'button[type="submit"]' },
      { role: 'button', name: { en: 'Comment', fr: 'Commenter' }, match: 'exact' },
    ],
    withinCss: COMMENT_BOX,
    pages: ['feed', 'company'],
    examples: [...others(), [1, COMMENT]],
  },
  'linkedin.company.postsTab': {
    strategies: [
      { css: 'a.org-page-navigation__item-anchor[href*="/posts"]' },
      { css: 'nav a[href*="/company/"][href*="/posts"]' },
      { role: 'link', name: { en: 'Posts', fr: 'Posts' }, match: 'exact' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['company'],
    examples: [...on(COMPANY), ...others(COMPANY)],
  },
};

// The profile's top card in either layout (the one card with the owner's "Contact info" overlay link).
const TOP_CARD = 'main section[data-member-id], main section:has(a[href*="/overlay/contact-info"])';

/**
 * Someone else's profile offers to write to, invite or follow its owner (language-free: the compose and invitation
 * links, the design system's icons), seen on both saved profiles. One's own offers to edit the intro and the photo
 * (edit links and the editable photo; no own profile is saved here, so these are unverified).
 */
function linkedinProfileOwner(kind: string | null, has: (css: string) => boolean): ProfileOwner {
  if (kind !== 'profile') return null;
  const inCard = (...css: string[]) => has(css.map((c) => TOP_CARD.split(', ').map((card) => `${card} ${c}`).join(', ')).join(', '));
  if (inCard('a[href*="/edit/intro"]', 'a[href*="/edit/forms/intro"]', 'a[href*="/add-edit/"]', 'img.profile-photo-edit__preview')) return 'self';
  if (inCard('a[href*="/messaging/compose"]', 'a[href*="/preload/custom-invite/"]', 'button:has(svg[data-test-icon^="send-privately"])',
    'button:has(svg[data-test-icon^="connect-"])')) return 'other';
  return null;
}

export const linkedin: SiteAdapter = {
  network: 'linkedin',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  pageKinds: LINKEDIN_PAGE_KINDS,
  pageKind: linkedinPageKind,
  navigation: {}, // history changes only (Ember/React router)
  // Light pages carry theme--mercado alone (realpages, 2025); dark mode adds theme--dark-lix.
  theme: { dark: 'html.theme--dark-lix, html.theme--dark', light: 'html.theme--mercado, html.theme--light-lix' },
  anchors: linkedinAnchors,
  firstHintAnchor: 'linkedin.nav.search',
  profileOwner: linkedinProfileOwner,
};
