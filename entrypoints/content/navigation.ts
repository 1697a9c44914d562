import type { SiteAdapter } from '../../lessons/sites/types';
import type { Lifetime } from './lifetime';

/** Where the browser lacks the Navigation API, the location is also checked this often (a backstop). */
const BACKSTOP_MS = 1000;

/**
 * Calls `onChange` when the single-page app moves to another URL. The content script lives in an isolated world, so
 * it cannot see the page's own history.pushState calls; it listens instead to what it can observe: the Navigation
 * API where the browser has it (its currententrychange follows the page's own pushState), popstate, the site's own
 * events (YouTube's yt-navigate-finish), and where there is no Navigation API, title changes and a once-a-second
 * check of the location. Each only makes it compare the location with the last one: a page that fires these events
 * itself changes nothing.
 */
export function watchNavigation(life: Lifetime, site: SiteAdapter, onChange: (url: URL) => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(new URL(last));
  };

  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) life.listen(nav, 'currententrychange', check);
  life.listen(window, 'popstate', check);
  for (const type of site.navigation.windowEvents ?? []) life.listen(window, type, check);
  for (const type of site.navigation.documentEvents ?? []) life.listen(document, type, check);
  if (!nav) {
    // Title changes accompany nearly every SPA navigation (X retitles the tab on each route); an observer on <head>.
    const observer = new MutationObserver(check);
    observer.observe(document.head ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    const backstop = setInterval(check, BACKSTOP_MS);
    life.onStop(() => {
      observer.disconnect();
      clearInterval(backstop);
    });
  }
}
