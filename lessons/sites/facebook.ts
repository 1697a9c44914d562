// Facebook: URL → page kind and anchors. Facebook's class names are generated and change often, and no real saved
// page is available: anchors rely on roles and accessible names in English and French, plus href shapes.
// TODO: verify the French labels on a live French session and add a saved page to ../shared/realpages.
import type { AnchorRegistry, SiteAdapter } from './types';

export const FACEBOOK_PAGE_KINDS = ['feed', 'profile', 'page', 'groups', 'marketplace', 'watch'] as const;

/** First path segments that are Facebook routes, never a user name or Page name. */
const RESERVED = new Set(['home.php', 'watch', 'groups', 'marketplace', 'gaming', 'events', 'friends', 'messages',
  'notifications', 'bookmarks', 'saved', 'memories', 'onthisday', 'settings', 'help', 'login', 'login.php', 'logout.php',
  'photo', 'photo.php', 'story.php', 'permalink.php', 'reel', 'reels', 'stories', 'search', 'hashtag', 'ads', 'business',
  'privacy', 'policies', 'policy.php', 'legal', 'fundraisers', 'jobs', 'live', 'games', 'news', 'feeds', 'sharer',
  'sharer.php', 'dialog', 'plugins', 'l.php', 'video', 'videos', 'media', 'checkpoint', 'recover', 'r.php', 'messenger_media']);
/** Facebook user and Page names: letters, digits and dots (people need 5+, Pages such as /NASA fewer). */
const USER_NAME = /^[A-Za-z0-9.]{2,}$/;

export function facebookPageKind(url: URL): string | null {
  const [head, second, third] = url.pathname.split('/').filter(Boolean);
  if (head === undefined || head === 'home.php') return 'feed';
  if (head === 'profile.php') return 'profile'; // /profile.php?id=1000…
  if (head === 'people') return 'profile'; // /people/First-Last/1000…/
  if (head === 'pages' || head === 'pg') return 'page'; // legacy /pages/Name/ID, /pg/Name
  if (head === 'groups') return 'groups'; // /groups/feed/, /groups/ID/, /groups/discover
  if (head === 'marketplace') return 'marketplace'; // /marketplace/, /marketplace/item/ID/, /marketplace/paris/
  if (head === 'watch') return 'watch'; // /watch/, /watch/?v=ID, /watch/live/
  if (RESERVED.has(head) || !USER_NAME.test(head)) return null;
  if (second === 'videos' && third) return 'watch'; // /NAME/videos/ID plays in the watch layout
  if (second === 'posts' || (second === 'photos' && third)) return null; // one post or photo, not the profile
  // /USERNAME is a person's profile or a Page; the URL cannot tell. Default: profile (the common case for learners
  // visiting people); `refinePageKind` switches to page when the document says so.
  return 'profile';
}

/**
 * The app-link meta Facebook prints in the head names the entity type (fb://profile/ID vs fb://page/?id=ID).
 * Unverified on a live page (no saved Facebook page here): when absent, the URL default stands.
 */
function refineFacebookPageKind(kind: string | null, has: (css: string) => boolean): string | null {
  if (kind !== 'profile') return kind;
  if (has('meta[property="al:android:url"][content^="fb://page/"], meta[property="al:ios:url"][content^="fb://page/"]')) {
    return 'page';
  }
  return kind;
}

// The top bar is role=banner; its tabs are links with stable hrefs. Names are given in English and French.
const BANNER = '[role="banner"]';

const facebookAnchors: AnchorRegistry = {
  'facebook.nav.home': {
    strategies: [
      { role: 'link', name: { en: 'Home', fr: 'Accueil' }, match: 'exact' },
      // The Facebook logo also links to "/"; the Home tab is the one named Home, hence role first.
      { css: `${BANNER} a[href="/"][aria-label], ${BANNER} a[href="https://www.facebook.com/"][aria-label]` },
    ],
    withinCss: BANNER,
    // Role-first: the logo and the Home tab share the same href.
  },
  'facebook.nav.search': {
    strategies: [
      { css: 'input[type="search"][aria-label="Search Facebook"], input[aria-label="Rechercher sur Facebook"]' },
      { role: 'combobox', name: { en: 'Search Facebook', fr: 'Rechercher sur Facebook' }, match: 'start' },
      { role: 'searchbox', name: { en: 'Search Facebook', fr: 'Rechercher sur Facebook' }, match: 'start' },
      // the banner holds one search field
      { css: 'input[type="search"]' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
  },
  'facebook.nav.notifications': {
    strategies: [
      { role: 'button', name: { en: 'Notifications', fr: 'Notifications' }, match: 'start' },
      { role: 'link', name: { en: 'Notifications', fr: 'Notifications' }, match: 'start' },
      { css: `${BANNER} a[href*="/notifications"]` },
    ],
    withinCss: BANNER,
  },
  'facebook.nav.account': {
    strategies: [
      // The avatar button opens the account menu ("Your profile" / "Votre profil"; older: "Account").
      { role: 'button', name: { en: 'Your profile', fr: 'Votre profil' }, match: 'start' },
      { role: 'button', name: { en: 'Account', fr: 'Compte' }, match: 'start' },
      { role: 'button', name: { en: 'Account controls and settings', fr: 'Paramètres et contrôles du compte' }, match: 'start' },
    ],
    withinCss: BANNER,
  },
  'facebook.feed.createPost': {
    strategies: [
      // the region is named, its first button opens the composer
      { css: '[role="main"] [aria-label="Create a post"] [role="button"], [role="main"] [aria-label="Créer une publication"] [role="button"]' },
      { role: 'button', name: { en: "What's on your mind", fr: 'Que voulez-vous dire' }, match: 'start' },
      { role: 'button', name: { en: 'Create a post', fr: 'Créer une publication' }, match: 'start' },
      { text: { en: "What's on your mind", fr: 'Que voulez-vous dire' }, tag: '[role="button"]', match: 'start' },
    ],
    withinCss: '[role="main"]',
    pages: ['feed', 'groups', 'profile', 'page'],
  },
  'facebook.feed.list': {
    strategies: [{ css: '[role="feed"]' }, { role: 'feed', name: [] }],
    withinCss: '[role="main"]',
    pages: ['feed', 'groups', 'profile', 'page', 'watch'],
  },
};

export const facebook: SiteAdapter = {
  network: 'facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'facebook.com'],
  pageKinds: FACEBOOK_PAGE_KINDS,
  pageKind: facebookPageKind,
  navigation: {}, // history changes only
  theme: { dark: 'html.__fb-dark-mode', light: 'html.__fb-light-mode' },
  anchors: facebookAnchors,
  firstHintAnchor: 'facebook.nav.search',
  refinePageKind: refineFacebookPageKind,
};
