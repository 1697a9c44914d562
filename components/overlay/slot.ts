/** What a part of the overlay drew: its nodes, and what stops whatever keeps them up to date (a follower, a timer). */
export interface Drawn {
  nodes: Node[];
  stop?(): void;
}

export interface Slot {
  /**
   * Shows what `draw` makes, unless `key` is the key of what is already shown: a part is drawn again only when its
   * inputs change (the key stands for them). A null key empties the slot.
   */
  show(key: string | null, draw: () => Drawn | Node): void;
  /** The key of what is shown (null when nothing is). */
  readonly key: string | null;
  clear(): void;
}

const FOCUSABLE = 'button, a[href], summary, [tabindex]';
/** How a control is recognised across two drawings of its part: its test id, else its label, else its text. */
const focusKey = (element: Element) => element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.textContent ?? '';

/**
 * A place in the overlay (at the end of `parent` when it is made) whose content is drawn from some inputs, and drawn
 * again, whole, when they change. This is the overlay's one way of drawing: each part is a function from the state
 * to elements, and a key says when to call it again. A part drawn again while focus was inside it gives focus to the
 * same control in its new drawing (a keyboard user who pressed "Show an example" stays on that button).
 */
export function createSlot(parent: Node): Slot {
  const end = parent.appendChild(document.createTextNode(''));
  let key: string | null = null;
  let drawn: Drawn | null = null;

  const remove = () => {
    drawn?.stop?.();
    for (const node of drawn?.nodes ?? []) node.parentNode?.removeChild(node);
    drawn = null;
  };

  return {
    get key() {
      return key;
    },
    show(next, draw) {
      if (next === key) return;
      const root = end.getRootNode() as Document | ShadowRoot;
      const active = root.activeElement;
      const focused = active && drawn?.nodes.some((node) => node.contains(active)) ? focusKey(active) : null;
      remove();
      key = next;
      if (next === null) return;
      const made = draw();
      // A fragment's children are its nodes (inserting it empties it).
      drawn = made instanceof DocumentFragment ? { nodes: [...made.childNodes] } : made instanceof Node ? { nodes: [made] } : made;
      for (const node of drawn.nodes) parent.insertBefore(node, end);
      if (focused === null) return;
      for (const node of drawn.nodes) {
        if (!(node instanceof Element)) continue;
        const match = [...(node.matches(FOCUSABLE) ? [node] : []), ...node.querySelectorAll(FOCUSABLE)].find((e) => focusKey(e) === focused);
        if (match instanceof HTMLElement) return match.focus({ preventScroll: true });
      }
    },
    clear() {
      remove();
      key = null;
    },
  };
}

/** A stable number per element, for keys: the same control keeps its card, another one gets a new one. */
const ids = new WeakMap<object, number>();
let lastId = 0;
export const identity = (thing: object | null | undefined): string => {
  if (!thing) return '-';
  let id = ids.get(thing);
  if (id === undefined) ids.set(thing, (id = ++lastId));
  return String(id);
};
