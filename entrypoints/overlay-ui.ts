// The overlay's UI, injected by the background into a network tab's frame with its first answer that the guide is
// on there (components/state/guide-service.ts): tabs where it is off, or not yet asked, never load it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountOverlay } from '../components/overlay/mount-ui';
import { offerOverlayUi } from '../components/overlay/ui-slot';

export default defineUnlistedScript(() => offerOverlayUi({ mount: mountOverlay }));
