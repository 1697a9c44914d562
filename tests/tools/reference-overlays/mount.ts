/** A fixed host at the end of <html> with an open shadow root and a small stylesheet, as our overlay mounts. */
export function mountReferenceHost(): HTMLElement {
  const host = document.createElement('tw-reference');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent =
    ':host{all:initial;position:fixed;inset:0 auto auto 0;width:0;height:0;z-index:2147483646;display:block}' +
    '.card{position:fixed;top:16px;right:16px;width:280px;padding:12px 14px;background:#fff;color:#0f172a;' +
    'border-radius:10px;box-shadow:0 6px 24px rgb(15 23 42/.22);font:14px/1.45 system-ui,sans-serif}';
  const container = document.createElement('div');
  shadow.append(style, container);
  document.documentElement.append(host);
  return container;
}

/** The minimal overlay's one component without a framework: a card with a title, a line of text and a button. */
export function referenceCard(titleText: string, bodyText: string): HTMLElement {
  const card = document.createElement('div');
  card.className = 'card';
  card.setAttribute('role', 'dialog');
  card.setAttribute('aria-label', titleText);
  const title = document.createElement('h2');
  title.textContent = titleText;
  const text = document.createElement('p');
  text.textContent = bodyText;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Got it';
  card.append(title, text, button);
  return card;
}

