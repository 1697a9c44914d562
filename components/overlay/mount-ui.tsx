import { createRoot } from 'react-dom/client';
import type { StoreApi } from 'zustand/vanilla';
import overlayCss from './overlay.css?inline';
import { Overlay } from './Overlay';
import type { OverlayState } from './state';
import type { MountedOverlay } from './ui-slot';

/** Keys typed in our UI must not reach the site's own shortcuts (X's "n" opens a new post, YouTube's "k" pauses). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * One host element at the end of <html>, holding an OPEN shadow root (assistive technology and the end-to-end
 * tests reach inside; a closed root would not be any more private against the page). Our stylesheet is inlined
 * into the shadow root, so no web-accessible resource is exposed to the page and nothing is fetched.
 */
export function mountOverlay(hostAttributes: Record<string, string>, store: StoreApi<OverlayState>): MountedOverlay {
  const host = document.createElement('training-wheels');
  for (const [name, value] of Object.entries(hostAttributes)) host.setAttribute(name, value);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = overlayCss;
  const container = document.createElement('div');
  shadow.append(style, container);
  for (const type of ISOLATED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
  document.documentElement.append(host);
  const root = createRoot(container);
  root.render(<Overlay store={store} />);
  return {
    host,
    remove: () => {
      root.unmount();
      host.remove();
    },
  };
}
