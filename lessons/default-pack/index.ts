// The bundled default pack, as runtime JSON generated from the YAML next to it (`npm run pack -- build-default`).
// Committed JSON rather than a Vite plugin: no YAML parser in any bundle or in the WXT build, the diff of the
// shipped content is reviewable, and tests/unit/pack-default.test.ts fails when it is stale.
// Import it from the background (or options page) only: the networks' tabs never carry a pack; the background runs
// the engine over it and sends a tab only what to show on its page (components/state/guide-service.ts).
import type { Pack } from '../pack/types';
import json from './default-pack.json';

export const DEFAULT_PACK_ID = 'trainingwheels.default';
// Validated when generated and by the unit test; the cast avoids TypeScript inferring a huge literal type.
export const DEFAULT_PACK: Pack = json as unknown as Pack;
