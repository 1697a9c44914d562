// Trainer mode, injected on demand by the background into a network tab (components/state/guide-service.ts):
// only trainers who switched it on pay for it. It runs in the content scripts' isolated world.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchTrainerMode } from '../components/trainer/mode';
import { siteForHost } from '../lessons/sites';

export default defineUnlistedScript(() => {
  const marker = globalThis as { trainingWheelsTrainerMode?: boolean };
  const site = siteForHost(location.hostname);
  // Injected once per page: a second request (the flag flipped twice) finds this one already following the flag.
  if (!site || marker.trainingWheelsTrainerMode) return;
  marker.trainingWheelsTrainerMode = true;
  watchTrainerMode(site);
});
