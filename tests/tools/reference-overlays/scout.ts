// The floor of a guide that does what #5 asks at page load, with no UI framework: `npm run bench -- --reference
// scout`. One message to the background (which reads storage, as ours does), our own anchor watcher and resolver on
// two of the page's anchors, a plain-DOM card placed beside the first one found (its box read from an
// IntersectionObserver, so no layout is forced). No panel, no task, no navigation, no theme: less than the product
// must do, so what it costs is a lower bound for any design that finds controls and shows a hint at load.
import { watchAnchors } from '../../../entrypoints/content/anchor-watcher';
import { linkedin } from '../../../lessons/sites/linkedin';
import { x } from '../../../lessons/sites/x';
import { youtube } from '../../../lessons/sites/youtube';
import { mountReferenceHost, referenceCard } from './mount';

const host = location.hostname;
const site = host.endsWith('linkedin.com') ? linkedin : host.endsWith('youtube.com') ? youtube : x;
const kind = site.pageKind(new URL(location.href));
const names = Object.entries(site.anchors)
  .filter(([, def]) => !def.pages || (kind !== null && def.pages.includes(kind)))
  .map(([name]) => name)
  .slice(0, 2);

interface Reply {
  on: boolean;
  title: string;
  text: string;
}

function showCard(reply: Reply): HTMLElement {
  const card = referenceCard(reply.title, reply.text);
  mountReferenceHost().append(card);
  return card;
}

void chrome.runtime.sendMessage({ type: 'page', network: site.network, kind }).then((reply: Reply) => {
  if (!reply?.on) return;
  let card: HTMLElement | null = null;
  watchAnchors(names, site.anchors, kind, (states) => {
    card ??= showCard(reply);
    const target = Object.values(states).find((s) => s.element)?.element;
    if (!target) return;
    const observer = new IntersectionObserver(([entry]) => {
      const box = entry!.boundingClientRect;
      card!.style.transform = `translate(${Math.round(box.left)}px, ${Math.round(box.bottom + 8)}px)`;
      observer.disconnect();
    });
    observer.observe(target);
  });
});
