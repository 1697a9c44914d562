// `react-dom/client`'s createRoot for the content script, on Preact's render (see react-lite.ts).
import { render, type ComponentChild } from 'preact';

export function createRoot(container: Element | DocumentFragment) {
  return {
    render: (children: ComponentChild) => render(children, container),
    unmount: () => render(null, container),
  };
}
