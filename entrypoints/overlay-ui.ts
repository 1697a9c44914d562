// The overlay's full UI (tasks, the panel, beacons), injected by the background into a network tab's frame when the
// page there needs more than the first hint card, which the content script draws itself (components/overlay/ui-slot.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountOverlay } from '../components/overlay/mount-ui';
import { offerOverlayUi } from '../components/overlay/ui-slot';

export default defineUnlistedScript(() => offerOverlayUi({ mount: mountOverlay }));
