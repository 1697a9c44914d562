import { parseRichText } from '../../lessons/pack/richtext';
import { el } from './dom';

/** Pack text as text nodes, <strong>, <em> and https links: never HTML from the pack. */
export const richText = (text: string): (Node | string)[] =>
  parseRichText(text).map((segment) => {
    switch (segment.kind) {
      case 'strong':
        return el('strong', {}, segment.text);
      case 'em':
        return el('em', {}, segment.text);
      case 'link':
        return el('a', { href: segment.href, target: '_blank', rel: 'noopener noreferrer' }, segment.text);
      default:
        return segment.text;
    }
  });
