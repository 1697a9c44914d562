// Elements built by DOM calls: the whole overlay is drawn this way, with no UI framework in the page (the reasons and
// figures are in BENCHMARKS.md, "Why the overlay is drawn by DOM calls").

export type Child = Node | string | null | undefined | false;
/**
 * Attributes by name (`true`: present and empty; `false`, null, undefined: left out — so ARIA states are given as
 * the strings 'true' and 'false'); a function under `on<event>` handles that event, for the learner only.
 */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/**
 * A handler that acts for the learner: it runs for events the browser made from the learner's own input, never for
 * one a page's script made up (`element.click()`, `dispatchEvent`), whose isTrusted is false.
 */
export const forLearner =
  <E extends Event>(handler: (event: E) => void) =>
  (event: E): void => {
    if (event.isTrusted) handler(event);
  };

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name in props) {
    const value = props[name];
    if (typeof value === 'function') element.addEventListener(name.slice(2), forLearner(value));
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value != null) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}
