// Trainer mode's core: from a clicked element, a robust anchor definition (test ids, ids, role and accessible name
// before stable attributes, classes last) and a draft step, as YAML to paste into a pack. Each strategy is kept only
// if the shared resolver, trying it alone, finds that very element; the whole definition is checked the same way.
// DOM-reading and framework-free; it ships in trainer mode's script (entrypoints/trainer-mode.ts), injected only into a
// trainer's tabs.
import { accessibleName, resolveAnchor } from '../anchors/resolver';
import type { AnchorDef, AnchorStrategy } from '../../lessons/sites/types';

const INTERACTIVE =
  'button,a[href],input,textarea,select,summary,[role=button],[role=link],[role=textbox],[role=searchbox],[role=combobox],[role=tab],[role=menuitem],[role=checkbox],[role=switch],[contenteditable=true]';

/** The control a click meant: the nearest interactive ancestor (an icon inside a button gives the button). */
export const pickTarget = (el: Element): Element => el.closest(INTERACTIVE) ?? el;

function roleOf(el: Element): string {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  const tag = el.localName;
  if (tag === 'a') return 'link';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'select') return 'combobox';
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return ['button', 'submit', 'reset', 'image'].includes(type) ? 'button' : type === 'search' ? 'searchbox' : type === 'checkbox' || type === 'radio' ? type : 'textbox';
  }
  return /^h[1-6]$/.test(tag) ? 'heading' : 'button';
}

/** Ids and classes that a build generates (hashes, counters) change with every release: never propose them. */
const generated = (s: string) => /\d{3,}|^(ember|react|css-|sc-|jsx-|_)|[A-Z].*[0-9]|[0-9].*[A-Z]|:/.test(s) || (s.length > 5 && /^[a-z0-9]+$/i.test(s) && /\d/.test(s));

const q = (s: string) => JSON.stringify(s);

function candidates(el: Element): AnchorStrategy[] {
  const out: AnchorStrategy[] = [];
  const tag = el.localName;
  const testId = el.getAttribute('data-testid');
  if (testId) out.push({ css: `[data-testid=${q(testId)}]` });
  if (el.id && !generated(el.id)) out.push({ css: `#${CSS.escape(el.id)}` });
  const role = roleOf(el);
  const name = accessibleName(el, role);
  if (name && name.length <= 80) out.push({ role, name: [name] });
  for (const attr of ['data-view-name', 'data-control-name', 'name', 'aria-label']) {
    const value = el.getAttribute(attr);
    if (value && !generated(value)) out.push({ css: `${tag}[${attr}=${q(value)}]` });
  }
  const href = tag === 'a' ? el.getAttribute('href') : null;
  const path = href?.startsWith('/') ? href.split(/[?#]/)[0] : null;
  if (path && path.length > 1) out.push({ css: `a[href^=${q(path)}]` });
  const classes = [...el.classList].filter((c) => !generated(c)).slice(0, 2);
  if (classes.length) out.push({ css: tag + classes.map((c) => `.${CSS.escape(c)}`).join('') });
  return out;
}

const resolvesTo = (def: AnchorDef, el: Element) => resolveAnchor('x', { x: def }, document).element === el;

export interface Proposal {
  anchorName: string;
  definition: AnchorDef;
  /** The whole definition resolves to the picked element. */
  resolves: boolean;
  yaml: string;
}

const camel = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\w\s]/g, '')
    .trim()
    .split(/\s+/)
    .slice(0, 4)
    .map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join('') || 'control';

export function propose(el: Element, network: string, pageKind: string | null): Proposal {
  const strategies = candidates(el)
    .filter((s) => resolvesTo({ strategies: [s] }, el))
    .slice(0, 3);
  const definition: AnchorDef = { strategies };
  const label = accessibleName(el, roleOf(el));
  const anchorName = `${network}.${pageKind ?? 'page'}.${camel(label || el.localName)}`;
  const lines = [
    'anchors:',
    `  ${anchorName}:`,
    // JSON is YAML: each strategy as a flow mapping, with every string safely quoted.
    ...strategies.map((s) => `    - ${JSON.stringify(s)}`),
    'lessons:',
    `  - id: ${camel(label || 'new lesson').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    `    network: ${network}`,
    `    pages: [${pageKind ?? ''}]`,
    '    steps:',
    '      - id: try',
    '        mode: CE',
    `        anchor: ${anchorName}`,
    `        text: { en: ${q(`Click “${label}”.`)}, fr: ${q(`Cliquez sur « ${label} ».`)} }`,
    '        done: { click: anchor }',
  ];
  return { anchorName, definition, resolves: strategies.length > 0 && resolvesTo(definition, el), yaml: lines.join('\n') + '\n' };
}
