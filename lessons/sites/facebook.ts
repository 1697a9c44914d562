// Facebook: URL → page kind and anchors. Written against real saved pages (../shared/realpages/facebook: a 2022 feed in
// English, an Arabic 2024 photo viewer over a Page's profile, a 2025 search page). Class names are generated and
// change with every build, labels exist in every language Facebook ships, so anchors rest on what lasted across
// 2022–2025: the top bar's landmarks (`role=banner`, its two `role=navigation` blocks), link targets, the
// `data-pagelet` names of page regions (ProfileActions, ProfileTabs, ProfileComposer, FeedUnit_N), ARIA roles and
// attributes, and the order of the top bar's controls. Names in English and French come last, as a fallback.
import type { AnchorDef, AnchorRegistry, Localized, ProfileOwner, SiteAdapter } from './types';

export const FACEBOOK_PAGE_KINDS = ['feed', 'profile', 'page', 'groups', 'marketplace', 'watch', 'search', 'photo', 'settings'] as const;

/** First path segments that are Facebook routes, never a user name or Page name. */
const RESERVED = new Set(['home.php', 'watch', 'groups', 'marketplace', 'gaming', 'events', 'friends', 'messages',
  'notifications', 'bookmarks', 'saved', 'memories', 'onthisday', 'settings', 'help', 'login', 'login.php', 'logout.php',
  'photo', 'photo.php', 'photos', 'story.php', 'permalink.php', 'reel', 'reels', 'stories', 'search', 'hashtag', 'ads',
  'business', 'privacy', 'policies', 'policy.php', 'legal', 'fundraisers', 'jobs', 'live', 'games', 'news', 'feeds',
  'sharer', 'sharer.php', 'dialog', 'plugins', 'l.php', 'video', 'videos', 'media', 'checkpoint', 'recover', 'r.php',
  'messenger_media', 'me', 'ad_center', 'professional_dashboard', 'latest', 'pages_manager']);
/** Facebook user and Page names: letters, digits and dots (people need 5+, Pages such as /NASA fewer). */
const USER_NAME = /^[A-Za-z0-9.]{2,}$/;

/**
 * URL → page kind. Two kinds are pages a learner lands on without choosing a lesson there:
 * - `search` (/search/top/?q=…, /search/posts/…): results of the top bar's search. The top bar stays; the lessons about
 *   searching and monitoring a sector apply; nothing that expects the home feed does (its `role=feed` holds results).
 * - `photo` (/photo/?fbid=…, /photo.php, /NAME/photos/…): the photo viewer, a full-window layer over the page it was
 *   opened from. The page under it is hidden from assistive technology and most of the top bar with it, so no lesson
 *   runs there; the guide picks up again when the viewer closes (the URL changes back).
 */
export function facebookPageKind(url: URL): string | null {
  const [head, second, third] = url.pathname.split('/').filter(Boolean);
  if (head === undefined || head === 'home.php') return 'feed';
  if (head === 'profile.php') return 'profile'; // /profile.php?id=1000…
  if (head === 'people') return 'profile'; // /people/First-Last/1000…/
  if (head === 'pages' || head === 'pg') return second ? 'page' : null; // legacy /pages/Name/ID, /pg/Name
  if (head === 'groups') return 'groups'; // /groups/feed/, /groups/ID/, /groups/discover
  if (head === 'marketplace') return 'marketplace'; // /marketplace/, /marketplace/item/ID/, /marketplace/paris/
  if (head === 'watch') return 'watch'; // /watch/, /watch/?v=ID, /watch/live/
  if (head === 'search') return 'search'; // /search/top/?q=, /search/posts/?q=, /search/people/?q=
  if (head === 'photo' || head === 'photo.php' || head === 'photos') return 'photo'; // the photo viewer
  // Settings & privacy: /settings/ and its tabs (?tab=notifications, ?tab=privacy, and, switched into a Page,
  // ?tab=profile_access for Page access), the Privacy Checkup and Privacy Center (/privacy/checkup, /privacy/center),
  // the older two-factor pages (/security/2fac/…). Password, two-factor and login activity moved to Accounts Center
  // (accountscenter.facebook.com), another host the extension does not run on.
  if (head === 'settings' || head === 'privacy') return 'settings';
  if (head === 'security' && second === '2fac') return 'settings'; // /security is also Meta's own "Facebook Security" Page
  if (RESERVED.has(head) || !USER_NAME.test(head)) return null;
  if (second === 'videos' && third) return 'watch'; // /NAME/videos/ID plays in the watch layout
  if (second === 'photos' && third) return 'photo'; // /NAME/photos/a.ID/ID/ opens the viewer
  if (second === 'posts') return null; // one post on its own page, not the profile
  if (second === 'settings') return 'settings'; // /PAGENAME/settings/?tab=profile_access: a Page's access settings
  // /USERNAME is a person's profile or a Page; the URL cannot tell. Default: profile (the common case for learners
  // visiting people); `refinePageKind` switches to page when the document says so.
  return 'profile';
}

/**
 * A profile URL shows a person or a Page (new-style Pages are profiles too): the document tells them apart. A Page's
 * header links to its likes (`sk=friends_likes`, seen on the 2024 Arabic page); a person's links to friends. Older
 * and logged-out documents print the entity type in app-link metas (fb://page/…).
 */
function refineFacebookPageKind(kind: string | null, has: (css: string) => boolean): string | null {
  if (kind !== 'profile') return kind;
  if (has('[role="main"] a[href*="sk=friends_likes"], [role="main"] a[href*="/friends_likes"]')) return 'page';
  if (has('meta[property="al:android:url"][content^="fb://page/"], meta[property="al:ios:url"][content^="fb://page/"]')) {
    return 'page';
  }
  return kind;
}

// The profile or Page header: the block holding the ProfileActions pagelet and the name heading.
const HEADER = '[role="main"] :has(> * > [data-pagelet="ProfileActions"])';

/**
 * One's own profile or Page shows its picture as a button (its actions: update, view) and, for a Page or a professional
 * profile, links to its dashboard and to promote it — seen on the saved Arabic Page, acting as the Page. Someone else's
 * shows the picture as a link to the viewer (unverified: no such page is saved here).
 */
function facebookProfileOwner(kind: string | null, has: (css: string) => boolean): ProfileOwner {
  if (kind !== 'profile' && kind !== 'page') return null;
  if (has(`${HEADER} [role="button"]:has(> * svg[role="img"]), [data-pagelet="ProfileActions"] a[href*="/professional_dashboard"], [data-pagelet="ProfileActions"] a[href*="/ad_center/"]`)) return 'self';
  if (has(`${HEADER} a[href*="/photo"]:has(svg[role="img"])`)) return 'other';
  return null;
}

const FEED = 'facebook/home-feed-2022-04.html';
const SEARCH = 'facebook/search-2025-11.html';
const PHOTO = 'facebook/profile-photo-ar-2024-03.html';
// Synthetic settings pages (tests/e2e/pages; no saved real page shows Facebook's settings).
const SETTINGS = 'tests/e2e/pages/facebook-settings.html';
const SETTINGS_PAGE_ACCESS = 'tests/e2e/pages/facebook-settings-page-access.html';
const SETTINGS_POSTS = 'tests/e2e/pages/facebook-settings-posts.html';
const SETTINGS_FUTURE_POSTS = 'tests/e2e/pages/facebook-settings-future-posts.html';
// The future posts' audience row and its picker, by name (en/fr; the French a guess)
const FUTURE_POSTS = { en: 'Who can see your future posts', fr: 'Qui peut voir vos futures publications' };
const on = (...pages: string[]) => pages.map((p) => [1, p] as [number, string]);
const notOn = (...pages: string[]) => pages.map((p) => [0, p] as [number, string]);
// Synthetic pages (tests/e2e/pages) for states no saved page shows: open dialogs and menus, one's own profile, forms.
const SYNTHETIC = 'tests/e2e/pages/';
const COMPOSER = `${SYNTHETIC}facebook-composer.html`;
const AUDIENCE = `${SYNTHETIC}facebook-audience.html`;
// One's own profile with the "…" menu open; then the Intro tile in edit mode.
const PROFILE_SELF = `${SYNTHETIC}facebook-profile-self.html`;
const PROFILE_MENU = PROFILE_SELF;
const BIO = `${SYNTHETIC}facebook-edit-bio.html`;
// A post's own page: its comment box, and its "…" menu open.
const COMMENT = `${SYNTHETIC}facebook-post.html`;
const POST_MENU = COMMENT;
const MESSENGER = `${SYNTHETIC}facebook-messenger.html`;
const EVENT = `${SYNTHETIC}facebook-event.html`;
const MENU_OPEN = `${SYNTHETIC}facebook-menu.html`;
const EVENT_FORM = `${SYNTHETIC}facebook-event-form.html`;
const GROUP = `${SYNTHETIC}facebook-group.html`;
const GROUPS_FEED = `${SYNTHETIC}facebook-groups-feed.html`;
const GROUP_FORM = `${SYNTHETIC}facebook-group-form.html`;
const COMPOSER_PAGES = ['feed', 'profile', 'page', 'groups'];
// The document, only while a dialog is open (the saved 2022 feed keeps its notifications panel as an aria-hidden
// dialog, which does not count): a closed state costs one check per pass for every dialog anchor together.
const DIALOG_OPEN = 'body:has([role="dialog"]:not([aria-hidden="true"], [aria-hidden="true"] *, [hidden] *))';
// The post a comment or a menu is looked for in: the feed's first post, or a post opened in a dialog (a notification
// opens one there); never every article of the page (comments are articles too).
const FIRST_POST = ['[role="main"] [role="article"][aria-posinset="1"]', '[role="dialog"] [role="article"]:not([role="article"] [role="article"])'];
// A Messenger conversation in a chat window: a dialog with a message box, never the composer's form. (The inbox page,
// /messages/t/…, is not covered.)
const MESSENGER_SCOPE = '[role="dialog"]:has([role="textbox"][contenteditable="true"]):not(:has(form))';
// A creation form's panel (events, groups): the side panel holding the form's text fields (the preview fills the main
// region). Feeds' comment boxes are contenteditable, not text inputs.
const FORM_PANEL = '[role="navigation"]:has(input[type="text"]), [role="complementary"]:has(input[type="text"])';
const SEARCH_FILTERS = '[role="region"]:has(a[href^="/search/top/"], a[href*="facebook.com/search/top/"]), [role="main"]';
const POST_PAGES = ['feed', 'profile', 'page', 'groups', 'search'];

// ---- the top bar --------------------------------------------------------------------------------------------------
// `role=banner` holds, in every saved year: the logo, the search field, the tab bar (a `role=navigation` whose tabs are
// links in a list) and the account controls (a second `role=navigation` whose direct children are "slots", one
// control each). A slot's control is often followed by an aria-hidden twin with the same label (the badge layer):
// twins never match, the resolver skips aria-hidden elements.
const BANNER = '[role="banner"]';
const TAB = `${BANNER} [role="navigation"] li a`;
const SLOT = `${BANNER} [role="navigation"] > *`;
// The account control, from 2024: a button holding the member's round picture (an svg with role=img). The selectors
// below only look at a slot's next siblings (`:has(+ * …)`), since :has() cannot nest.
const PICTURE = '[role="button"] svg[role="img"]';
// The notifications slot: a link to /notifications in 2022–24; in 2025 a button, in the slot right before the account.
const NOTIFICATIONS_LINK = 'a[href*="/notifications"]';
const NOTIFICATIONS_SLOT_2025 = `:has(+ * ${PICTURE})`;
// A "jewel" (Notifications, Messenger): a button followed by its aria-hidden badge twin.
const JEWEL = '[role="button"]:not([aria-hidden="true"]):has(+ [aria-hidden="true"][role="button"])';
/**
 * The controls' order held from 2022 to 2025 on screen: [Menu (+ Create)] [Messenger] [Notifications] [Account]. The
 * DOM order is that (2025) or its reverse (2022–24, laid out right to left), so each control is found by its place
 * next to the notifications slot, which a link target or the account's picture identifies in any language.
 */
const tabLink = (paths: string[], name: Localized | string[]): AnchorDef => ({
  strategies: [
    // The tab's link target, any language (absolute on some hosts, relative on others).
    { css: paths.map((p) => `${TAB}[href*="facebook.com${p}"], ${TAB}[href^="${p}"]`).join(', ') },
    { role: 'link', name, match: 'exact' },
  ],
  // The banner only: left-rail shortcuts and search filters link to the same places outside it.
  withinCss: BANNER,
  count: { max: 1 },
});

const facebookAnchors: AnchorRegistry = {
  'facebook.nav.home': {
    strategies: [
      // The Home tab links to the root, like the logo; only the tab sits in the tab list.
      { css: `${TAB}[href="/"], ${TAB}[href$="facebook.com/"], ${TAB}[href^="/?"], ${TAB}[href*="facebook.com/?"]` },
      { role: 'link', name: { en: 'Home', fr: 'Accueil' }, match: 'exact' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    // The photo viewer's top bar hides the tab bar (aria-hidden): nothing there.
    examples: [...on(FEED, SEARCH)],
  },
  'facebook.nav.search': {
    strategies: [
      // The top bar's search field is the banner's only autocompleting input, any language ("Search Marketplace",
      // "Search group members" and a Page's Search button live outside the banner).
      { css: `${BANNER} input[aria-autocomplete="list"], ${BANNER} input[type="search"]` },
      { role: 'combobox', name: { en: 'Search Facebook', fr: 'Rechercher sur Facebook' }, match: 'start' },
      { role: 'searchbox', name: { en: 'Search Facebook', fr: 'Rechercher sur Facebook' }, match: 'start' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    // The photo viewer keeps the field in a hidden subtree.
    examples: [...on(FEED, SEARCH), ...notOn(PHOTO)],
  },
  'facebook.nav.notifications': {
    strategies: [
      // 2022–24: a link to the notifications page (its panel's "See all" link lies outside the slot list).
      { css: `${SLOT} a[href*="/notifications"]:not([aria-hidden="true"])` },
      // 2025: a button, the jewel right before the account slot.
      { css: `${SLOT}${NOTIFICATIONS_SLOT_2025} ${JEWEL}` },
      { role: 'button', name: { en: 'Notifications', fr: 'Notifications' }, match: 'start' },
      { role: 'link', name: { en: 'Notifications', fr: 'Notifications' }, match: 'start' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    examples: on(FEED, SEARCH, PHOTO),
  },
  'facebook.nav.messenger': {
    strategies: [
      // Acting as a Page, the slot holds a link to the Page's inbox (Meta Business Suite); a person's account may
      // have a link to /messages. The 2024 link nests a copy of itself (a "nested pressable"): the outer one.
      { css: [`a[href*="/latest/inbox"]`, `a[href*="facebook.com/messages"]`, `a[href^="/messages"]`].map((a) => `${SLOT} ${a}:not(a a)`).join(', ') },
      // 2022–24: the jewel in the slot after the notifications link.
      { css: `${SLOT}:has(${NOTIFICATIONS_LINK}) + * ${JEWEL}` },
      // 2025: the jewel in the slot before the notifications slot.
      { css: `${SLOT}:has(+ * + * ${PICTURE}) ${JEWEL}` },
      // "Messenger" is a brand name, kept in most languages.
      { role: 'button', name: ['Messenger'], match: 'start' },
      { role: 'link', name: { en: 'Messenger', fr: 'Messenger' }, match: 'start' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    examples: on(FEED, SEARCH, PHOTO),
  },
  'facebook.nav.account': {
    strategies: [
      // From 2024: the button with the member's picture (an svg role=img), whatever its label.
      { css: `${SLOT} ${PICTURE.split(' ')[0]}:has(svg[role="img"])` },
      // 2022: the slot before the notifications link holds the account menu's button (a chevron; the name-and-avatar
      // link to /me/ is a separate slot, and a link).
      { css: `${SLOT}:has(+ * ${NOTIFICATIONS_LINK}) [role="button"]` },
      { role: 'button', name: { en: 'Your profile', fr: 'Votre profil' }, match: 'start' },
      { role: 'button', name: { en: 'Account', fr: 'Compte' }, match: 'start' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    examples: on(FEED, SEARCH, PHOTO),
  },
  'facebook.nav.menu': {
    strategies: [
      // 2022–24: two slots after the notifications link, the first of the slot's two buttons (Menu, then Create).
      { css: `${SLOT}:has(${NOTIFICATIONS_LINK}) + * + * > :first-child [role="button"]` },
      // 2025: two slots before the notifications slot; Create moved into the menu.
      { css: `${SLOT}:has(+ * + * + * ${PICTURE}) [role="button"]:not([aria-hidden="true"])` },
      { role: 'button', name: { en: 'Menu', fr: 'Menu' }, match: 'exact' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    examples: on(FEED, SEARCH, PHOTO),
  },
  'facebook.nav.create': {
    strategies: [
      // 2022–24: the second button of the Menu slot. From 2025 Create lives inside Menu: nothing in the top bar.
      { css: `${SLOT}:has(${NOTIFICATIONS_LINK}) + * + * > :nth-child(2) [role="button"]` },
      { role: 'button', name: { en: 'Create', fr: 'Créer' }, match: 'exact' },
    ],
    withinCss: BANNER,
    count: { max: 1 },
    examples: [...on(FEED, PHOTO), ...notOn(SEARCH)],
  },
  // Tabs are personalised: a member may have no Groups, Video or Marketplace tab; then nothing matches.
  'facebook.nav.groups': {
    ...tabLink(['/groups'], { en: 'Groups', fr: 'Groupes' }),
    examples: [...on(FEED, SEARCH), ...notOn(PHOTO)],
  },
  'facebook.nav.watch': {
    // "Watch" until 2023, "Video" since; the target stayed /watch/.
    ...tabLink(['/watch'], ['Watch', 'Video', 'Vidéo']),
    examples: [...on(FEED, SEARCH), ...notOn(PHOTO)],
  },
  'facebook.nav.marketplace': {
    ...tabLink(['/marketplace'], { en: 'Marketplace', fr: 'Marketplace' }),
    examples: [...on(FEED, SEARCH), ...notOn(PHOTO)],
  },

  // ---- feed and composer ------------------------------------------------------------------------------------------
  'facebook.feed.createPost': {
    strategies: [
      // The composer is the member's avatar link followed by the "What's on your mind?" button; Live video,
      // Photo/video and Reels come after, in their own row. Profile: its data-pagelet; home feed (2022): a region.
      { css: '[data-pagelet="ProfileComposer"] a[href] + [role="button"]' },
      { css: '[role="main"] [role="region"] a[href] + [role="button"]' },
      { css: '[role="main"] [data-pagelet*="Composer"] a[href] + [role="button"]' },
      { role: 'button', name: { en: "What's on your mind", fr: 'Que voulez-vous dire' }, match: 'start' },
      { text: { en: "What's on your mind", fr: 'Que voulez-vous dire' }, tag: '[role="button"]', match: 'start' },
    ],
    withinCss: '[role="main"]',
    count: { max: 1 },
    pages: ['feed', 'groups', 'profile', 'page'],
    examples: [...on(FEED), ...notOn(SEARCH, PHOTO)],
  },
  'facebook.feed.list': {
    strategies: [
      // role=feed until 2024; the block that holds the FeedUnit_N pagelets otherwise.
      { css: '[role="feed"]' },
      { css: ':has(> [data-pagelet^="FeedUnit_"])' },
      { role: 'feed', name: [] },
    ],
    withinCss: '[role="main"]',
    // The home News Feed (and a group's feed); never search results or a profile's timeline.
    pages: ['feed', 'groups'],
    examples: [...on(FEED), ...notOn(PHOTO)],
  },
  'facebook.feed.firstPost': {
    strategies: [
      // A post is a role=article that carries its place in the feed (aria-posinset); comments are articles without it.
      { css: '[role="article"][aria-posinset]' },
      { css: '[data-pagelet^="FeedUnit_"] [role="article"]' },
      { css: '[aria-posinset]' },
      { role: 'article', name: [] },
    ],
    within: 'facebook.feed.list',
    pages: ['feed', 'groups'],
    examples: [...on(FEED), ...notOn(PHOTO)],
  },

  // ---- profile and Page header ----------------------------------------------------------------------------------
  // The header: the block that holds the profile's actions (data-pagelet ProfileActions) and its name heading. Stories,
  // posts and the sticky copy of the name come later or elsewhere. Seen on the 2024 Arabic Page (under its viewer).
  'facebook.profile.header': {
    strategies: [
      { css: '[role="main"] :has(> * > [data-pagelet="ProfileActions"]):has(h1)' },
      { css: '[role="main"] :has(> [data-pagelet="ProfileActions"]):has(h1)' },
      // Without the pagelet: the main region (its first h1 is then the name).
      { role: 'main', name: [] },
    ],
    pages: ['profile', 'page'],
    // Scope for the profile anchors; not part of ANCHORS.md.
    examples: [...notOn(FEED, SEARCH, PHOTO)],
  },
  'facebook.profile.name': {
    strategies: [{ css: 'h1' }, { role: 'heading', name: [] }],
    within: 'facebook.profile.header',
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO)],
  },
  'facebook.profile.photo': {
    strategies: [
      // Own profile or Page: the picture is a button that opens its actions (an svg role=img inside).
      { css: '[role="button"]:has(> * svg[role="img"]), [role="button"]:has(> svg[role="img"])' },
      // Someone else's: a link to the picture in the viewer; the cover is a link too but shows an <img>.
      { css: 'a[href*="/photo"]:has(svg[role="img"])' },
      { role: 'button', name: { en: 'Profile picture actions', fr: 'Actions de la photo de profil' }, match: 'start' },
    ],
    within: 'facebook.profile.header',
    count: { max: 1 },
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO)],
  },
  'facebook.profile.edit': {
    strategies: [
      // Unverified on a saved person's profile (none here): the name is the only handle we know of. Only one's own
      // profile has it.
      { role: 'button', name: { en: 'Edit profile', fr: 'Modifier le profil' }, match: 'start' },
      { role: 'link', name: { en: 'Edit profile', fr: 'Modifier le profil' }, match: 'start' },
    ],
    withinCss: '[data-pagelet="ProfileActions"]',
    count: { max: 1 },
    pages: ['profile'],
    examples: [...notOn(FEED, SEARCH, PHOTO)],
  },
  'facebook.profile.about': {
    strategies: [
      // The About tab's target, any language: /NAME/about, /profile.php?id=…&sk=about, /NAME/about_… sections.
      { css: 'a[role="tab"][href*="/about"], a[role="tab"][href*="sk=about"], a[href*="/about"]:is([role="tab"], [aria-selected])' },
      // Tabs without targets (seen while the header is loading): About is the link tab after Posts in persons' and
      // Pages' tab bars alike.
      { css: '[role="tablist"] a[role="tab"]:nth-of-type(2)' },
      { role: 'tab', name: { en: 'About', fr: 'À propos' }, match: 'exact' },
      { role: 'link', name: { en: 'About', fr: 'À propos' }, match: 'exact' },
    ],
    withinCss: '[data-pagelet="ProfileTabs"]',
    count: { max: 1 },
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO)],
  },
};

// ---- flows: the dialogs, menus and forms a walk goes through ---------------------------------------------------
// No saved page shows these open, so each anchor below matches nothing on the three saved pages; the open states are
// synthetic pages in tests/e2e/pages built on the real markup's structure (role=dialog layers, role=button divs with
// aria-labels, data-pagelet regions) and the labels public automation scripts quote (named on each anchor). Facebook
// offers few language-free handles inside its dialogs: where the accessible name is the only one, the comment says so.
// They are not part of the adapter, so the content script does not carry them: the background sends them with the
// guide (components/state/guide-service.ts) and the content script merges them like a pack's anchors.
export const facebookFlowAnchors: AnchorRegistry = {
  // ---- settings pages -----------------------------------------------------------------------------------------------
  // Settings & privacy (/settings/…, /privacy/…, page kind `settings`), for the account-security and Meta Business Suite
  // lessons. No saved real page shows them: the pages named below are synthetic (tests/e2e/pages), written from the
  // structure and labels of Facebook's settings in 2024–2025 (the top bar; a column of links, the "Accounts Center"
  // card first, whose links lead to accountscenter.facebook.com; each settings tab at /settings/?tab=<name>; switched
  // into a Page, Page access at ?tab=profile_access). Unverified on a live page. Link targets first, any language;
  // the top bar's own links (its account menu) are never these.
  'facebook.settings.passwordSecurity': {
    strategies: [
      // Password, two-factor authentication, login alerts and "Where you're logged in" live in Accounts Center
      { css: `a[href*="accountscenter.facebook.com/password_and_security"]:not(${BANNER} a)` },
      { role: 'link', name: { en: 'Password and security', fr: 'Mot de passe et sécurité' }, match: 'start' },
    ],
    pages: ['settings'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, SETTINGS], [0, SETTINGS_PAGE_ACCESS]],
  },
  'facebook.settings.privacyCheckup': {
    strategies: [
      { css: `a[href*="/privacy/checkup"]:not(${BANNER} a)` },
      // French name as Facebook's help used it ("Assistance confidentialité"): a guess
      { role: 'link', name: { en: 'Privacy Checkup', fr: 'Assistance confidentialité' }, match: 'start' },
    ],
    pages: ['settings'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, SETTINGS], [0, SETTINGS_PAGE_ACCESS]],
  },
  'facebook.settings.pageAccess': {
    strategies: [
      // Only switched into a Page: who has Facebook access (full or partial control) and task access
      { css: `a[href*="tab=profile_access"]:not(${BANNER} a)` },
      { role: 'link', name: { en: 'Page access', fr: 'Accès à la Page' }, match: 'start' },
    ],
    pages: ['settings'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [0, SETTINGS], [1, SETTINGS_PAGE_ACCESS]],
  },

  // Audience and visibility → Posts (/settings/?tab=posts), for the audience lesson: "Who can see your future posts?"
  // opens an audience picker whose choice "will be saved immediately" (Facebook's own help, "How do I set a default
  // audience for my posts"). Synthetic pages as above (same structure); unverified on a live page.
  'facebook.settings.posts': {
    strategies: [
      { css: `a[href$="tab=posts"]:not(${BANNER} a), a[href*="tab=posts&"]:not(${BANNER} a)` },
      { role: 'link', name: { en: 'Posts', fr: 'Publications' }, match: 'exact' },
    ],
    withinCss: '[role="navigation"], [role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, SETTINGS], [0, SETTINGS_PAGE_ACCESS], [1, SETTINGS_POSTS], [1, SETTINGS_FUTURE_POSTS]],
  },
  'facebook.settings.futurePosts': {
    strategies: [
      // The row's only handle is its name (a role=button div, no stable attribute known): en/fr, the French a guess
      { role: 'button', name: FUTURE_POSTS, match: 'start' },
      { role: 'link', name: FUTURE_POSTS, match: 'start' },
    ],
    withinCss: '[role="main"]',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [0, SETTINGS], [1, SETTINGS_POSTS]],
  },
  'facebook.settings.audienceChoice': {
    strategies: [
      // The picker's list of options (radios, any language): a click on one sets the audience
      { css: '[role="radiogroup"]:has(input[type="radio"], [role="radio"])' },
      { css: '[role="list"]:has(input[type="radio"], [role="radio"])' },
      // name fallback: the group named like the dialog's title (en/fr, the French a guess)
      { role: 'radiogroup', name: FUTURE_POSTS, match: 'start' },
    ],
    // only an open dialog, on a settings page (the composer's own picker is facebook.audience.*)
    withinCss: '[role="dialog"]:not([aria-hidden="true"])',
    count: { max: 1 },
    pages: ['settings'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [0, SETTINGS], [0, SETTINGS_POSTS], [1, SETTINGS_FUTURE_POSTS]],
  },

  'facebook.composer.dialog': {
    strategies: [
      // The "Create post" layer: a dialog whose form holds the rich-text editor (a contenteditable textbox).
      { css: '[role="dialog"]:has(form [role="textbox"][contenteditable="true"])' },
      { role: 'dialog', name: { en: 'Create post', fr: 'Créer une publication' }, match: 'start' },
    ],
    withinCss: DIALOG_OPEN,
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, COMPOSER], [0, MESSENGER]],
  },
  'facebook.composer.text': {
    strategies: [
      { css: 'form [role="textbox"][contenteditable="true"]' },
      { role: 'textbox', name: { en: "What's on your mind", fr: 'Que voulez-vous dire' }, match: 'start' },
    ],
    within: 'facebook.composer.dialog',
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, COMPOSER]],
  },
  'facebook.composer.audience': {
    strategies: [
      // The audience button under the author's name; its name is the only handle ("Edit privacy. Sharing with
      // Public.", whatever the audience: start of the label), quoted alike by several public scripts.
      { role: 'button', name: { en: 'Edit privacy', fr: 'Modifier la confidentialité' }, match: 'start' },
    ],
    within: 'facebook.composer.dialog',
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, COMPOSER]],
  },
  'facebook.composer.post': {
    strategies: [
      // Name only (a role=button div, no attribute of its own)
      { role: 'button', name: { en: 'Post', fr: 'Publier' }, match: 'exact' },
    ],
    within: 'facebook.composer.dialog',
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, COMPOSER]],
  },
  // The audience picker ("Post audience"): radio options (Public, Friends, …, Only me) and Done.
  'facebook.audience.dialog': {
    strategies: [
      { css: '[role="dialog"]:has(input[type="radio"]), [role="dialog"]:has([role="radio"])' },
      { role: 'dialog', name: { en: 'audience', fr: 'public' }, match: 'word' },
    ],
    withinCss: DIALOG_OPEN,
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, AUDIENCE], [0, COMPOSER]],
  },
  'facebook.audience.onlyMe': {
    strategies: [
      // Facebook's privacy value for "Only me" (the id its basic site gives this radio); unverified on the desktop
      // dialog, so the option's name follows.
      { css: 'input[type="radio"][value="286958161406148"], [role="radio"][id="286958161406148"]' },
      { role: 'radio', name: { en: 'Only me', fr: 'Moi uniquement' }, match: 'start' },
    ],
    within: 'facebook.audience.dialog',
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, AUDIENCE]],
  },
  'facebook.audience.done': {
    strategies: [
      // "Done" (2024: "Done with privacy audience selection and close dialog"); name only.
      { role: 'button', name: { en: 'Done', fr: 'Terminé' }, match: 'start' },
    ],
    within: 'facebook.audience.dialog',
    count: { max: 1 },
    pages: COMPOSER_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, AUDIENCE]],
  },

  // One's own profile: the "…" beside Edit profile (its menu holds "View as") and the Intro tile's Edit bio. Both are
  // on the saved Arabic Page, under its photo viewer (checked once the viewer is closed, tests/e2e).
  'facebook.profile.more': {
    strategies: [
      // The actions' menu trigger: the one button there that opens a menu, any language ("See options")
      { css: '[role="button"][aria-haspopup="menu"]' },
      { role: 'button', name: { en: 'See options', fr: 'Voir les options' }, match: 'start' },
    ],
    withinCss: '[data-pagelet="ProfileActions"]',
    count: { max: 1 },
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, PROFILE_SELF]],
  },
  'facebook.profile.viewAs': {
    ownProfile: true,
    strategies: [
      // An item of that menu (a role=menu layer); its name is the only handle.
      { role: 'menuitem', name: { en: 'View as', fr: 'Voir en tant que' }, match: 'start' },
    ],
    withinCss: '[role="menu"]',
    count: { max: 1 },
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, PROFILE_MENU]],
  },
  'facebook.profile.editBio': {
    ownProfile: true,
    strategies: [
      // The Intro tile (first ProfileTilesFeed pagelet): its first labelled button is Edit bio (Add bio when empty);
      // Edit details and Add featured come after. Seen on the saved Arabic Page.
      { css: '[data-pagelet="ProfileTilesFeed_0"]:not(:has(textarea)) [role="button"][aria-label]' },
      { role: 'button', name: { en: 'Edit bio', fr: 'Modifier la bio' }, match: 'start' },
      { role: 'button', name: { en: 'Add bio', fr: 'Ajouter une bio' }, match: 'start' },
    ],
    withinCss: '[data-pagelet^="ProfileTilesFeed"]',
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, PROFILE_SELF], [0, BIO]],
  },
  'facebook.bio.text': {
    strategies: [
      // Edit bio turns the tile into a form: a textarea (101 characters), the bio's audience, Cancel and Save.
      { css: 'textarea' },
      { role: 'textbox', name: { en: 'bio', fr: 'bio' }, match: 'word' },
    ],
    withinCss: '[data-pagelet="ProfileTilesFeed_0"]',
    count: { max: 1 },
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [0, PROFILE_SELF], [1, BIO]],
  },
  'facebook.bio.save': {
    strategies: [{ role: 'button', name: { en: 'Save', fr: 'Enregistrer' }, match: 'exact' }],
    withinCss: '[data-pagelet="ProfileTilesFeed_0"]:has(textarea)',
    count: { max: 1 },
    pages: ['profile', 'page'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [0, PROFILE_SELF], [1, BIO]],
  },

  // A post's comment box and its send button (the first in the main column: a post's own page, or the post a
  // notification opened), and the post's "…" menu with Save post.
  'facebook.comment.text': {
    strategies: [
      // The comment composer is a form holding a contenteditable textbox ("Write a comment…", "Reply to …")
      { css: 'form [role="textbox"][contenteditable="true"]' },
      { role: 'textbox', name: { en: 'Write a comment', fr: 'Écrivez un commentaire' }, match: 'start' },
      { role: 'textbox', name: { en: 'Reply', fr: 'Répondre' }, match: 'start' },
    ],
    withinCss: FIRST_POST.join(', '),
    pages: POST_PAGES,
    // The saved 2022 feed shows its first post's comment box.
    examples: [...on(FEED), ...notOn(SEARCH, PHOTO), [1, COMMENT]],
  },
  'facebook.comment.submit': {
    strategies: [
      // The arrow next to the box (2023+): name only. Enter also sends, which no click records.
      { role: 'button', name: { en: 'Comment', fr: 'Commenter' }, match: 'exact' },
      { role: 'button', name: { en: 'Post comment', fr: 'Publier le commentaire' }, match: 'start' },
    ],
    withinCss: FIRST_POST.map((p) => `${p} form`).join(', '),
    pages: POST_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, COMMENT]],
  },
  'facebook.post.menu': {
    strategies: [
      // "Actions for this post": the post's only menu trigger, any language
      { css: '[role="button"][aria-haspopup="menu"]' },
      { role: 'button', name: { en: 'Actions for this post', fr: 'Actions pour cette publication' }, match: 'start' },
    ],
    withinCss: FIRST_POST.join(', '),
    pages: POST_PAGES,
    // The saved 2022 feed has posts; its menu triggers lack aria-haspopup (2022 markup), and the names are English.
    examples: [...notOn(SEARCH, PHOTO), [1, POST_MENU]],
  },
  'facebook.post.save': {
    strategies: [
      { role: 'menuitem', name: { en: 'Save post', fr: 'Enregistrer la publication' }, match: 'start' },
      { role: 'menuitem', name: { en: 'Save link', fr: 'Enregistrer le lien' }, match: 'start' },
      { role: 'menuitem', name: { en: 'Save video', fr: 'Enregistrer la vidéo' }, match: 'start' },
    ],
    withinCss: '[role="menu"]',
    count: { max: 1 },
    pages: POST_PAGES,
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, POST_MENU]],
  },

  // Messenger: a chat window (bottom of any page) or /messages/t/…: the message box and Send, which appears in place
  // of the Like button once there is text.
  'facebook.messenger.text': {
    strategies: [
      { css: '[role="textbox"][contenteditable="true"][aria-label]:not(form [role="textbox"])' },
      { role: 'textbox', name: { en: 'Message', fr: 'Message' }, match: 'start' },
    ],
    withinCss: MESSENGER_SCOPE,
    count: { max: 1 },
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, MESSENGER], [0, COMPOSER]],
  },
  'facebook.messenger.send': {
    strategies: [
      { role: 'button', name: { en: 'Press Enter to send', fr: 'Appuyez sur Entrée pour envoyer' }, match: 'start' },
      { role: 'button', name: { en: 'Send', fr: 'Envoyer' }, match: 'exact' },
    ],
    withinCss: MESSENGER_SCOPE,
    count: { max: 1 },
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, MESSENGER], [0, COMPOSER]],
  },

  // Search results: the filters' links (Groups, Events) and the results list (seen on the saved 2025 search page).
  // The filters sit in their own region ("Result filters"), outside the main one: the region that holds the link to
  // the "All" results, whatever its label.
  'facebook.search.results': {
    strategies: [{ css: '[role="feed"]' }, { role: 'feed', name: [] }],
    withinCss: '[role="main"]',
    count: { max: 1 },
    pages: ['search'],
    examples: [...on(SEARCH), ...notOn(FEED, PHOTO)],
  },
  'facebook.search.groups': {
    strategies: [
      { css: 'a[href^="/search/groups/"], a[href*="facebook.com/search/groups/"]' },
      { role: 'link', name: { en: 'Groups', fr: 'Groupes' }, match: 'exact' },
    ],
    withinCss: SEARCH_FILTERS,
    count: { max: 1 },
    pages: ['search'],
    examples: [...on(SEARCH), ...notOn(FEED, PHOTO)],
  },
  'facebook.search.events': {
    strategies: [
      { css: 'a[href^="/search/events/"], a[href*="facebook.com/search/events/"]' },
      // Facebook's French writes évènement; both spellings are taken
      { role: 'link', name: ['Events', 'Évènements', 'Événements'], match: 'exact' },
    ],
    withinCss: SEARCH_FILTERS,
    count: { max: 1 },
    pages: ['search'],
    examples: [...on(SEARCH), ...notOn(FEED, PHOTO)],
  },

  // An event's page (/events/ID): Interested, name only (its icon is a background image).
  'facebook.event.interested': {
    strategies: [{ role: 'button', name: { en: 'Interested', fr: 'Ça m’intéresse' }, match: 'start' }],
    // An event page has no page kind: a main region that links to events, so the name is not looked for among
    // every button of a feed.
    withinCss: '[role="main"]:has(a[href*="/events/"])',
    count: { max: 1 },
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, EVENT]],
  },
  // Menu › Create › Event (a link to the form), then the form at /events/create/: its name field and Create event.
  'facebook.menu.createEvent': {
    strategies: [
      { css: '[role="dialog"] a[href*="/events/create"], [role="menu"] a[href*="/events/create"]' },
      { role: 'link', name: ['Event', 'Évènement', 'Événement'], match: 'exact' },
    ],
    // The open Menu panel: the layer that offers to create a group or an event
    withinCss: '[role="dialog"]:has(a[href*="/groups/create"], a[href*="/events/create"])',
    count: { max: 1 },
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, MENU_OPEN]],
  },
  'facebook.eventForm.name': {
    strategies: [
      { css: 'form input[type="text"]:first-of-type' },
      { role: 'textbox', name: ['Event name', "Nom de l'évènement", "Nom de l'événement"], match: 'start' },
    ],
    withinCss: FORM_PANEL,
    count: { max: 1 },
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, EVENT_FORM]],
  },
  'facebook.eventForm.create': {
    strategies: [{ role: 'button', name: ['Create event', "Créer l'évènement", "Créer l'événement"], match: 'start' }],
    withinCss: FORM_PANEL,
    count: { max: 1 },
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, EVENT_FORM]],
  },
  // Groups: a group's About tab; the groups feed's "Create new group" (a link to the form), the form's name field and
  // Create.
  'facebook.group.about': {
    strategies: [
      { css: 'a[role="tab"][href*="/groups/"][href*="/about"]' },
      { role: 'tab', name: { en: 'About', fr: 'À propos' }, match: 'exact' },
    ],
    withinCss: '[role="main"]',
    count: { max: 1 },
    pages: ['groups'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, GROUP]],
  },
  'facebook.groups.create': {
    strategies: [
      { css: 'a[href*="/groups/create"]' },
      { role: 'link', name: { en: 'Create new group', fr: 'Créer un groupe' }, match: 'start' },
    ],
    // The groups' left rail
    withinCss: '[role="navigation"]',
    count: { max: 1 },
    pages: ['groups'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, GROUPS_FEED]],
  },
  'facebook.groupForm.name': {
    strategies: [
      { css: 'form input[type="text"]:first-of-type' },
      { role: 'textbox', name: { en: 'Group name', fr: 'Nom du groupe' }, match: 'start' },
    ],
    withinCss: FORM_PANEL,
    count: { max: 1 },
    pages: ['groups'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, GROUP_FORM], [0, GROUP]],
  },
  'facebook.groupForm.create': {
    strategies: [{ role: 'button', name: { en: 'Create', fr: 'Créer' }, match: 'exact' }],
    withinCss: FORM_PANEL,
    count: { max: 1 },
    pages: ['groups'],
    examples: [...notOn(FEED, SEARCH, PHOTO), [1, GROUP_FORM], [0, GROUP]],
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
  profileOwner: facebookProfileOwner,
};
