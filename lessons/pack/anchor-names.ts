// Anchor names the validator accepts without the pack defining them: the site registry's (lessons/sites),
// which implements the ANCHORS.md vocabulary. Names only: the validator never needs the strategies.
import { ANCHORS } from '../sites';

export const KNOWN_ANCHORS: readonly string[] = Object.keys(ANCHORS);
