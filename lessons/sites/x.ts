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
const on = (...pages: string[]) => pages.map((p) => [1, p] as [number, string]);
const notOn = (...pages: string[]) => pages.map((p) => [0, p] as [number, string]);

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
