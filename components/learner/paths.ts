import { PATHS, type LearningPath } from '../../lessons/pack/types';
import type { Network } from '../../lessons/sites/types';
import type { MessageKey } from '../i18n';

export const NETWORK_LABEL: Record<Network, MessageKey> = { linkedin: 'networkLinkedin', x: 'networkX', facebook: 'networkFacebook', youtube: 'networkYoutube' };

export const PATH_NAME: Record<LearningPath, MessageKey> = {
  experimenter: 'pathExperimenter',
  analyst: 'pathAnalyst',
  thinker: 'pathThinker',
  maker: 'pathMaker',
};

export const PATH_ABOUT: Record<LearningPath, MessageKey> = {
  experimenter: 'pathExperimenterAbout',
  analyst: 'pathAnalystAbout',
  thinker: 'pathThinkerAbout',
  maker: 'pathMakerAbout',
};

export { PATHS };
