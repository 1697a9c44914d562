// The same minimal overlay as preact.ts with no UI framework: `npm run bench -- --reference vanilla`.
import { markReady, mountReferenceHost } from './mount';

const card = document.createElement('div');
card.className = 'card';
card.setAttribute('role', 'dialog');
card.setAttribute('aria-label', 'Hint');
const title = document.createElement('h2');
title.textContent = 'A hint';
const text = document.createElement('p');
text.textContent = 'Some text for the learner (0)';
const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Got it';
card.append(title, text, button);
mountReferenceHost().append(card);
markReady();
