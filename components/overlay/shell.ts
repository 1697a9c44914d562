import overlayCss from './overlay.css?inline';

/** The overlay's host element: the anchor watcher knows its own overlay's comings and goings change no control. */
export const OVERLAY_HOST_TAG = 'training-wheels';

/** Keys typed in our UI must not reach the site's own shortcuts (X's "n" opens a new post, YouTube's "k" pauses). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export interface OverlayShell {
  host: HTMLElement;
  /** Where the overlay is drawn: by the content script at first (first-view.ts), then by the full UI if needed. */
  container: HTMLElement;
  remove(): void;
}

/**
 * One host element at the end of <html>, holding an OPEN shadow root (assistive technology and the end-to-end
 * tests reach inside; a closed root would not be any more private against the page). Our stylesheet is inlined
 * into the shadow root, so no web-accessible resource is exposed to the page and nothing is fetched.
 */
export function createShell(hostAttributes: Record<string, string>): OverlayShell {
  const host = document.createElement(OVERLAY_HOST_TAG);
  for (const [name, value] of Object.entries(hostAttributes)) host.setAttribute(name, value);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  return { host, container, remove: () => host.remove() };
}
