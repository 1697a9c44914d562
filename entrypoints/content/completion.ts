import { isOverlayHost } from '../../components/overlay/hosts';
import type { DoneRule } from '../../lessons/pack/types';
import { urlMatches } from '../../lessons/pack/url-pattern';

// `{ url: pattern }` rules are matched by lessons/pack/url-pattern.ts (linear time; shared with the validator).
export { urlMatches };

/** The anchor a rule listens to: `'anchor'` means the step's own. */
export function ruleAnchor(rule: DoneRule, stepAnchor: string | null): string | null {
  if (typeof rule === 'string') return null;
  if ('click' in rule) return rule.click === 'anchor' ? stepAnchor : rule.click;
  if ('submit' in rule) return rule.submit === 'anchor' ? stepAnchor : rule.submit;
  if ('input' in rule) return rule.input === 'anchor' ? stepAnchor : rule.input;
  if ('appears' in rule) return rule.appears;
  if ('gone' in rule) return rule.gone;
  return null;
}

export interface CompletionWatch {
  /** The page moved to another URL (single-page navigation). */
  onNavigate(url: URL): void;
  /** The anchor a rule names resolved to an element (or stopped resolving). */
  onAnchor(name: string, element: Element | null): void;
  stop(): void;
}

/** A URL reached within this long of the learner's own click or key press counts as the learner's navigation. */
export const NAVIGATION_AFTER_INPUT_MS = 10_000;

/**
 * Watches for a step's completion signal. Clicks and form submissions are observed in the capture phase on the
 * document, so the site's own handlers (which may stop propagation) cannot hide them; nothing about the page is
 * recorded, only whether the learner acted on the control the step points at. Only the learner completes a step:
 * events a page's script makes up (typing included) (`element.click()`, `dispatchEvent`) are ignored, and a URL counts only when the
 * learner clicked or typed shortly before (a page that moves itself there with pushState completes nothing).
 */
/** The learner's own input that may lead to a navigation (a link clicked, Enter pressed). */
const INPUT_EVENTS = ['pointerdown', 'keydown'] as const;

export function watchCompletion(rule: DoneRule, stepAnchor: string | null, onDone: () => void): CompletionWatch {
  const target = ruleAnchor(rule, stepAnchor);
  let element: Element | null = null;
  // `appears` means the control came up after the step started (a composer opening), not that it was there;
  // `gone` that it was there (a dialog open) and went away.
  let seenAbsent = false;
  let seenPresent = false;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    stop();
    onDone();
  };
  const hits = (event: Event) => element !== null && event.composedPath().includes(element);
  const onClick = (event: Event) => event.isTrusted && hits(event) && finish();
  const onSubmit = (event: Event) => {
    const form = event.target;
    if (event.isTrusted && element && form instanceof HTMLFormElement && (form.contains(element) || event.composedPath().includes(element))) finish();
  };
  // Typing in the field counts; what is typed is never read.
  const onTyped = (event: Event) => event.isTrusted && hits(event) && finish();
  let inputAt = -Infinity;
  // Input in our own overlay (Done, Start…) leads nowhere on the page: it does not count.
  const onInput = (event: Event) => {
    if (event.isTrusted && !event.composedPath().some(isOverlayHost)) inputAt = performance.now();
  };
  const listensToClick = typeof rule === 'object' && 'click' in rule;
  const listensToSubmit = typeof rule === 'object' && 'submit' in rule;
  // A URL, an element appearing or going counts only after the learner's own input (a page that changes by itself
  // completes nothing).
  const listensToUrl = typeof rule === 'object' && ('url' in rule || 'appears' in rule || 'gone' in rule);
  const listensToInput = typeof rule === 'object' && 'input' in rule;
  if (listensToClick) document.addEventListener('click', onClick, true);
  if (listensToInput) document.addEventListener('input', onTyped, true);
  if (listensToSubmit) document.addEventListener('submit', onSubmit, true);
  if (listensToUrl) for (const type of INPUT_EVENTS) document.addEventListener(type, onInput, true);
  function stop() {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('submit', onSubmit, true);
    document.removeEventListener('input', onTyped, true);
    for (const type of INPUT_EVENTS) document.removeEventListener(type, onInput, true);
  }
  return {
    onNavigate(url) {
      const byLearner = performance.now() - inputAt < NAVIGATION_AFTER_INPUT_MS;
      if (typeof rule === 'object' && 'url' in rule && byLearner && urlMatches(rule.url, url)) finish();
    },
    onAnchor(name, found) {
      if (name !== target) return;
      element = found;
      if (typeof rule !== 'object') return;
      const byLearner = performance.now() - inputAt < NAVIGATION_AFTER_INPUT_MS;
      if (!found) {
        if (seenPresent && byLearner && 'gone' in rule) finish();
        seenAbsent = true;
      } else {
        if (seenAbsent && byLearner && 'appears' in rule) finish();
        seenPresent = true;
      }
    },
    stop,
  };
}
