import type { DoneRule } from '../../lessons/pack/types';
import { urlMatches } from '../../lessons/pack/url-pattern';

// `{ url: pattern }` rules are matched by lessons/pack/url-pattern.ts (linear time; shared with the validator).
export { urlMatches };

/** The anchor a rule listens to: `'anchor'` means the step's own. */
export function ruleAnchor(rule: DoneRule, stepAnchor: string | null): string | null {
  if (typeof rule === 'string') return null;
  if ('click' in rule) return rule.click === 'anchor' ? stepAnchor : rule.click;
  if ('submit' in rule) return rule.submit === 'anchor' ? stepAnchor : rule.submit;
  if ('appears' in rule) return rule.appears;
  return null;
}

export interface CompletionWatch {
  /** The page moved to another URL (single-page navigation). */
  onNavigate(url: URL): void;
  /** The anchor a rule names resolved to an element (or stopped resolving). */
  onAnchor(name: string, element: Element | null): void;
  stop(): void;
}

/**
 * Watches for a step's completion signal. Clicks and form submissions are observed in the capture phase on the
 * document, so the site's own handlers (which may stop propagation) cannot hide them; nothing about the page is
 * recorded, only whether the learner acted on the control the step points at.
 */
export function watchCompletion(rule: DoneRule, stepAnchor: string | null, onDone: () => void): CompletionWatch {
  const target = ruleAnchor(rule, stepAnchor);
  let element: Element | null = null;
  // `appears` means the control came up after the step started (a composer opening), not that it was there.
  let seenAbsent = false;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    stop();
    onDone();
  };
  const hits = (event: Event) => element !== null && event.composedPath().includes(element);
  const onClick = (event: Event) => hits(event) && finish();
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (element && form instanceof HTMLFormElement && (form.contains(element) || event.composedPath().includes(element))) finish();
  };
  const listensToClick = typeof rule === 'object' && 'click' in rule;
  const listensToSubmit = typeof rule === 'object' && 'submit' in rule;
  if (listensToClick) document.addEventListener('click', onClick, true);
  if (listensToSubmit) document.addEventListener('submit', onSubmit, true);
  function stop() {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('submit', onSubmit, true);
  }
  return {
    onNavigate(url) {
      if (typeof rule === 'object' && 'url' in rule && urlMatches(rule.url, url)) finish();
    },
    onAnchor(name, found) {
      if (name !== target) return;
      element = found;
      if (!found) seenAbsent = true;
      else if (seenAbsent && typeof rule === 'object' && 'appears' in rule) finish();
    },
    stop,
  };
}
