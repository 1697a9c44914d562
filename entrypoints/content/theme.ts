import type { SiteAdapter } from '../../lessons/sites/types';
import type { Lifetime } from './lifetime';

export type Theme = 'light' | 'dark';

const systemTheme = (): Theme => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

/** The site's theme from its own marker on <html> (site knowledge), read without computing any style. */
function markedTheme(site: SiteAdapter): Theme | null {
  const root = document.documentElement;
  if (root.matches(site.theme.dark)) return 'dark';
  return site.theme.light && root.matches(site.theme.light) ? 'light' : null;
}

/** No marker: the page's background colour, else the system's. Reads a computed style, so call it after a paint. */
function computedTheme(): Theme {
  const background = getComputedStyle(document.body ?? document.documentElement).backgroundColor;
  const rgb = background.match(/\d+(\.\d+)?/g)?.map(Number);
  if (rgb && rgb.length >= 3 && (rgb[3] ?? 1) > 0) {
    const [r = 255, g = 255, b = 255] = rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return systemTheme();
}

/**
 * Light or dark like the site, worked out again on each page the guide shows on (`follow`). Its marker costs nothing
 * to read; without one, computing the page's style while the site is still building it would force a style pass
 * early, so that waits until after the next paint.
 */
export function createThemeFollower(site: SiteAdapter, life: Lifetime, apply: (theme: Theme) => void) {
  let followedUrl = '';
  return {
    follow() {
      if (followedUrl === location.href) return;
      followedUrl = location.href;
      const marked = markedTheme(site);
      apply(marked ?? systemTheme());
      if (marked) return;
      requestAnimationFrame(() =>
        setTimeout(() => {
          if (life.alive) apply(computedTheme());
        }),
      );
    },
  };
}
