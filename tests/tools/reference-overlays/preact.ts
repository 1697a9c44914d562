// DESIGN's reference point ("Budgets"): a minimal overlay (one shadow root, one component, zustand) built with
// Preact and rendered as soon as the script runs. `npm run bench -- --reference preact` loads it in place of our
// extension and measures it exactly as it measures ours.
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { createStore } from 'zustand/vanilla';
import { mountReferenceHost } from './mount';

const store = createStore<{ open: boolean }>()(() => ({ open: true }));

function Hint() {
  const [seen, setSeen] = useState(0);
  if (!store.getState().open) return null;
  return h(
    'div',
    { class: 'card', role: 'dialog', 'aria-label': 'Hint' },
    h('h2', null, 'A hint'),
    h('p', null, `Some text for the learner (${seen})`),
    h('button', { type: 'button', onClick: () => setSeen(seen + 1) }, 'Got it'),
  );
}

render(h(Hint, null), mountReferenceHost());
