import { describe, expect, it } from 'vitest';
import { ruleAnchor, urlMatches } from '../../entrypoints/content/completion';

const at = (path: string) => new URL(`https://www.linkedin.com${path}`);

describe('a step’s { url } completion rule', () => {
  it('matches one segment with *, ignoring a trailing slash and case', () => {
    expect(urlMatches('/in/*', at('/in/jane-doe/'))).toBe(true);
    expect(urlMatches('/in/*', at('/in/Jane-Doe'))).toBe(true);
    expect(urlMatches('/in/*', at('/in/jane-doe/details/skills/'))).toBe(true);
    expect(urlMatches('/in/*/', at('/company/acme/'))).toBe(false);
  });

  it('matches whole paths and sub-paths', () => {
    expect(urlMatches('/search', at('/search?q=x'))).toBe(true);
    expect(urlMatches('/search', at('/search/results/all/'))).toBe(false);
    expect(urlMatches('/search/**', at('/search/results/people/'))).toBe(true);
    expect(urlMatches('/*/status/*', at('/jane/status/1234'))).toBe(true);
    expect(urlMatches('/@*', at('/@acme-tutorials'))).toBe(true);
    expect(urlMatches('/saved*', at('/saved/?list=1'))).toBe(true);
  });

  it('checks the query when the pattern has one', () => {
    expect(urlMatches('/results?search_query=*', at('/results?search_query=lathe'))).toBe(true);
    expect(urlMatches('/watch?v=abc', at('/watch?v=xyz'))).toBe(false);
  });
});

describe('the anchor a rule listens to', () => {
  it('reads "anchor" as the step’s own', () => {
    expect(ruleAnchor({ click: 'anchor' }, 'x.nav.compose')).toBe('x.nav.compose');
    expect(ruleAnchor({ appears: 'x.composer.text' }, 'x.nav.compose')).toBe('x.composer.text');
    expect(ruleAnchor('manual', 'x.nav.compose')).toBeNull();
    expect(ruleAnchor({ url: '/home' }, 'x.nav.compose')).toBeNull();
  });
});
