import { describe, expect, it } from 'vitest';
import { detectPage, SITES, siteForHost } from '../../lessons/sites/index';

// URL → { network, page kind }. null page kind = on the network, but not a page kind we teach on.
const TABLE: Array<[url: string, network: string | null, pageKind?: string | null]> = [
  // LinkedIn
  ['https://www.linkedin.com/', 'linkedin', 'feed'],
  ['https://www.linkedin.com/feed/', 'linkedin', 'feed'],
  ['https://www.linkedin.com/feed', 'linkedin', 'feed'],
  ['https://www.linkedin.com/feed/?doFeedRefresh=true&nis=true', 'linkedin', 'feed'],
  ['https://www.linkedin.com/feed/update/urn:li:activity:7315070569723375617/', 'linkedin', null],
  ['https://www.linkedin.com/in/robertkcheung/', 'linkedin', 'profile'],
  ['https://www.linkedin.com/in/robertkcheung', 'linkedin', 'profile'],
  ['https://www.linkedin.com/in/robertkcheung/details/experience/', 'linkedin', 'profile'],
  ['https://www.linkedin.com/in/robertkcheung/recent-activity/all/?trk=x', 'linkedin', 'profile'],
  ['https://www.linkedin.com/in/', 'linkedin', null],
  ['https://www.linkedin.com/company/motionapp/', 'linkedin', 'company'],
  ['https://www.linkedin.com/company/motionapp/life/', 'linkedin', 'company'],
  ['https://www.linkedin.com/company/motionapp/posts/?feedView=all', 'linkedin', 'company'],
  ['https://www.linkedin.com/showcase/linkedin-for-marketing/', 'linkedin', 'company'],
  ['https://www.linkedin.com/school/stanford-university/', 'linkedin', 'company'],
  ['https://www.linkedin.com/search/results/all/?keywords=motion', 'linkedin', 'search'],
  ['https://www.linkedin.com/search/results/people/?network=%5B%22F%22%5D', 'linkedin', 'search'],
  ['https://www.linkedin.com/search/results/companies/?keywords=x', 'linkedin', 'search'],
  ['https://www.linkedin.com/messaging/', 'linkedin', 'messaging'],
  ['https://www.linkedin.com/messaging/thread/2-abc=/', 'linkedin', 'messaging'],
  ['https://www.linkedin.com/notifications/?filter=all', 'linkedin', 'notifications'],
  ['https://www.linkedin.com/mynetwork/', 'linkedin', 'mynetwork'],
  ['https://www.linkedin.com/mynetwork/grow/', 'linkedin', 'mynetwork'],
  ['https://www.linkedin.com/mynetwork/invite-connect/connections/', 'linkedin', 'mynetwork'],
  ['https://www.linkedin.com/fr/feed/', 'linkedin', 'feed'],
  ['https://www.linkedin.com/jobs/view/123/', 'linkedin', null],
  ['https://linkedin.com/in/someone/', 'linkedin', 'profile'],
  ['https://fr.linkedin.com/in/someone/', 'linkedin', 'profile'],
  // LinkedIn settings (Settings & Privacy), the 2023+ addresses and the older ones that redirect there
  ['https://www.linkedin.com/mypreferences/d/categories/account', 'linkedin', 'settings'],
  ['https://www.linkedin.com/mypreferences/d/categories/sign-in-and-security', 'linkedin', 'settings'],
  ['https://www.linkedin.com/mypreferences/d/two-step-verification', 'linkedin', 'settings'],
  ['https://www.linkedin.com/mypreferences/d/sessions', 'linkedin', 'settings'],
  ['https://www.linkedin.com/psettings/two-step-verification', 'linkedin', 'settings'],
  ['https://www.linkedin.com/psettings/sessions', 'linkedin', 'settings'],
  ['https://www.linkedin.com/fr/mypreferences/d/categories/account', 'linkedin', 'settings'],
  ['https://www.linkedin.com/in/someone/preferences', 'linkedin', 'profile'],
  // LinkedIn analytics: one's own posts and profile views
  ['https://www.linkedin.com/analytics/post-summary/urn:li:activity:7315070569723375617/', 'linkedin', 'analytics'],
  ['https://www.linkedin.com/analytics/creator/content/?metricType=IMPRESSIONS', 'linkedin', 'analytics'],
  ['https://www.linkedin.com/analytics/creator/audience/', 'linkedin', 'analytics'],
  ['https://www.linkedin.com/me/profile-views/', 'linkedin', 'analytics'],
  ['https://www.linkedin.com/me/search-appearances/', 'linkedin', 'analytics'],
  ['https://www.linkedin.com/analytics/', 'linkedin', null],
  ['https://www.linkedin.com/me/', 'linkedin', null],
  // X
  ['https://x.com/', 'x', 'home'],
  ['https://x.com/home', 'x', 'home'],
  ['https://x.com/home?s=20', 'x', 'home'],
  ['https://twitter.com/home', 'x', 'home'],
  ['https://mobile.twitter.com/home', null],
  ['https://x.com/perceptnet', 'x', 'profile'],
  ['https://x.com/perceptnet/', 'x', 'profile'],
  ['https://twitter.com/jack?lang=fr', 'x', 'profile'],
  ['https://x.com/perceptnet/with_replies', 'x', 'profile'],
  ['https://x.com/perceptnet/media', 'x', 'profile'],
  ['https://x.com/perceptnet/followers', 'x', null],
  ['https://x.com/perceptnet/status/1904266431548244330', 'x', 'status'],
  ['https://x.com/perceptnet/status/1904266431548244330/photo/1', 'x', 'status'],
  ['https://twitter.com/jack/status/20', 'x', 'status'],
  ['https://x.com/i/web/status/20', 'x', 'status'],
  ['https://x.com/explore', 'x', 'explore'],
  ['https://x.com/explore/tabs/for_you', 'x', 'explore'],
  ['https://x.com/search?q=wxt&src=typed_query', 'x', 'search'],
  ['https://x.com/hashtag/typescript', 'x', 'search'],
  ['https://x.com/notifications', 'x', 'notifications'],
  ['https://x.com/notifications/mentions', 'x', 'notifications'],
  ['https://x.com/messages', 'x', 'messages'],
  ['https://x.com/messages/123-456', 'x', 'messages'],
  ['https://x.com/i/chat', 'x', 'messages'],
  ['https://x.com/i/bookmarks', 'x', 'bookmarks'],
  ['https://x.com/i/lists/123', 'x', null],
  ['https://x.com/settings/account', 'x', 'settings'],
  ['https://x.com/settings', 'x', 'settings'],
  ['https://x.com/settings/security_and_account_access', 'x', 'settings'],
  ['https://x.com/settings/security', 'x', 'settings'],
  ['https://x.com/settings/account/login_verification', 'x', 'settings'],
  ['https://x.com/settings/sessions', 'x', 'settings'],
  ['https://x.com/settings/connected_apps', 'x', 'settings'],
  ['https://twitter.com/settings/password', 'x', 'settings'],
  ['https://x.com/i/flow/two-factor-auth-app-enrollment', 'x', 'settings'],
  ['https://x.com/i/flow/two-factor-security-key-enrollment?return_path=%2Fsettings%2Faccount%2Flogin_verification', 'x', 'settings'],
  ['https://x.com/i/flow/two-factor-authentication', 'x', null], // the sign-in challenge, not the settings
  ['https://x.com/i/flow/login', 'x', null],
  ['https://x.com/settingsfan', 'x', 'profile'], // a user name that begins with "settings"
  ['https://x.com/compose/post', 'x', null],
  ['https://x.com/login', 'x', null],
  ['https://x.com/tos', 'x', null],
  // Facebook
  ['https://www.facebook.com/', 'facebook', 'feed'],
  ['https://www.facebook.com/?sk=h_chr', 'facebook', 'feed'],
  ['https://www.facebook.com/home.php', 'facebook', 'feed'],
  ['https://web.facebook.com/', 'facebook', 'feed'],
  ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook', 'profile'],
  ['https://www.facebook.com/profile.php?id=100012345678901&sk=about', 'facebook', 'profile'],
  ['https://www.facebook.com/people/Jane-Doe/100012345678901/', 'facebook', 'profile'],
  ['https://www.facebook.com/zuck', 'facebook', 'profile'],
  ['https://www.facebook.com/jane.doe.75/', 'facebook', 'profile'],
  ['https://www.facebook.com/jane.doe.75/about', 'facebook', 'profile'],
  ['https://www.facebook.com/jane.doe.75/posts/pfbid0abc', 'facebook', null],
  ['https://www.facebook.com/NASA/videos/123456789/', 'facebook', 'watch'],
  ['https://www.facebook.com/pages/Some-Page/123456', 'facebook', 'page'],
  ['https://www.facebook.com/groups/feed/', 'facebook', 'groups'],
  ['https://www.facebook.com/groups/123456789/', 'facebook', 'groups'],
  ['https://www.facebook.com/groups/123456789/posts/987/', 'facebook', 'groups'],
  ['https://www.facebook.com/marketplace/', 'facebook', 'marketplace'],
  ['https://www.facebook.com/marketplace/item/123/', 'facebook', 'marketplace'],
  ['https://www.facebook.com/marketplace/paris/', 'facebook', 'marketplace'],
  ['https://www.facebook.com/watch/', 'facebook', 'watch'],
  ['https://www.facebook.com/watch/?v=123456', 'facebook', 'watch'],
  ['https://www.facebook.com/messages/t/123', 'facebook', null],
  ['https://www.facebook.com/settings', 'facebook', 'settings'],
  ['https://www.facebook.com/settings/', 'facebook', 'settings'],
  ['https://www.facebook.com/settings/?tab=notifications', 'facebook', 'settings'],
  ['https://www.facebook.com/settings/?tab=privacy', 'facebook', 'settings'],
  ['https://www.facebook.com/settings/?tab=profile_access', 'facebook', 'settings'],
  ['https://www.facebook.com/NASA/settings/?tab=profile_access', 'facebook', 'settings'],
  ['https://www.facebook.com/privacy/checkup/', 'facebook', 'settings'],
  ['https://www.facebook.com/privacy/center/', 'facebook', 'settings'],
  ['https://www.facebook.com/security/2fac/setup/intro', 'facebook', 'settings'],
  ['https://www.facebook.com/security', 'facebook', 'profile'], // Meta's "Facebook Security" Page
  ['https://accountscenter.facebook.com/password_and_security', null], // Accounts Center: another host
  ['https://www.facebook.com/photo.php?fbid=1', 'facebook', 'photo'],
  ['https://www.facebook.com/photo/?fbid=288439180667016&set=a.117960581048211', 'facebook', 'photo'],
  ['https://www.facebook.com/jane.doe.75/photos/a.123/456/', 'facebook', 'photo'],
  ['https://www.facebook.com/search/top/?q=boulangerie', 'facebook', 'search'],
  ['https://www.facebook.com/search/posts/?q=Sri%20Lanka', 'facebook', 'search'],
  ['https://www.facebook.com/me/', 'facebook', null],
  ['https://fr-fr.facebook.com/zuck', 'facebook', 'profile'],
  ['https://m.facebook.com/zuck', null],
  // YouTube
  ['https://www.youtube.com/', 'youtube', 'home'],
  ['https://www.youtube.com', 'youtube', 'home'],
  ['https://www.youtube.com/?gl=FR&hl=fr', 'youtube', 'home'],
  ['https://youtube.com/', 'youtube', 'home'],
  ['https://www.youtube.com/watch?v=GJLlxj_dtq8', 'youtube', 'watch'],
  ['https://www.youtube.com/watch?v=GJLlxj_dtq8&t=42s&list=PL1', 'youtube', 'watch'],
  ['https://www.youtube.com/live/abcdefghijk', 'youtube', 'watch'],
  ['https://www.youtube.com/results?search_query=wxt+extension', 'youtube', 'results'],
  ['https://www.youtube.com/shorts/abcdefghijk', 'youtube', 'shorts'],
  ['https://www.youtube.com/@Dave2D', 'youtube', 'channel'],
  ['https://www.youtube.com/@Dave2D/videos', 'youtube', 'channel'],
  ['https://www.youtube.com/channel/UCVYamHliCI9rw1tHR1xbkfw', 'youtube', 'channel'],
  ['https://www.youtube.com/c/Dave2D/', 'youtube', 'channel'],
  ['https://www.youtube.com/user/Dave2D', 'youtube', 'channel'],
  ['https://www.youtube.com/feed/subscriptions', 'youtube', null],
  ['https://www.youtube.com/playlist?list=PL1', 'youtube', null],
  ['https://www.youtube.com/account', 'youtube', 'settings'],
  ['https://www.youtube.com/account_advanced', 'youtube', 'settings'],
  ['https://www.youtube.com/account_privacy', 'youtube', 'settings'],
  ['https://www.youtube.com/account_notifications', 'youtube', 'settings'],
  ['https://www.youtube.com/channel_switcher?next=%2Faccount', 'youtube', 'settings'],
  ['https://www.youtube.com/@account', 'youtube', 'channel'],
  ['https://www.youtube.com/accounts', 'youtube', null],
  ['https://myaccount.google.com/security', null], // the Google Account: another host
  ['https://m.youtube.com/watch?v=x', null],
  ['https://music.youtube.com/', null],
  // Not a site we serve
  ['https://example.com/feed/', null],
  ['https://www.linkedin.com.evil.example/feed/', null],
  ['https://notlinkedin.com/feed/', null],
  ['https://x.co/home', null],
  ['https://developers.facebook.com/docs', null],
  ['chrome://extensions', null],
  ['not a url', null],
];

describe('detectPage', () => {
  it.each(TABLE)('%s → %s / %s', (url, network, pageKind) => {
    const got = detectPage(url);
    if (network === null) expect(got).toBeNull();
    else expect(got).toEqual({ network, pageKind: pageKind ?? null });
  });

  it('accepts URL objects', () => {
    expect(detectPage(new URL('https://x.com/i/bookmarks'))).toEqual({ network: 'x', pageKind: 'bookmarks' });
  });

  it('only returns page kinds the adapter declares', () => {
    for (const [url, network, kind] of TABLE) {
      if (!network || !kind) continue;
      expect(SITES.find((s) => s.network === network)!.pageKinds).toContain(kind);
    }
  });
});

describe('site adapters', () => {
  it('declare exactly the agreed page kinds', () => {
    const kinds = Object.fromEntries(SITES.map((s) => [s.network, [...s.pageKinds]]));
    expect(kinds).toEqual({
      linkedin: ['feed', 'profile', 'company', 'search', 'messaging', 'notifications', 'mynetwork', 'settings', 'analytics'],
      x: ['home', 'profile', 'status', 'explore', 'search', 'notifications', 'messages', 'bookmarks', 'settings'],
      facebook: ['feed', 'profile', 'page', 'groups', 'marketplace', 'watch', 'search', 'photo', 'settings'],
      youtube: ['home', 'watch', 'channel', 'results', 'shorts', 'settings'],
    });
  });

  it('map hosts to their network, case-insensitively, and nothing else', () => {
    expect(siteForHost('WWW.LinkedIn.com')?.network).toBe('linkedin');
    expect(siteForHost('twitter.com')?.network).toBe('x');
    expect(siteForHost('web.facebook.com')?.network).toBe('facebook');
    expect(siteForHost('www.youtube.com')?.network).toBe('youtube');
    expect(siteForHost('example.org')).toBeNull();
    expect(siteForHost('evil-linkedin.com')).toBeNull();
  });

  it('name their navigation signals and first hint anchor', () => {
    const by = Object.fromEntries(SITES.map((s) => [s.network, s]));
    expect(by.youtube!.navigation.windowEvents).toContain('yt-navigate-finish');
    expect(by.x!.navigation).toEqual({});
    expect(by.linkedin!.navigation).toEqual({});
    expect(by.facebook!.navigation).toEqual({});
    expect(SITES.map((s) => s.firstHintAnchor)).toEqual([
      'linkedin.nav.search', 'x.nav.compose', 'facebook.nav.search', 'youtube.masthead.search',
    ]);
    for (const s of SITES) expect(s.anchors[s.firstHintAnchor]).toBeDefined();
  });

  it('tell one\'s own profile from someone else\'s by what the document offers', () => {
    const by = Object.fromEntries(SITES.map((s) => [s.network, s]));
    const only = (...needles: string[]) => (css: string) => needles.some((n) => css.includes(n));
    // X: the side nav's Profile link is the viewer's own handle.
    const x = (url: string, has: (css: string) => boolean) => by.x!.profileOwner!('profile', has, new URL(url));
    expect(x('https://x.com/Dana_Example', only('[href="/Dana_Example" i]'))).toBe('self');
    expect(x('https://x.com/someone', only('[data-testid="userActions"]'))).toBe('other');
    expect(x('https://x.com/someone', () => false)).toBeNull();
    expect(by.x!.profileOwner!('home', () => true, new URL('https://x.com/home'))).toBeNull();
    // LinkedIn: edit links in the top card are one's own, compose/invite links someone else's.
    const li = (has: (css: string) => boolean) => by.linkedin!.profileOwner!('profile', has, new URL('https://www.linkedin.com/in/x/'));
    expect(li(only('/edit/intro'))).toBe('self');
    expect(li(only('/preload/custom-invite/'))).toBe('other');
    expect(li(() => false)).toBeNull();
    // Facebook: the picture as an actions button (own) or a link to the viewer (someone else's).
    const fb = (has: (css: string) => boolean) => by.facebook!.profileOwner!('profile', has, new URL('https://www.facebook.com/x'));
    expect(fb(only('/professional_dashboard'))).toBe('self');
    expect(fb(only('a[href*="/photo"]'))).toBe('other');
    // YouTube: Studio links are the owner's, Subscribe someone else's.
    const yt = (has: (css: string) => boolean) => by.youtube!.profileOwner!('channel', has, new URL('https://www.youtube.com/@x'));
    expect(yt(only('studio.youtube.com'))).toBe('self');
    expect(yt(only('#subscribe-button button'))).toBe('other');
  });

  it('let the DOM turn a Facebook /USERNAME into a Page', () => {
    const fb = SITES.find((s) => s.network === 'facebook')!;
    expect(fb.refinePageKind!('profile', (css) => css.includes('fb://page/'))).toBe('page');
    expect(fb.refinePageKind!('profile', () => false)).toBe('profile');
    expect(fb.refinePageKind!('groups', () => true)).toBe('groups');
  });
});
