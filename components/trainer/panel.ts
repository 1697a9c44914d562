// Trainer mode's in-page UI, framework-free (injected only into a trainer's tabs): an outline that follows the
// hovered control and a small panel with the proposed anchor and step as YAML, in a shadow root of its own (closed in
// production, like the overlay's: components/overlay/shell.ts) on a bare element, so the page's styles never reach it,
// it never changes the page's, and the page's scripts cannot read it. Its words come from the one message catalog.
import { t, type Locale } from '../i18n';
import { TEST_HOOKS } from '../test-hooks';
import type { Proposal } from './propose';

const textFor = (locale: Locale) => ({
  title: t(locale, 'trainerModeTitle'),
  hint: t(locale, 'trainerModeHint'),
  copy: t(locale, 'trainerModeCopy'),
  ok: t(locale, 'trainerModeFound'),
  ko: t(locale, 'trainerModeNoDefinition'),
});

const CSS = `:host{all:initial}
.o{position:fixed;pointer-events:none;z-index:2147483646;outline:2px solid #d33f00;outline-offset:1px;background:#d33f0018;display:none}
.p{position:fixed;right:16px;bottom:16px;z-index:2147483647;width:min(460px,90vw);max-height:60vh;overflow:auto;font:13px/1.4 system-ui,sans-serif;color:#111;background:#fff;border:2px solid #d33f00;border-radius:8px;padding:10px;box-shadow:0 4px 18px #0004}
@media (prefers-color-scheme:dark){.p{color:#eee;background:#1d1f23}}
pre{white-space:pre-wrap;font:12px ui-monospace,monospace;background:#8881;padding:6px;margin:6px 0}
button{font:inherit;padding:3px 8px}`;

export interface TrainerPanel {
  outline(el: Element | null): void;
  show(p: Proposal): void;
  /** Is this node part of trainer mode's own UI? */
  owns(node: EventTarget | null): boolean;
  remove(): void;
}

export function createTrainerPanel(locale: Locale): TrainerPanel {
  const T = textFor(locale);
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: TEST_HOOKS ? 'open' : 'closed' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = '') => {
    const node = document.createElement(tag);
    node.className = cls;
    node.textContent = text;
    return node;
  };
  const style = el('style', '', CSS);
  const box = el('div', 'o');
  const panel = el('div', 'p');
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', T.title);
  panel.dataset.testid = 'tw-trainer';
  const status = el('p', '', T.hint);
  status.setAttribute('aria-live', 'polite');
  const pre = el('pre');
  pre.dataset.testid = 'tw-trainer-yaml';
  const copy = el('button', '', T.copy);
  copy.onclick = (event) => event.isTrusted && void navigator.clipboard.writeText(pre.textContent ?? '');
  panel.append(el('strong', '', T.title), status, pre);
  root.append(style, box, panel);
  document.documentElement.append(host);
  pre.hidden = copy.hidden = true;
  panel.append(copy);

  return {
    outline(target) {
      if (!target) return void (box.style.display = 'none');
      const r = target.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    },
    show(p) {
      status.textContent = p.resolves ? T.ok : T.ko;
      panel.dataset.resolves = String(p.resolves);
      panel.dataset.anchor = p.anchorName;
      pre.textContent = p.yaml;
      pre.hidden = copy.hidden = false;
    },
    owns: (node) => node instanceof Node && (node === host || host.contains(node)),
    remove: () => host.remove(),
  };
}
