import type { StoreApi } from 'zustand/vanilla';
import type { OverlayState } from '../../components/overlay/state';

/**
 * When the background does not answer, the overlay says that the guide could not load (in its panel, drawn even if
 * nothing was shown yet) rather than show nothing; the next answer clears it.
 */
export function createErrorDisplay(overlay: StoreApi<OverlayState>, show: () => void) {
  return {
    failed() {
      overlay.setState({ error: true });
      show();
    },
  };
}
