// Anchor names the validator accepts without the pack defining them: the site registry's (lessons/sites), which
// implements the design's anchor vocabulary (../shared/ANCHORS.md, beside the project). Names only: the validator
// never needs the strategies.
import { ANCHORS } from '../sites';

export const KNOWN_ANCHORS: readonly string[] = Object.keys(ANCHORS);
