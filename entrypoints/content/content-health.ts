import type { Guide } from '../../lessons/engine/engine';
import { ANCHOR_MISSING, type AnchorMissingMessage } from '../../lessons/health/anchor-missing';
import type { SiteAdapter } from '../../lessons/sites/types';
import type { AnchorStates } from './anchor-watcher';
import { currentAnchor, wantedAnchors } from './anchor-choice';

interface Need {
  anchor: string;
  packId: string;
  lessonId: string;
  stepId: string | null;
}

/**
 * Content health: a control the lesson needs on this page that was not found within its wait is told to the
 * background once per page view (its name, the page kind and the lesson's ids: no URL, nothing of the page), for
 * Diagnostics and the trainer's report of what a site change broke.
 */
export function createHealthReporter(site: SiteAdapter, tell: (message: AnchorMissingMessage) => void) {
  let needs: Need[] = [];
  let packVersions: Record<string, string> = {};
  let reported = new Set<string>();
  let pageKind: string | null = null;
  return {
    /** A new page view: what was reported on the last one may be reported again. */
    onPage(kind: string | null) {
      pageKind = kind;
      reported = new Set();
    },
    /** Which lesson (and step) needs each anchor the guide watches here, and the versions of the packs in use. */
    follow(guide: Guide, versions: Record<string, string> | undefined) {
      packVersions = versions ?? {};
      const { task } = guide;
      if (task) {
        // Only the control the card points at now: a dialog's Post button, or an element a signal waits to appear,
        // is rightly absent until the learner gets there.
        const anchor = currentAnchor(task);
        needs = anchor ? [{ anchor, packId: task.packId, lessonId: task.lessonId, stepId: task.stepId }] : [];
        return;
      }
      const wanted = new Set(wantedAnchors(guide));
      needs = guide.hints
        .filter((h) => h.anchor && wanted.has(h.anchor))
        .map((h) => ({ anchor: h.anchor!, packId: h.packId, lessonId: h.lessonId, stepId: null }));
    },
    onStates(states: AnchorStates) {
      if (pageKind === null) return;
      for (const [anchor, state] of Object.entries(states)) {
        if (state.status !== 'missing') continue;
        for (const need of needs) {
          const packVersion = packVersions[need.packId];
          const key = `${anchor}|${need.packId}/${need.lessonId}/${need.stepId ?? ''}`;
          if (need.anchor !== anchor || !packVersion || reported.has(key)) continue;
          reported.add(key);
          tell({ type: ANCHOR_MISSING, anchor, network: site.network, pageKind, packId: need.packId, packVersion, lessonId: need.lessonId, stepId: need.stepId });
        }
      }
    },
  };
}
