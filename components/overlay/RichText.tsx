import { parseRichText } from './kit';

/** Pack text as text nodes, <strong>, <em> and https links: never HTML from the pack (as hint-card.ts's richText). */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseRichText(text).map((segment, index) => {
        switch (segment.kind) {
          case 'strong':
            return <strong key={index}>{segment.text}</strong>;
          case 'em':
            return <em key={index}>{segment.text}</em>;
          case 'link':
            return (
              <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer">
                {segment.text}
              </a>
            );
          default:
            return segment.text;
        }
      })}
    </>
  );
}
