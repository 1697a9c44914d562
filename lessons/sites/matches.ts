import type { Network } from './types';

/** Desktop sites only. These are the extension's only host permissions. */
export const MATCHES_BY_NETWORK: Record<Network, string[]> = {
  linkedin: ['https://www.linkedin.com/*'],
  x: ['https://x.com/*', 'https://twitter.com/*'],
  facebook: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  youtube: ['https://www.youtube.com/*'],
};

export const SITE_MATCHES: string[] = Object.values(MATCHES_BY_NETWORK).flat();
