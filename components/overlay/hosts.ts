// Our overlay's host elements (shell.ts makes them), known by identity rather than by any name the page could see.
const hosts = new WeakSet<object>();

export const registerOverlayHost = (host: Element): void => void hosts.add(host);

/**
 * Whether a node (or an event's target) is our overlay's host: its insertion moves no control of the page
 * (entrypoints/content/anchor-watcher.ts), and input inside it is not the learner acting on the page (completion.ts).
 */
export const isOverlayHost = (node: EventTarget): boolean => hosts.has(node);
