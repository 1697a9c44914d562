// Elements built by DOM calls, for the parts of the overlay the content script draws itself (the first hint card at
// load: first-view.ts, hint-card.ts). Preact would cost ~4 ms of the page's main thread for its first render.

type Child = Node | string | null;
/** Attributes by name; a function under `on<event>` listens to that event. */
type Props = Record<string, string | ((event: Event) => void)>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  element.append(...children.filter((child): child is Node | string => child !== null));
  return element;
}
