// The same minimal overlay as preact.ts with no UI framework: `npm run bench -- --reference vanilla`.
import { mountReferenceHost, referenceCard } from './mount';

mountReferenceHost().append(referenceCard('A hint', 'Some text for the learner (0)'));
