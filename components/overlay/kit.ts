// The full UI's access to the modules the content script already carries (ui-slot.ts): the components import them
// from here, so the UI script, injected beside the content script, does not carry them a second time.
import { borrowOverlayKit } from './ui-slot';

export const { ot, fillHintBody, anchorCard, followAnchor, isRightToLeft, parseRichText } = borrowOverlayKit();
