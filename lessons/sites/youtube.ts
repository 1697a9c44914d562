// YouTube: URL → page kind and anchors. YouTube's custom element names (ytd-*, yt-*) and a few ids are its most
// stable markup. Two traps seen on real pages: the server HTML holds grey placeholder shells (a #subscribe-button
// div with nothing inside) and the home page can hold a hidden watch page (ytd-watch-flexy[hidden]).
import type { AnchorRegistry, ProfileOwner, SiteAdapter } from './types';

export const YOUTUBE_PAGE_KINDS = ['home', 'watch', 'channel', 'results', 'shorts', 'settings'] as const;

export function youtubePageKind(url: URL): string | null {
  const [head, second] = url.pathname.split('/').filter(Boolean);
  if (head === undefined) return 'home';
  if (head.startsWith('@')) return head.length > 1 ? 'channel' : null; // /@handle, /@handle/videos
  switch (head) {
    case 'watch':
      return 'watch'; // /watch?v=ID&t=42s
    case 'live':
      return second ? 'watch' : null; // /live/ID plays in the watch page
    case 'results':
      return 'results'; // /results?search_query=…
    case 'shorts':
      return 'shorts';
    case 'channel': // /channel/UC…, /c/name, /user/name (legacy channel URLs)
    case 'c':
    case 'user':
      return second ? 'channel' : null;
    // Settings: /account, /account_notifications, /account_privacy, /account_advanced … and the list of the
    // channels an account manages (/channel_switcher, linked from /account). Security and Brand Account managers
    // live in the Google Account (myaccount.google.com), another host.
    case 'channel_switcher':
      return 'settings';
    default:
      return head === 'account' || head.startsWith('account_') ? 'settings' : null; // /feed/subscriptions, /playlist …
  }
}

const HOME = 'youtube/home-2025-04.html';
const WATCH_SERVER = 'youtube/watch-server-2025-06.html';
const HOME_RU = 'youtube/home-ru-2025-07.html';
// Synthetic settings pages (tests/e2e/pages; no saved real page shows YouTube's settings): a personal channel, and a
// channel on a Brand Account.
const SETTINGS = 'tests/e2e/pages/youtube-settings.html';
const SETTINGS_BRAND = 'tests/e2e/pages/youtube-settings-brand.html';
const MASTHEAD = 'ytd-masthead, #masthead-container, [role="banner"]';

const youtubeAnchors: AnchorRegistry = {
  'youtube.masthead.logo': {
    strategies: [
      { css: 'ytd-masthead ytd-topbar-logo-renderer a#logo, ytd-masthead a#logo' },
      { css: 'ytd-topbar-logo-renderer a' },
      { role: 'link', name: { en: 'YouTube Home', fr: 'Accueil YouTube' }, match: 'start' },
    ],
    withinCss: MASTHEAD,
    examples: [[1, HOME], [1, HOME_RU]],
  },
  'youtube.masthead.search': {
    strategies: [
      // the name stayed while ytd-searchbox became yt-searchbox
      { css: 'ytd-masthead input[name="search_query"]' },
      { css: 'input[name="search_query"]' },
      { role: 'combobox', name: { en: 'Search', fr: 'Rechercher' }, match: 'start' },
    ],
    withinCss: MASTHEAD,
    count: { max: 1 },
    examples: [[1, HOME], [1, HOME_RU]],
  },
  'youtube.masthead.create': {
    strategies: [
      // 2025: the masthead's own button renderer, a <button> (signed out, the renderer in #buttons holds the "Sign in"
      // link instead, an <a>); topbar menu renderers (notifications, avatar) are other elements. Any language.
      { css: 'ytd-masthead #buttons > ytd-button-renderer button' },
      { role: 'button', name: { en: 'Create', fr: 'Créer' }, match: 'exact' },
      // pre-2024 camera icon
      { css: 'ytd-masthead ytd-topbar-menu-button-renderer:has(yt-icon[icon*="video_call"]) button' },
    ],
    withinCss: 'ytd-masthead #buttons',
    examples: [[1, HOME], [1, HOME_RU], [0, WATCH_SERVER]],
  },
  'youtube.masthead.notifications': {
    strategies: [
      { css: 'ytd-masthead ytd-notification-topbar-button-renderer button' },
      { role: 'button', name: { en: 'Notifications', fr: 'Notifications' }, match: 'start' },
    ],
    withinCss: 'ytd-masthead #buttons',
    examples: [[1, HOME], [1, HOME_RU], [0, WATCH_SERVER]],
  },
  'youtube.masthead.avatar': {
    strategies: [
      { css: 'ytd-masthead button#avatar-btn' },
      { role: 'button', name: { en: 'Account menu', fr: 'Menu du compte' }, match: 'start' },
    ],
    withinCss: 'ytd-masthead #buttons',
    examples: [[1, HOME], [1, HOME_RU], [0, WATCH_SERVER]],
  },
  'youtube.guide.menu': {
    // The app drawer holds a second #guide-button (zero-size while the drawer is closed): masthead first.
    strategies: [
      { css: 'ytd-masthead #guide-button button' },
      { css: '#guide-button button' },
      { role: 'button', name: { en: 'Guide', fr: 'Guide' }, match: 'exact' },
    ],
    withinCss: MASTHEAD,
    examples: [[1, HOME], [1, HOME_RU]],
  },
  'youtube.home.feed': {
    strategies: [
      { css: 'ytd-browse[page-subtype="home"] ytd-rich-grid-renderer' },
      { css: 'ytd-browse ytd-rich-grid-renderer' },
    ],
    pages: ['home'],
    examples: [[1, HOME], [1, HOME_RU], [0, WATCH_SERVER]],
  },
  'youtube.watch.player': {
    strategies: [
      { css: 'ytd-watch-flexy #movie_player, ytd-watch-grid #movie_player' },
      { css: '#movie_player, .html5-video-player' },
    ],
    pages: ['watch'],
    // The home page hides a whole watch page (ytd-watch-flexy[hidden]); visibility keeps it out.
  },
  'youtube.watch.subscribe': {
    strategies: [
      // The rendered button lives inside ytd-subscribe-button-renderer; the server's placeholder is an empty
      // #subscribe-button div, so asking for the button inside keeps the placeholder out.
      { css: 'ytd-watch-metadata #owner ytd-subscribe-button-renderer button' },
      { css: 'ytd-watch-flexy ytd-subscribe-button-renderer button, ytd-watch-flexy yt-subscribe-button-view-model button' },
      { role: 'button', name: { en: 'Subscribe', fr: "S'abonner" }, match: 'start' },
      { role: 'button', name: { en: 'Subscribed', fr: 'Abonné' }, match: 'start' },
    ],
    // No count limit: when subscribed, the renderer holds both "Subscribed" and the bell menu; the first is the one.
    withinCss: 'ytd-watch-flexy, ytd-watch-grid',
    pages: ['watch'],
    examples: [[0, WATCH_SERVER]],
  },

  // ---- settings pages -----------------------------------------------------------------------------------------------
  // Settings (/account…, /channel_switcher, page kind `settings`), for the account-security and Brand Account lessons.
  // No saved real page shows them: the pages named below are synthetic (tests/e2e/pages), written from the structure
  // and labels of YouTube's settings in 2024–2025 (a ytd-browse page in #page-manager: a sidebar of links to the
  // /account_* sections, the Account section's links to the channel list, to the advanced settings, to the Google
  // Account and, for a channel on a Brand Account, to its managers). Unverified on a live page. Security and managers
  // live in the Google Account (myaccount.google.com): the guide points at the way there, it cannot follow.
  'youtube.settings.channels': {
    strategies: [
      // "Add or manage your channel(s)": every channel the account can use, Brand Accounts included
      { css: '#page-manager a[href*="/channel_switcher"]' },
      { role: 'link', name: { en: 'Add or manage your channel', fr: 'Ajouter ou gérer' }, match: 'start' },
    ],
    withinCss: '#page-manager',
    pages: ['settings'],
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [1, SETTINGS], [1, SETTINGS_BRAND]],
  },
  'youtube.settings.advanced': {
    strategies: [
      // "Advanced settings" (channel ID, move the channel to a Brand Account): the sidebar's link or the section's
      { css: '#page-manager a[href$="/account_advanced"], #page-manager a[href*="/account_advanced?"]' },
      { role: 'link', name: { en: 'Advanced settings', fr: 'Paramètres avancés' }, match: 'word' },
    ],
    withinCss: '#page-manager',
    pages: ['settings'],
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [1, SETTINGS], [1, SETTINGS_BRAND]],
  },
  'youtube.settings.googleAccount': {
    strategies: [
      // "Manage your Google Account": where passwords, 2-Step Verification, passkeys and devices are
      { css: '#page-manager a[href*="myaccount.google.com"]:not([href*="brandaccounts"])' },
      { role: 'link', name: { en: 'Manage your Google Account', fr: 'Gérer votre compte Google' }, match: 'start' },
    ],
    withinCss: '#page-manager',
    pages: ['settings'],
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [1, SETTINGS], [1, SETTINGS_BRAND]],
  },
  'youtube.settings.managers': {
    strategies: [
      // "Add or remove manager(s)": only when the channel in use is on a Brand Account (its Google page of managers)
      { css: '#page-manager a[href*="brandaccounts"]' },
      { role: 'link', name: { en: 'Add or remove manager', fr: 'Ajouter ou supprimer des gestionnaires' }, match: 'start' },
    ],
    withinCss: '#page-manager',
    pages: ['settings'],
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [0, SETTINGS], [1, SETTINGS_BRAND]],
  },
};

/**
 * One's own channel links its owner to YouTube Studio ("Customize channel", "Manage videos"); someone else's offers
 * Subscribe. The channel header's element changed over the years (c4-tabbed header, then yt-page-header): both are
 * looked at. Unverified: no channel page is saved here.
 */
function youtubeProfileOwner(kind: string | null, has: (css: string) => boolean): ProfileOwner {
  if (kind !== 'channel') return null;
  const header = ['ytd-c4-tabbed-header-renderer', 'yt-page-header-renderer', '#page-header'];
  if (has(header.map((h) => `${h} a[href*="studio.youtube.com"]`).join(', '))) return 'self';
  if (has(header.map((h) => `${h} #subscribe-button button, ${h} yt-subscribe-button-view-model button`).join(', '))) return 'other';
  return null;
}

export const youtube: SiteAdapter = {
  network: 'youtube',
  hosts: ['www.youtube.com', 'youtube.com'],
  pageKinds: YOUTUBE_PAGE_KINDS,
  pageKind: youtubePageKind,
  navigation: { windowEvents: ['yt-navigate-finish'] }, // YouTube's SPA router fires it after each navigation
  // The dark theme sets a `dark` attribute on <html>; its absence means light only on YouTube's current markup.
  theme: { dark: 'html[dark]', light: 'html[darker-dark-theme]:not([dark])' },
  anchors: youtubeAnchors,
  firstHintAnchor: 'youtube.masthead.search',
  profileOwner: youtubeProfileOwner,
};
