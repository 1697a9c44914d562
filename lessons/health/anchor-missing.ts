// The content script's report of a control a lesson needed and did not find within its wait. Kept apart from
// ./anchor-health.ts (checks, record, summary) so the content script carries the name and the shape only.
import type { Network } from '../sites/types';

export const ANCHOR_MISSING = 'tw:anchor-missing';

export interface AnchorMissing {
  anchor: string;
  network: Network;
  pageKind: string;
  packId: string;
  packVersion: string;
  lessonId: string;
  /** The step that needed it; null for a lesson's hint card (no step yet). */
  stepId: string | null;
}

export interface AnchorMissingMessage extends AnchorMissing {
  type: typeof ANCHOR_MISSING;
}
