import overlayCss from '../../components/overlay/overlay.css?inline';

export interface OverlayHost {
  host: HTMLElement;
  container: HTMLElement;
  remove(): void;
}

/** Keys typed in our UI must not reach the site's own shortcuts (X's "n" opens a new post, YouTube's "k" pauses). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * One host element at the end of <html>, holding an OPEN shadow root (assistive technology and the end-to-end
 * tests reach inside; a closed root would not be any more private against the page). Our stylesheet is inlined
 * into the shadow root, so no web-accessible resource is exposed to the page and nothing is fetched.
 */
export function mountOverlayHost(attributes: Record<string, string>): OverlayHost {
  const host = document.createElement('training-wheels');
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  return { host, container, remove: () => host.remove() };
}
