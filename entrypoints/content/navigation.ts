import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { SiteAdapter } from '../../lessons/sites/types';

/**
 * Calls `onChange` when the single-page app moves to another URL. The content script lives in an isolated
 * world, so it cannot see the page's own history.pushState calls; it listens instead to what it can observe:
 * the Navigation API where the browser has it (its currententrychange follows the page's own pushState), popstate,
 * the site's own events (YouTube's yt-navigate-finish), title changes where there is no Navigation API, and WXT's
 * once-a-second location watcher as a backstop.
 */
export function watchNavigation(ctx: ContentScriptContext, site: SiteAdapter, onChange: (url: URL) => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange(new URL(last));
  };

  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav as unknown as Window, 'currententrychange' as 'focus', () => check());
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'wxt:locationchange', check);
  for (const type of site.navigation.windowEvents ?? []) ctx.addEventListener(window, type as 'focus', check);
  for (const type of site.navigation.documentEvents ?? []) ctx.addEventListener(document, type as 'focus', check);
  if (!nav) {
    // Title changes accompany nearly every SPA navigation (X retitles the tab on each route); an observer on <head>.
    const observer = new MutationObserver(check);
    observer.observe(document.head ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());
  }
}
