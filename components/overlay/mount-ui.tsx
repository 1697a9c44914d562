import { createRoot } from 'react-dom/client';
import type { StoreApi } from 'zustand/vanilla';
import { Overlay } from './Overlay';
import type { OverlayState } from './state';
import type { MountedView } from './ui-slot';

/** The full overlay, rendered by Preact into the shadow root the content script made (shell.ts). */
export function mountOverlay(container: HTMLElement, store: StoreApi<OverlayState>): MountedView {
  const root = createRoot(container);
  root.render(<Overlay store={store} />);
  return { remove: () => root.unmount() };
}
