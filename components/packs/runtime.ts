// How open tabs learn that the packs in use changed. The background serves each content script what to show on its
// page (components/state/guide-service.ts), so no pack ever travels to a tab; the pack manager bumps this small
// storage.local key whenever the packs in use change (import, update, removal, policy), and open tabs ask again.
export const PACKS_REVISION_KEY = 'packsRevision';
