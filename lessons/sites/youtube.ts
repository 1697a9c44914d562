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
// Synthetic pages (tests/e2e/pages) for states no saved page shows: a rendered watch page, panels, menus, dialogs.
// Popups that are open: YouTube keeps its closed dropdowns in the page (aria-hidden, display: none), so names are only
// looked for in the open one.
const OPEN_POPUP = 'tp-yt-iron-dropdown:not([aria-hidden="true"]), ytd-popup-container [role="listbox"], ytd-popup-container [role="menu"]';
const PLAYLIST_FORM = 'ytd-add-to-playlist-create-renderer, yt-create-playlist-dialog-form-view-model';
const SYNTHETIC = 'tests/e2e/pages/';
const RESULTS = `${SYNTHETIC}youtube-results.html`;
const WATCH = `${SYNTHETIC}youtube-watch.html`;
// One page shows the three states a walk waits for: the video ended, a later chapter playing, the Unlisted badge.
const WATCH_ENDED = `${SYNTHETIC}youtube-watch-state.html`;
const WATCH_CHAPTER = WATCH_ENDED;
const WATCH_UNLISTED = WATCH_ENDED;
const SHARE = `${SYNTHETIC}youtube-share.html`;
// The 2025 sheet: "Save video to…" with New playlist, and the new playlist's dialog opened over it.
const PLAYLIST_SAVE = `${SYNTHETIC}youtube-playlist-dialogs.html`;
const PLAYLIST_CREATE = PLAYLIST_SAVE;
const PLAYLIST_PAGE = `${SYNTHETIC}youtube-playlist.html`;
const PLAYLIST_MENU = `${SYNTHETIC}youtube-playlist-menu.html`; // the visibility menu open
// Comments: the box open, one's own comment first with its ⋮ menu open, and the Pin confirmation.
const COMMENT_BOX = `${SYNTHETIC}youtube-comments.html`;
const COMMENT_MENU = COMMENT_BOX;
const COMMENT_PIN = COMMENT_BOX;
const BELL = `${SYNTHETIC}youtube-bell.html`;
const CREATE_MENU = `${SYNTHETIC}youtube-create-menu.html`;

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
    examples: [[1, WATCH]],
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
    // The server's shell has only the placeholder; a rendered page (synthetic) has the button.
    examples: [[0, WATCH_SERVER], [1, WATCH]],
  },
};

// ---- flows: the panels, menus and dialogs a walk goes through --------------------------------------------------
// YouTube's custom elements and ids are its stable handles (ytd-unified-share-panel-renderer, #start-at-checkbox,
// #simplebox-placeholder, #contenteditable-root, #submit-button, ytd-add-to-playlist-renderer…, as public scripts
// quote them). The saved pages show none of these open: every anchor below matches nothing there; the open states
// are synthetic pages in tests/e2e/pages, named below. Names in English and French come last.
// They are not part of the adapter, so the content script does not carry them: the background sends them with the
// guide (components/state/guide-service.ts) and the content script merges them like a pack's anchors.
export const youtubeFlowAnchors: AnchorRegistry = {
  'youtube.masthead.searchButton': {
    strategies: [
      // 2025 (yt-searchbox) and before (ytd-searchbox's #search-icon-legacy); any language
      { css: 'yt-searchbox button.ytSearchboxComponentSearchButton, button.ytSearchboxComponentSearchButton' },
      { css: 'ytd-searchbox button#search-icon-legacy, #search-icon-legacy' },
      { role: 'button', name: { en: 'Search', fr: 'Rechercher' }, match: 'exact' },
    ],
    withinCss: MASTHEAD,
    count: { max: 1 },
    examples: [[1, HOME], [1, HOME_RU]],
  },
  'youtube.results.firstVideo': {
    strategies: [
      // The first video result's title link (ads and shelves use other renderers)
      { css: 'ytd-search ytd-video-renderer a#video-title' },
      { css: 'ytd-video-renderer a#video-title, a#video-title[href^="/watch"]' },
    ],
    pages: ['results'],
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [1, RESULTS]],
  },
  // The player once the video has played to its end (the player marks its state in a class: playing-mode,
  // paused-mode, ended-mode): "appears" means the learner watched, or jumped, to the end.
  'youtube.watch.ended': {
    strategies: [{ css: '#movie_player.ended-mode, .html5-video-player.ended-mode' }],
    withinCss: 'ytd-watch-flexy, ytd-watch-grid',
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [1, WATCH_ENDED], [0, WATCH]],
  },
  // A chapter of the description's or the panel's chapter list, other than the first, marked as the one playing:
  // the learner is past the opening, by a jump (or by watching).
  'youtube.watch.laterChapter': {
    strategies: [{ css: 'ytd-macro-markers-list-item-renderer[active]:not(:first-child)' }],
    withinCss: 'ytd-watch-flexy, ytd-watch-grid',
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [1, WATCH_CHAPTER], [0, WATCH]],
  },
  // The "Unlisted" badge under the title of an unlisted video (icon and label; public videos have none).
  'youtube.watch.unlisted': {
    strategies: [
      { css: 'ytd-watch-metadata ytd-badge-supported-renderer .badge:has(yt-icon[icon*="unlisted" i])' },
      { role: 'img', name: { en: 'Unlisted', fr: 'Non répertoriée' }, match: 'start' },
      { text: { en: 'Unlisted', fr: 'Non répertoriée' }, tag: 'ytd-badge-supported-renderer .badge', match: 'start' },
    ],
    withinCss: 'ytd-watch-metadata, ytd-watch-flexy #above-the-fold',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [1, WATCH_UNLISTED], [0, WATCH]],
  },
  // Under the video: Share (the unified share panel: "Start at", Copy) and Save (to a playlist).
  'youtube.watch.share': {
    strategies: [
      // YouTube's view-model buttons carry no attribute naming their action: the name is the handle.
      { role: 'button', name: { en: 'Share', fr: 'Partager' }, match: 'exact' },
    ],
    withinCss: 'ytd-watch-metadata #actions',
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [1, WATCH]],
  },
  'youtube.share.startAt': {
    strategies: [
      { css: 'ytd-unified-share-panel-renderer #start-at-checkbox' },
      { role: 'checkbox', name: { en: 'Start at', fr: 'Commencer à' }, match: 'start' },
    ],
    withinCss: 'ytd-unified-share-panel-renderer',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, WATCH], [1, SHARE]],
  },
  'youtube.share.copy': {
    strategies: [
      { css: 'ytd-unified-share-panel-renderer #copy-button button' },
      { role: 'button', name: { en: 'Copy', fr: 'Copier' }, match: 'exact' },
    ],
    withinCss: 'ytd-unified-share-panel-renderer',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, WATCH], [1, SHARE]],
  },
  'youtube.watch.save': {
    strategies: [
      { role: 'button', name: { en: 'Save to playlist', fr: 'Enregistrer dans une playlist' }, match: 'start' },
      { role: 'button', name: { en: 'Save', fr: 'Enregistrer' }, match: 'exact' },
    ],
    withinCss: 'ytd-watch-metadata #actions',
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [1, WATCH]],
  },
  // "Save video to…": the playlists with a "New playlist" button, then the new playlist's form (title, visibility,
  // Create). Two generations: ytd-add-to-playlist-renderer (to 2024) and a view-model sheet (2025).
  'youtube.playlist.new': {
    strategies: [
      // the footer's link or button (not the create form's Create button, also a ytd-button-renderer in the renderer)
      { css: 'ytd-add-to-playlist-renderer #footer ytd-compact-link-renderer, ytd-add-to-playlist-renderer #footer ytd-button-renderer button' },
      { role: 'button', name: { en: 'New playlist', fr: 'Nouvelle playlist' }, match: 'word' },
      { role: 'link', name: { en: 'Create new playlist', fr: 'Créer une playlist' }, match: 'start' },
    ],
    withinCss: 'ytd-add-to-playlist-renderer, yt-sheet-view-model:has(yt-list-view-model, ytd-add-to-playlist-renderer)',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, PLAYLIST_SAVE]],
  },
  'youtube.playlist.name': {
    strategies: [
      { css: 'ytd-add-to-playlist-create-renderer input, yt-create-playlist-dialog-form-view-model textarea' },
      { role: 'textbox', name: { en: 'title', fr: 'titre' }, match: 'word' },
      { role: 'textbox', name: { en: 'Name', fr: 'Nom' }, match: 'start' },
    ],
    withinCss: PLAYLIST_FORM,
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, PLAYLIST_CREATE]],
  },
  'youtube.playlist.create': {
    strategies: [
      { css: 'ytd-add-to-playlist-create-renderer #create-button button' },
      { role: 'button', name: { en: 'Create', fr: 'Créer' }, match: 'exact' },
    ],
    withinCss: PLAYLIST_FORM,
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, PLAYLIST_CREATE]],
  },
  // A playlist's own page (/playlist?list=…): the visibility menu of its header, then Unlisted.
  'youtube.playlistPage.visibility': {
    strategies: [
      { css: 'ytd-playlist-header-renderer #privacy-dropdown button, ytd-playlist-header-renderer yt-dropdown-menu button, yt-page-header-view-model button[aria-haspopup]' },
      { role: 'button', name: { en: 'Private', fr: 'Privée' }, match: 'start' },
      { role: 'button', name: { en: 'Public', fr: 'Publique' }, match: 'start' },
    ],
    withinCss: 'ytd-playlist-header-renderer, yt-page-header-renderer, yt-page-header-view-model',
    count: { max: 1 },
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [1, PLAYLIST_PAGE]],
  },
  'youtube.playlistPage.unlisted': {
    strategies: [
      { role: 'menuitem', name: { en: 'Unlisted', fr: 'Non répertoriée' }, match: 'start' },
      { role: 'option', name: { en: 'Unlisted', fr: 'Non répertoriée' }, match: 'start' },
    ],
    withinCss: OPEN_POPUP,
    count: { max: 1 },
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [0, PLAYLIST_PAGE], [1, PLAYLIST_MENU]],
  },
  // Comments: the "Add a comment…" placeholder opens the box (a contenteditable) and its Comment button.
  'youtube.comments.placeholder': {
    strategies: [
      { css: 'ytd-comments #simplebox-placeholder' },
      { role: 'button', name: { en: 'Add a comment', fr: 'Ajoutez un commentaire' }, match: 'start' },
    ],
    withinCss: 'ytd-comments',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, WATCH]],
  },
  'youtube.comments.text': {
    strategies: [
      { css: 'ytd-comments ytd-commentbox #contenteditable-root[contenteditable="true"]' },
      { role: 'textbox', name: { en: 'Add a comment', fr: 'Ajoutez un commentaire' }, match: 'start' },
    ],
    withinCss: 'ytd-comments',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, WATCH], [1, COMMENT_BOX]],
  },
  'youtube.comments.submit': {
    strategies: [
      { css: 'ytd-comments ytd-commentbox #submit-button button' },
      { role: 'button', name: { en: 'Comment', fr: 'Ajouter un commentaire' }, match: 'exact' },
    ],
    withinCss: 'ytd-comments',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, WATCH], [1, COMMENT_BOX]],
  },
  // One's own comment, first in the list after posting: its ⋮ menu, Pin, and the confirmation's Pin.
  'youtube.comment.menu': {
    strategies: [
      { css: 'ytd-comment-thread-renderer #action-menu button' },
      { role: 'button', name: { en: 'Action menu', fr: "Menu d'actions" }, match: 'start' },
    ],
    withinCss: 'ytd-comments ytd-comment-thread-renderer',
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [1, COMMENT_MENU]],
  },
  'youtube.comment.pin': {
    strategies: [
      { role: 'menuitem', name: { en: 'Pin', fr: 'Épingler' }, match: 'exact' },
      { role: 'option', name: { en: 'Pin', fr: 'Épingler' }, match: 'exact' },
    ],
    withinCss: OPEN_POPUP,
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, COMMENT_MENU]],
  },
  'youtube.comment.pinConfirm': {
    strategies: [
      { css: 'yt-confirm-dialog-renderer #confirm-button button' },
      { role: 'button', name: { en: 'Pin', fr: 'Épingler' }, match: 'exact' },
    ],
    withinCss: 'yt-confirm-dialog-renderer, tp-yt-paper-dialog',
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, COMMENT_PIN]],
  },
  // Subscribed: the button opens the notifications menu (All, Personalised, None, Unsubscribe).
  'youtube.subscribe.all': {
    strategies: [
      { role: 'menuitem', name: { en: 'All', fr: 'Toutes' }, match: 'exact' },
      { role: 'option', name: { en: 'All', fr: 'Toutes' }, match: 'exact' },
    ],
    withinCss: `${OPEN_POPUP}, yt-sheet-view-model`,
    count: { max: 1 },
    pages: ['watch'],
    examples: [[0, WATCH_SERVER], [0, HOME], [1, BELL]],
  },
  // Create › Upload video: the menu's link to the upload (which opens in YouTube Studio, outside the guide's reach).
  'youtube.create.upload': {
    strategies: [
      { css: 'ytd-multi-page-menu-renderer a[href*="/upload"], tp-yt-iron-dropdown a[href*="/upload"], yt-sheet-view-model a[href*="/upload"]' },
      { role: 'menuitem', name: { en: 'Upload video', fr: 'Importer une vidéo' }, match: 'start' },
      { role: 'link', name: { en: 'Upload video', fr: 'Importer une vidéo' }, match: 'start' },
    ],
    withinCss: `${OPEN_POPUP}, yt-sheet-view-model`,
    count: { max: 1 },
    examples: [[0, HOME], [0, HOME_RU], [0, WATCH_SERVER], [1, CREATE_MENU]],
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
