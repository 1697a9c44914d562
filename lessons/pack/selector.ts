// Is a pack's CSS selector one the guide can run? A selector the browser refuses makes querySelectorAll throw, and
// one that only a few engines know works in one browser and throws in the other. The validator runs outside any
// page (the CLI in Node, the background service worker), so the syntax is checked by a parser of the Selectors
// Level 4 grammar (css-selector-parser: no dependencies, strict, names the position of a fault), and what it
// accepts is narrowed to what Chromium and Firefox (the builds' minimum versions) both run without throwing.
// Never loaded by the content script, which isolates every strategy at run time instead (entrypoints/content/anchors.ts).
import { createParser } from 'css-selector-parser';

const parse = createParser({ syntax: 'selectors-4', strict: true });

/** Pseudo-classes both engines support in querySelectorAll (Chromium ≥ 121, Firefox ≥ 142). */
const PSEUDO_CLASSES = new Set([
  'not', 'is', 'where', 'has',
  'nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type',
  'first-child', 'last-child', 'only-child', 'first-of-type', 'last-of-type', 'only-of-type',
  'empty', 'root', 'scope', 'defined',
  'checked', 'disabled', 'enabled', 'required', 'optional', 'read-only', 'read-write', 'placeholder-shown',
  'default', 'indeterminate', 'valid', 'invalid', 'in-range', 'out-of-range', 'user-valid', 'user-invalid',
  'link', 'any-link', 'visited', 'hover', 'active', 'focus', 'focus-within', 'focus-visible', 'target', 'lang', 'dir',
]);

/** Nesting of :not/:is/:where/:has, beyond which a selector is a puzzle rather than an anchor. */
const MAX_NESTING = 4;

type AstNode = { type?: string; name?: string; namespace?: unknown; [key: string]: unknown };

function walk(node: unknown, visit: (node: AstNode, depth: number, inHas: boolean) => string | null, depth = 0, inHas = false): string | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const problem = walk(item, visit, depth, inHas);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof node !== 'object' || node === null) return null;
  const ast = node as AstNode;
  const problem = visit(ast, depth, inHas);
  if (problem) return problem;
  const entering = ast.type === 'PseudoClass';
  for (const [key, value] of Object.entries(ast)) {
    if (key === 'type' || key === 'name') continue;
    const found = walk(value, visit, entering ? depth + 1 : depth, inHas || (entering && ast.name === 'has'));
    if (found) return found;
  }
  return null;
}

/** Why `selector` cannot be used (in English), or null when it can. */
export function selectorProblem(selector: string): string | null {
  let ast: unknown;
  try {
    ast = parse(selector);
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).replace(/^css-selector-parser parse error:\s*/i, '');
  }
  return walk(ast, (node, depth, inHas) => {
    if (node.namespace !== undefined) return 'namespace prefixes (ns|name) are not supported';
    switch (node.type) {
      case 'PseudoElement':
        return `pseudo-element ::${node.name} matches no element`;
      case 'PseudoClass':
        if (!PSEUDO_CLASSES.has(String(node.name))) return `pseudo-class :${node.name} is not supported by every browser`;
        if (node.name === 'has' && inHas) return ':has() cannot contain :has()';
        if (depth >= MAX_NESTING) return `more than ${MAX_NESTING} levels of :not/:is/:where/:has`;
        return null;
      case 'NestingSelector':
        return 'the nesting selector & is for style sheets, not for finding elements';
      default:
        return null;
    }
  });
}
