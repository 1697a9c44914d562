import { TEST_HOOKS } from '../test-hooks';
import { registerOverlayHost } from './hosts';
import overlayCss from './overlay.css?inline';

/** Keys typed in our UI must not reach the site's own shortcuts (X's "n" opens a new post, YouTube's "k" pauses). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
/**
 * Tells another copy of our script in this frame to stop (one left from before an update or a reload of the
 * extension, or a second injection). Dispatched on that copy's shadow root, which only our scripts can reach: a
 * page can neither hear nor send it.
 */
const RETIRE = 'tw-retire';
/** How our scripts recognise one another's shadow roots (from inside: the page cannot see it). */
const STYLE_ID = 'tw-overlay-style';

/** A shadow root, closed ones included, as only extensions can read it (Firefox: a property; Chrome: chrome.dom). */
function shadowRootOf(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } }).chrome?.dom;
  return chromeDom?.openOrClosedShadowRoot?.(element) ?? element.shadowRoot;
}

/** A host as ours look (the test build labels its own): only such an element is asked for its shadow root. */
const mayBeOurs = (element: Element) => element.localName === 'div' && (TEST_HOOKS ? element.hasAttribute('data-tw-host') : !element.attributes.length);

/**
 * Stops and removes every other overlay of ours in this frame. Only a bare <div> beside <head> and <body> is looked
 * into: reaching a closed shadow root takes chrome.dom, whose first use costs the page ~2 ms (a CPU profile on X).
 */
function retireOthers(except: Element | null): void {
  for (const element of [...document.documentElement.children]) {
    if (element === except || !mayBeOurs(element)) continue;
    const root = shadowRootOf(element);
    if (!root?.getElementById(STYLE_ID)) continue;
    root.dispatchEvent(new Event(RETIRE));
    element.remove();
  }
}

export interface OverlayShell {
  /** Where the overlay is drawn (inside the shadow root). */
  container: HTMLElement;
  /** Puts the host on the page, once something is drawn into it (the page then lays it out once), in place of any other copy of ours. */
  attach(): void;
  /** What the overlay shows, on the host, for the end-to-end tests: test builds only. */
  describe(facts: Record<string, string>): void;
  remove(): void;
}

/**
 * The overlay's one element in the page: a bare <div> at the end of <html>, holding a CLOSED shadow root in
 * production (an open one in test builds, components/test-hooks.ts), so the page's scripts can neither read the
 * guide nor press its buttons. Our stylesheet is inlined into it: no web-accessible resource, nothing fetched.
 * `onRetired`: another copy of our script took this one's place (see RETIRE).
 */
export function createShell(onRetired: () => void): OverlayShell {
  const host = document.createElement('div');
  const shadow = host.attachShadow({ mode: TEST_HOOKS ? 'open' : 'closed' });
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = overlayCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  shadow.addEventListener(RETIRE, onRetired);
  registerOverlayHost(host);
  return {
    container,
    attach() {
      retireOthers(host);
      document.documentElement.append(host);
    },
    describe(facts) {
      if (!TEST_HOOKS) return;
      host.setAttribute('data-tw-host', '');
      for (const [name, value] of Object.entries(facts)) host.setAttribute(`data-${name}`, value);
    },
    remove: () => host.remove(),
  };
}
