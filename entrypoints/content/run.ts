import { mountOverlay } from '../../components/overlay/overlay';
import { createShell, type OverlayShell } from '../../components/overlay/shell';
import type { SiteAdapter } from '../../lessons/sites/types';
import { createGuideController } from './guide';
import { createLifetime } from './lifetime';

/**
 * The guide on one tab of `site`. The runtime is the same for the four networks; each has its own small entry
 * (entrypoints/guide-<network>.ts), so that a tab carries only its own network's site knowledge. The background runs
 * that entry only where the learner has the guide on (components/state/guide-scripts.ts); when the learner switches
 * it off here, this copy stops whole (its listeners, observers, timers and overlay), and the tab runs none of our
 * code until it is switched on again. The overlay is drawn once the background's first answer says what to show.
 */
export function runGuide(site: SiteAdapter): void {
  const life = createLifetime();
  let shell: OverlayShell | null = null;
  let view: { remove(): void } | null = null;

  const guide = createGuideController(life, site, {
    onPage(pageKind, shown) {
      if (shown === false) return life.stop();
      if (shown && !shell && life.alive) {
        shell = createShell(() => life.stop());
        view = mountOverlay(shell.container, guide.overlay);
        shell.attach();
      }
      shell?.describe({ network: site.network, 'page-kind': pageKind ?? '' });
    },
  });

  life.onStop(() => {
    view?.remove();
    shell?.remove();
    view = shell = null;
  });
  guide.start();
}
