// X (Twitter): URL → page kind and anchors. X's data-testid values held across 2025 → 2026, so they come first.
import type { AnchorRegistry, ProfileOwner, SiteAdapter } from './types';

export const X_PAGE_KINDS = [
  'home',
  'profile',
  'status',
  'explore',
  'search',
  'notifications',
  'messages',
  'bookmarks',
  'settings',
] as const;

/** First path segments that are X routes, never a user name (user names are [A-Za-z0-9_]{1,15}). */
const RESERVED = new Set(['home', 'explore', 'search', 'search-advanced', 'notifications', 'messages', 'settings',
  'i', 'compose', 'login', 'logout', 'signup', 'tos', 'privacy', 'account', 'intent', 'share', 'hashtag', 'jobs',
  'download', 'about', 'help', 'flow', 'oauth', 'rules', 'topics', 'lists', 'communities', 'premium']);
const USER_NAME = /^[A-Za-z0-9_]{1,15}$/;
/** Profile tabs that keep the profile header; followers/following lists do not show it. */
const PROFILE_TABS = new Set(['with_replies', 'media', 'likes', 'highlights', 'articles', 'superfollows', 'affiliates']);

export function xPageKind(url: URL): string | null {
  const [head, second, third] = url.pathname.split('/').filter(Boolean);
  switch (head) {
    case undefined:
    case 'home':
      return 'home'; // signed-in root redirects to /home
    case 'explore':
      return 'explore'; // /explore, /explore/tabs/for_you
    case 'search':
    case 'hashtag': // /hashtag/x shows search results
      return 'search';
    case 'notifications':
      return 'notifications';
    case 'messages':
      return 'messages';
    case 'settings':
      return 'settings'; // /settings/account, /settings/security, /settings/sessions, /settings/account/login_verification
    case 'i':
      if (second === 'bookmarks') return 'bookmarks';
      if (second === 'chat') return 'messages'; // 2025 "Chat" replaces /messages
      if (second === 'status' || (second === 'web' && third === 'status')) return 'status';
      // Two-factor enrolment runs as a flow over the settings (/i/flow/two-factor-auth-app-enrollment, -sms-, -security-
      // key-; X's own bundle pushes these paths). The sign-in challenge (/i/flow/two-factor-authentication) is not it.
      if (second === 'flow' && third && /^two-factor-.+-enrollment$/.test(third)) return 'settings';
      return null; // /i/lists, /i/grok, /i/communities …
  }
  if (RESERVED.has(head) || !USER_NAME.test(head)) return null;
  if (second === undefined || PROFILE_TABS.has(second)) return 'profile';
  if (second === 'status' && third && /^\d+$/.test(third)) return 'status'; // /USER/status/ID[/photo/1]
  return null;
}

const HOME = 'x/home-2025-04.html';
const PROFILE = 'x/profile-2025-04.html';
const PROFILE_ZH = 'x/profile-zh-2025-11.html';
// Synthetic settings pages (tests/e2e/pages; no saved real page shows X's settings).
const SETTINGS_SECURITY = 'tests/e2e/pages/x-settings-security.html';
const SETTINGS_TWO_FACTOR = 'tests/e2e/pages/x-settings-two-factor.html';
const TWO_FACTOR_CODE = 'tests/e2e/pages/x-two-factor-code.html';
const SETTINGS_PRIVACY = 'tests/e2e/pages/x-settings-privacy.html';
const SETTINGS_AUDIENCE = 'tests/e2e/pages/x-settings-audience.html';
const PROTECT_CONFIRM = 'tests/e2e/pages/x-settings-protect-confirm.html';
const on = (...pages: string[]) => pages.map((p) => [1, p] as [number, string]);
const notOn = (...pages: string[]) => pages.map((p) => [0, p] as [number, string]);
// Synthetic pages (tests/e2e/pages) for states no saved page shows: open dialogs and menus, one's own profile.
// X renders its modals, sheets and menus into #layers (the saved pages hold it, nearly empty): dialog anchors look only
// there, which costs little while nothing is open.
const LAYERS = '#layers';
const SYNTHETIC = 'tests/e2e/pages/';
const EDIT_PROFILE_SELF = `${SYNTHETIC}x-profile-self.html`;
// The Edit profile modal, over one's own profile, at its route (/settings/profile).
const EDIT_PROFILE = `${SYNTHETIC}x-edit-profile.html`;
const COMPOSE = `${SYNTHETIC}x-compose.html`;
const COMPOSE_SAVE = `${SYNTHETIC}x-compose-save.html`;
const COMPOSE_REPLY_SETTING = `${SYNTHETIC}x-reply-setting.html`;
// A post's own page: the focused post, its reply box, and its Repost menu open.
const STATUS = `${SYNTHETIC}x-status.html`;
const REPOST_MENU = STATUS;
// Search results with the "…" menu beside the search box open.
const SEARCH_RESULTS = `${SYNTHETIC}x-search.html`;
const SEARCH_MENU = SEARCH_RESULTS;
// The Lists page with the new List modal open over it (/i/lists/create), then the modal's members step.
const LISTS = `${SYNTHETIC}x-lists.html`;
const NEW_LIST = LISTS;
const NEW_LIST_MEMBERS = `${SYNTHETIC}x-new-list-members.html`;
const DM = `${SYNTHETIC}x-dm.html`;

// Side nav tabs. The href fallback covers a testid rename; `nav` scope keeps in-page links (a tweet linking to
// /explore) out. Names: the tab's aria-label in English and French.
const tab = (testid: string, hrefs: string[], name: { en: string; fr: string }, pages = [HOME, PROFILE, PROFILE_ZH]) => ({
  strategies: [
    { css: `a[data-testid="${testid}"]` },
    // href shape if the testid changes
    { css: hrefs.map((h) => `nav a[href="${h}"]`).join(', ') },
    { role: 'link', name, match: 'start' as const },
  ],
  withinCss: 'header, [role="banner"], nav',
  examples: on(...pages),
});

const xAnchors: AnchorRegistry = {
  'x.nav.home': tab('AppTabBar_Home_Link', ['/home'], { en: 'Home', fr: 'Accueil' }),
  'x.nav.explore': tab('AppTabBar_Explore_Link', ['/explore'], { en: 'Search and explore', fr: 'Rechercher et explorer' }),
  'x.nav.notifications': tab('AppTabBar_Notifications_Link', ['/notifications'], { en: 'Notifications', fr: 'Notifications' }),
  'x.nav.messages': tab('AppTabBar_DirectMessage_Link', ['/messages', '/i/chat'], { en: 'Direct Messages', fr: 'Messages privés' }),
  // The profile tab's href is the viewer's own handle, so only testid and name can find it.
  'x.nav.profile': {
    strategies: [{ css: 'a[data-testid="AppTabBar_Profile_Link"]' }, { role: 'link', name: { en: 'Profile', fr: 'Profil' }, match: 'exact' }],
    withinCss: 'header, [role="banner"], nav',
    examples: on(HOME, PROFILE, PROFILE_ZH),
  },
  'x.nav.compose': {
    strategies: [
      { css: 'a[data-testid="SideNav_NewTweet_Button"]' },
      { css: 'header a[href="/compose/post"], header a[href="/compose/tweet"]' },
      { role: 'link', name: { en: 'Post', fr: 'Poster' }, match: 'exact' },
    ],
    withinCss: 'header, [role="banner"]',
    examples: on(HOME, PROFILE, PROFILE_ZH),
  },
  'x.nav.account': {
    strategies: [
      { css: 'button[data-testid="SideNav_AccountSwitcher_Button"], [data-testid="SideNav_AccountSwitcher_Button"]' },
      { role: 'button', name: { en: 'Account menu', fr: 'Menu du compte' }, match: 'start' },
    ],
    withinCss: 'header, [role="banner"]',
    examples: on(HOME, PROFILE, PROFILE_ZH),
  },
  'x.search.input': {
    strategies: [
      { css: 'input[data-testid="SearchBox_Search_Input"]' },
      { css: 'form[role="search"] input' },
      { role: 'combobox', name: { en: 'Search query', fr: 'Requête de recherche' }, match: 'start' },
    ],
    count: { max: 1 },
    examples: on(HOME, PROFILE, PROFILE_ZH),
  },
  'x.composer.text': {
    strategies: [
      // tweetTextarea_0 is the first (often only) text box of a composer; the primary column holds the inline one.
      { css: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]' },
      { role: 'textbox', name: { en: 'Post text', fr: 'Texte du post' }, match: 'start' },
    ],
    withinCss: '[data-testid="primaryColumn"], main',
    pages: ['home'],
    examples: [...on(HOME), ...notOn(PROFILE)],
  },
  'x.composer.submit': {
    strategies: [
      { css: '[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]' },
      { role: 'button', name: { en: 'Post', fr: 'Poster' }, match: 'exact' },
    ],
    withinCss: '[data-testid="primaryColumn"], main',
    pages: ['home'],
    examples: [...on(HOME), ...notOn(PROFILE)],
  },
  'x.timeline.firstPost': {
    strategies: [
      { css: '[data-testid="primaryColumn"] article[data-testid="tweet"]' },
      { css: '[data-testid="primaryColumn"] article' },
      { role: 'article', name: [] },
    ],
    withinCss: '[data-testid="primaryColumn"], main',
    pages: ['home', 'profile', 'status'],
    examples: on(HOME, PROFILE, PROFILE_ZH),
  },
  // The profile header: the block that holds the owner's UserName. "Who to follow" cells (UserCell) are elsewhere.
  'x.profile.header': {
    strategies: [{ css: '[data-testid="primaryColumn"] div:has(> [data-testid="UserName"])' }],
    pages: ['profile'],
    // Scope for the profile anchors; not part of ANCHORS.md.
    examples: [...on(PROFILE, PROFILE_ZH), ...notOn(HOME)],
  },
  'x.profile.name': {
    strategies: [{ css: '[data-testid="UserName"]' }],
    within: 'x.profile.header',
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_ZH), ...notOn(HOME)],
  },
  'x.profile.bio': {
    strategies: [{ css: '[data-testid="UserDescription"]' }],
    within: 'x.profile.header',
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_ZH), ...notOn(HOME)],
  },
  'x.profile.follow': {
    strategies: [
      // The testid is "<user id>-follow", "-unfollow" (Following) or "-cancel" (pending request): suffix match.
      { css: 'button[data-testid$="-follow"], button[data-testid$="-unfollow"], button[data-testid$="-cancel"]' },
      { role: 'button', name: { en: 'Follow', fr: 'Suivre' }, match: 'start' },
      { role: 'button', name: { en: 'Following', fr: 'Abonné' }, match: 'start' },
    ],
    within: 'x.profile.header',
    count: { max: 1 },
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_ZH), ...notOn(HOME)],
  },
};

// ---- flows: the dialogs and menus a walk goes through ----------------------------------------------------------
// X keeps its data-testids across redesigns (the saved 2025 pages and public automation scripts agree on
// tweetTextarea_0, tweetButton, app-bar-close, confirmationSheetConfirm, Profile_Save_Button…), so they come first.
// The saved pages show no open dialog: every anchor below matches nothing there; the open states are synthetic pages
// in tests/e2e/pages built on that markup, named below. Names in English and French come last.
// They are not part of the adapter, so the content script does not carry them: the background sends them with the
// guide (components/state/guide-service.ts) and the content script merges them like a pack's anchors.
export const xFlowAnchors: AnchorRegistry = {
  // ---- settings pages -----------------------------------------------------------------------------------------------
  // Settings (/settings/…) and the two-factor enrolment flow (/i/flow/two-factor-*-enrollment), page kind `settings`,
  // for the account-security lesson. No saved real page shows them: the pages named below are synthetic
  // (tests/e2e/pages), written from the structure X's settings had in 2024–2025 (a tablist of section links, each
  // section a list of links to its settings, every setting its own /settings/<name> address; flows in a modal whose
  // steps carry X's "ocf" test ids, the ones its sign-in flow is automated by). Unverified on a live page. The link
  // targets are what X's own settings code routes by, in every language.
  'x.settings.security': {
    strategies: [
      // the settings' tablist holds the section; its own pages link back to it too ("Back"), hence the scope
      { css: '[role="tablist"] a[href="/settings/security_and_account_access"]' },
      { css: 'a[href="/settings/security_and_account_access"]' },
      { role: 'tab', name: { en: 'Security and account access', fr: 'Sécurité et accès au compte' }, match: 'start' },
      { role: 'link', name: { en: 'Security and account access', fr: 'Sécurité et accès au compte' }, match: 'start' },
    ],
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, SETTINGS_SECURITY], [1, SETTINGS_TWO_FACTOR], [0, TWO_FACTOR_CODE]],
  },
  'x.settings.twoFactor': {
    strategies: [
      // "Two-factor authentication", on /settings/security
      { css: 'a[href="/settings/account/login_verification"]' },
      { role: 'link', name: { en: 'Two-factor authentication', fr: 'Authentification à deux facteurs' }, match: 'start' },
    ],
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, SETTINGS_SECURITY], [0, SETTINGS_TWO_FACTOR]],
  },
  'x.settings.twoFactorApp': {
    strategies: [
      // The "Authentication app" method on /settings/account/login_verification: a checkbox whose label names it. The
      // three methods (text message, app, security key) carry no test id we know of, so the name is the handle.
      { role: 'checkbox', name: { en: 'Authentication app', fr: "Application d'authentification" }, match: 'start' },
      { text: { en: 'Authentication app', fr: "Application d'authentification" }, tag: 'label', match: 'start' },
    ],
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, SETTINGS_SECURITY], [1, SETTINGS_TWO_FACTOR]],
  },
  'x.settings.codeInput': {
    strategies: [
      // the enter-text step of an X flow (here: the confirmation code from the authenticator app)
      { css: '[role="dialog"] input[data-testid="ocfEnterTextTextInput"]' },
      { css: '[role="dialog"] input[autocomplete="one-time-code"]' },
      { role: 'textbox', name: { en: 'code', fr: 'code' }, match: 'word' },
    ],
    withinCss: '[role="dialog"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, SETTINGS_TWO_FACTOR], [1, TWO_FACTOR_CODE]],
  },
  'x.settings.codeConfirm': {
    strategies: [
      // that step's button (Next / Confirm)
      { css: '[role="dialog"] [data-testid="ocfEnterTextNextButton"]' },
      { role: 'button', name: { en: 'Confirm', fr: 'Confirmer' }, match: 'exact' },
    ],
    withinCss: '[role="dialog"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, SETTINGS_TWO_FACTOR], [1, TWO_FACTOR_CODE]],
  },

  // Privacy and safety → Audience and tagging (/settings/audience_and_tagging), for the privacy-and-audience lesson:
  // "Protect your posts" is a checkbox; ticking it asks for confirmation in a sheet ("Protect"). Synthetic pages as above
  // (same structure; the sheet's test ids are those of X's confirmation sheets everywhere, e.g. Unfollow, as public
  // automation scripts use them). Unverified on a live page.
  'x.settings.privacy': {
    strategies: [
      { css: '[role="tablist"] a[href="/settings/privacy_and_safety"]' },
      { css: 'a[href="/settings/privacy_and_safety"]' },
      { role: 'tab', name: { en: 'Privacy and safety', fr: 'Confidentialité et sécurité' }, match: 'start' },
      { role: 'link', name: { en: 'Privacy and safety', fr: 'Confidentialité et sécurité' }, match: 'start' },
    ],
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, SETTINGS_SECURITY], [1, SETTINGS_PRIVACY], [1, SETTINGS_AUDIENCE], [1, PROTECT_CONFIRM]],
  },
  'x.settings.audienceTagging': {
    strategies: [
      // "Audience and tagging" ("Audience, media and tagging" since 2024), on /settings/privacy_and_safety
      { css: 'a[href="/settings/audience_and_tagging"]' },
      // name fallback; the French label is a guess, hence `start`
      { role: 'link', name: { en: 'Audience', fr: 'Audience' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, SETTINGS_SECURITY], [1, SETTINGS_PRIVACY], [0, SETTINGS_AUDIENCE]],
  },
  'x.settings.protectPosts': {
    strategies: [
      // The audience page (the one that links to Photo tagging) opens with "Protect your posts"; "Protect your videos"
      // follows it: the first checkbox in document order. No test id known for it.
      { css: 'main:has(a[href="/settings/tagging"]) input[type="checkbox"]' },
      // name fallback; the French label is a guess, hence `start`
      { role: 'checkbox', name: { en: 'Protect your posts', fr: 'Protéger vos posts' }, match: 'start' },
    ],
    withinCss: 'main, [role="main"]',
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, SETTINGS_SECURITY], [0, SETTINGS_TWO_FACTOR], [0, SETTINGS_PRIVACY], [1, SETTINGS_AUDIENCE], [1, PROTECT_CONFIRM]],
  },
  'x.settings.protectConfirm': {
    strategies: [
      { css: '[data-testid="confirmationSheetConfirm"]' },
      { role: 'button', name: { en: 'Protect', fr: 'Protéger' }, match: 'exact' },
    ],
    // only an open sheet or dialog (X renders them into #layers)
    withinCss: '[role="alertdialog"], [role="dialog"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, SETTINGS_AUDIENCE], [1, PROTECT_CONFIRM], [0, TWO_FACTOR_CODE]],
  },

  'x.nav.more': {
    strategies: [
      { css: '[data-testid="AppTabBar_More_Menu"]' },
      { role: 'button', name: { en: 'More menu items', fr: "Plus d'éléments de menu" }, match: 'start' },
    ],
    withinCss: 'header, [role="banner"], nav',
    examples: on(PROFILE, PROFILE_ZH),
  },
  'x.profile.editButton': {
    ownProfile: true,
    strategies: [
      // One's own header only: Edit profile links to the form's route (someone else's shows Follow there).
      { css: '[data-testid="editProfileButton"]' },
      { css: 'a[href="/settings/profile"]' },
      { role: 'link', name: { en: 'Edit profile', fr: 'Éditer le profil' }, match: 'exact' },
    ],
    within: 'x.profile.header',
    count: { max: 1 },
    pages: ['profile'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, EDIT_PROFILE_SELF]],
  },
  'x.profile.message': {
    strategies: [
      { css: '[data-testid="sendDMFromProfile"]' },
      { role: 'button', name: { en: 'Message', fr: 'Message' }, match: 'exact' },
    ],
    within: 'x.profile.header',
    count: { max: 1 },
    pages: ['profile'],
    examples: [...on(PROFILE, PROFILE_ZH), ...notOn(HOME)],
  },
  // Edit profile opens a modal (route /settings/profile) holding the name, bio, location and website fields, their
  // `name` attributes language-free, and Save at the top.
  'x.editProfile.dialog': {
    strategies: [
      { css: '[role="dialog"]:has([data-testid="Profile_Save_Button"])' },
      { css: '[role="dialog"]:has(textarea[name="description"])' },
      { role: 'dialog', name: { en: 'Edit profile', fr: 'Éditer le profil' }, match: 'start' },
    ],
    withinCss: LAYERS,
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, EDIT_PROFILE]],
  },
  'x.editProfile.bio': {
    strategies: [
      { css: 'textarea[name="description"]' },
      { role: 'textbox', name: { en: 'Bio', fr: 'Bio' }, match: 'start' },
    ],
    within: 'x.editProfile.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, EDIT_PROFILE]],
  },
  'x.editProfile.save': {
    strategies: [
      { css: '[data-testid="Profile_Save_Button"]' },
      { role: 'button', name: { en: 'Save', fr: 'Enregistrer' }, match: 'exact' },
    ],
    within: 'x.editProfile.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, EDIT_PROFILE]],
  },
  // The composer as a modal (side nav's Post, /compose/post; also Quote): its text box, its Post button (Schedule
  // once a time is set), its close button; closing it with text asks "Save post?" (Save keeps a draft).
  'x.compose.dialog': {
    strategies: [
      { css: '[role="dialog"]:has([data-testid="tweetButton"])' },
      { css: '[role="dialog"]:has([data-testid="tweetTextarea_0"])' },
    ],
    withinCss: LAYERS,
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, COMPOSE], [0, EDIT_PROFILE]],
  },
  'x.compose.text': {
    strategies: [
      { css: '[data-testid="tweetTextarea_0"]' },
      { role: 'textbox', name: { en: 'Post text', fr: 'Texte du post' }, match: 'start' },
    ],
    within: 'x.compose.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, COMPOSE]],
  },
  'x.compose.submit': {
    strategies: [
      { css: '[data-testid="tweetButton"]' },
      { role: 'button', name: { en: 'Post', fr: 'Poster' }, match: 'exact' },
    ],
    within: 'x.compose.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, COMPOSE]],
  },
  'x.compose.close': {
    strategies: [
      { css: '[data-testid="app-bar-close"]' },
      { role: 'button', name: { en: 'Close', fr: 'Fermer' }, match: 'exact' },
    ],
    within: 'x.compose.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, COMPOSE]],
  },
  'x.compose.saveDraft': {
    strategies: [
      // The confirmation sheet's confirm button is Save here (it is Unfollow, Delete… in other sheets: this anchor is
      // only offered right after the composer is closed).
      { css: '[data-testid="confirmationSheetConfirm"]' },
      { role: 'button', name: { en: 'Save', fr: 'Enregistrer' }, match: 'exact' },
    ],
    withinCss: `${LAYERS} :is([data-testid="sheetDialog"], [data-testid="confirmationSheetDialog"], [role="alertdialog"])`,
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, COMPOSE_SAVE], [0, COMPOSE]],
  },
  // The inline composer's "who can reply" button (its name says the current choice) and the menu it opens.
  'x.composer.replySetting': {
    strategies: [
      // The row above the toolbar (empty until the composer is focused) holds it: the one button there
      { css: ':scope > div:first-child [role="button"]' },
      { role: 'button', name: { en: 'can reply', fr: 'peut répondre' }, match: 'word' },
      { role: 'button', name: { en: 'can reply', fr: 'peuvent répondre' }, match: 'word' },
    ],
    // The inline composer's lower block (seen on the saved home: an empty row, then the toolbar two levels down), so
    // that names are never looked for among the timeline's buttons.
    withinCss: '[data-testid="primaryColumn"] div:has(> div > div > [data-testid="toolBar"])',
    count: { max: 1 },
    pages: ['home'],
    // The saved home's composer is not focused: the button is not drawn yet.
    examples: [...notOn(HOME, PROFILE), [1, COMPOSE_REPLY_SETTING]],
  },
  'x.composer.replyMenu': {
    strategies: [
      { css: '[role="menu"]:has([role="menuitem"] + [role="menuitem"] + [role="menuitem"])' },
      { role: 'menu', name: [], match: 'word' },
    ],
    withinCss: LAYERS,
    count: { max: 1 },
    pages: ['home'],
    examples: [...notOn(HOME, PROFILE), [1, COMPOSE_REPLY_SETTING]],
  },
  // A post's action bar, the first post of the primary column (the saved home and profiles show them).
  'x.post.bookmark': {
    strategies: [
      // On a post's own page, the focused post (article tabindex=-1, the others are 0); "bookmark" becomes
      // "removeBookmark" once saved: either is the same control
      { css: '[data-testid="primaryColumn"] article[tabindex="-1"] :is([data-testid="bookmark"], [data-testid="removeBookmark"])' },
      { css: '[data-testid="primaryColumn"] article [data-testid="bookmark"], [data-testid="primaryColumn"] article [data-testid="removeBookmark"]' },
      { role: 'button', name: { en: 'Bookmark', fr: 'Signet' }, match: 'start' },
    ],
    withinCss: '[data-testid="primaryColumn"]',
    pages: ['home', 'profile', 'status'],
    examples: [...on(HOME, PROFILE, PROFILE_ZH), [1, STATUS]],
  },
  'x.post.repost': {
    strategies: [
      { css: '[data-testid="primaryColumn"] article [data-testid="retweet"], [data-testid="primaryColumn"] article [data-testid="unretweet"]' },
      { role: 'button', name: { en: 'Repost', fr: 'Republier' }, match: 'word' },
    ],
    withinCss: '[data-testid="primaryColumn"]',
    pages: ['home', 'profile', 'status'],
    examples: on(HOME, PROFILE, PROFILE_ZH),
  },
  'x.repost.quote': {
    strategies: [
      // The repost menu: Repost (retweetConfirm), then Quote, a link to the composer
      { css: '[role="menu"] a[href="/compose/post"], [role="menu"] a[href="/compose/tweet"]' },
      { role: 'menuitem', name: { en: 'Quote', fr: 'Citer' }, match: 'exact' },
    ],
    withinCss: LAYERS,
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, REPOST_MENU]],
  },
  // A post's own page: the focused post's reply box and its Reply button (the inline composer, as on Home).
  'x.reply.text': {
    strategies: [
      { css: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]' },
      { role: 'textbox', name: { en: 'Post text', fr: 'Texte du post' }, match: 'start' },
    ],
    withinCss: '[data-testid="primaryColumn"]',
    count: { max: 1 },
    pages: ['status'],
    examples: [...notOn(HOME, PROFILE), [1, STATUS]],
  },
  'x.reply.submit': {
    strategies: [
      { css: '[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]' },
      { role: 'button', name: { en: 'Reply', fr: 'Répondre' }, match: 'exact' },
    ],
    withinCss: '[data-testid="primaryColumn"]',
    count: { max: 1 },
    pages: ['status'],
    examples: [...notOn(HOME, PROFILE), [1, STATUS]],
  },
  // Search results: the Latest tab (its link carries f=live).
  'x.search.latestTab': {
    strategies: [
      { css: '[data-testid="primaryColumn"] [role="tablist"] a[href*="f=live"]' },
      { role: 'tab', name: { en: 'Latest', fr: 'Récent' }, match: 'exact' },
    ],
    withinCss: '[data-testid="primaryColumn"]',
    count: { max: 1 },
    pages: ['search'],
    examples: [...notOn(HOME, PROFILE), [1, SEARCH_RESULTS]],
  },
  // Search results: the "…" beside the search box and its "Save search" item (not offered on every account).
  'x.search.more': {
    strategies: [
      { css: '[data-testid="primaryColumn"] [data-testid="SearchBox_Search_Input"] ~ [role="button"], [data-testid="primaryColumn"] form[role="search"] + [role="button"]' },
      { role: 'button', name: { en: 'More', fr: 'Plus' }, match: 'exact' },
    ],
    withinCss: '[data-testid="primaryColumn"] :has(> form[role="search"]), [data-testid="primaryColumn"] [data-testid="TopNavBar"]',
    count: { max: 1 },
    pages: ['search'],
    examples: [...notOn(HOME, PROFILE), [1, SEARCH_RESULTS]],
  },
  'x.search.saveSearch': {
    strategies: [
      { role: 'menuitem', name: { en: 'Save search', fr: 'Enregistrer la recherche' }, match: 'start' },
    ],
    withinCss: '[role="menu"]',
    count: { max: 1 },
    pages: ['search'],
    examples: [...notOn(HOME, PROFILE), [1, SEARCH_MENU]],
  },
  // Lists: the Lists page's "Create a new List" (a link to /i/lists/create), then its modal: name, description,
  // "Make private", Next; then the members step and Done.
  'x.lists.create': {
    strategies: [
      // Its target is the handle (the Lists page has no page kind to scope a name search by, and a search by name
      // would read every link of every X page).
      { css: 'a[href="/i/lists/create"]' },
    ],
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, LISTS]],
  },
  'x.newList.dialog': {
    strategies: [
      { css: '[role="dialog"]:has(input[name="name"]):has(textarea[name="description"])' },
      { css: '[role="dialog"]:has([data-testid="UserCell"]):has([data-testid="primaryColumn"], [role="tablist"])' },
      { role: 'dialog', name: { en: 'List', fr: 'Liste' }, match: 'word' },
    ],
    withinCss: LAYERS,
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, NEW_LIST], [1, NEW_LIST_MEMBERS], [0, EDIT_PROFILE], [0, COMPOSE]],
  },
  'x.newList.name': {
    strategies: [
      { css: 'input[name="name"]' },
      { role: 'textbox', name: { en: 'Name', fr: 'Nom' }, match: 'start' },
    ],
    within: 'x.newList.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, NEW_LIST]],
  },
  'x.newList.private': {
    strategies: [
      { css: 'input[type="checkbox"]' },
      { role: 'checkbox', name: { en: 'Make private', fr: 'Rendre privée' }, match: 'start' },
    ],
    within: 'x.newList.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, NEW_LIST]],
  },
  'x.newList.next': {
    strategies: [
      // The modal's header button: Next (creates the List, then the members step)
      { role: 'button', name: { en: 'Next', fr: 'Suivant' }, match: 'exact' },
    ],
    within: 'x.newList.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, NEW_LIST]],
  },
  'x.newList.done': {
    strategies: [{ role: 'button', name: { en: 'Done', fr: 'Terminé' }, match: 'exact' }],
    within: 'x.newList.dialog',
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [0, NEW_LIST], [1, NEW_LIST_MEMBERS]],
  },
  // Direct messages: the conversation's composer and Send (the saved pages hold only the closed DM drawer).
  'x.dm.text': {
    strategies: [
      { css: '[data-testid="dmComposerTextInput"]' },
      { role: 'textbox', name: { en: 'Start a new message', fr: 'Commencer un nouveau message' }, match: 'start' },
    ],
    count: { max: 1 },
    // A conversation's page (/messages/…, /i/chat/…); the side drawer is not covered.
    pages: ['messages'],
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, DM]],
  },
  'x.dm.send': {
    strategies: [
      // testid only: a name search would read every button of the page
      { css: '[data-testid="dmComposerSendButton"]' },
    ],
    pages: ['messages'],
    count: { max: 1 },
    examples: [...notOn(HOME, PROFILE, PROFILE_ZH), [1, DM]],
  },
};

/**
 * The side nav's Profile link points at the viewer's own handle: the profile is theirs when it is the one in the URL
 * (seen on both saved profiles, viewed by someone else). The header's Follow/Following button or Edit profile confirm.
 */
function xProfileOwner(kind: string | null, has: (css: string) => boolean, url: URL): ProfileOwner {
  if (kind !== 'profile') return null;
  const handle = url.pathname.split('/').filter(Boolean)[0] ?? '';
  if (!USER_NAME.test(handle)) return null;
  if (has(`a[data-testid="AppTabBar_Profile_Link"][href="/${handle}" i]`) || has('[data-testid="editProfileButton"], [data-testid="primaryColumn"] a[href="/settings/profile"]')) return 'self';
  if (has('a[data-testid="AppTabBar_Profile_Link"]') || has('[data-testid="userActions"]')) return 'other';
  return null;
}

export const x: SiteAdapter = {
  network: 'x',
  hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com'],
  pageKinds: X_PAGE_KINDS,
  pageKind: xPageKind,
  navigation: {}, // history changes only (X also retitles the tab, watched where the Navigation API is missing)
  // X writes its theme inline on <html> ("Dim" and "Lights out" are both color-scheme: dark).
  theme: { dark: 'html[style*="color-scheme: dark"]', light: 'html[style*="color-scheme: light"]' },
  anchors: xAnchors,
  firstHintAnchor: 'x.nav.compose',
  profileOwner: xProfileOwner,
};
