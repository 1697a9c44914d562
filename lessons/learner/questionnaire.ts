// The 7 forced-choice items of PEDAGOGY.md, as data for the learner UI (which shuffles the options on screen).
// Our own items: no psychometric claim (Kolb's KLSI and Honey & Mumford's LSQ are proprietary).
import type { LearningPath } from '../pack/types';
import type { Localized } from '../sites/types';

export type PathCode = 'E' | 'A' | 'T' | 'M';

export const CODE_TO_PATH: Record<PathCode, LearningPath> = { E: 'experimenter', A: 'analyst', T: 'thinker', M: 'maker' };
export const PATH_TO_CODE: Record<LearningPath, PathCode> = { experimenter: 'E', analyst: 'A', thinker: 'T', maker: 'M' };

export interface QuestionnaireOption {
  code: PathCode;
  text: Localized;
}

export interface QuestionnaireItem {
  /** 1-based, as in PEDAGOGY.md: items 1 and 7 break ties. */
  n: number;
  prompt: Localized;
  options: QuestionnaireOption[];
}

const o = (code: PathCode, en: string, fr: string): QuestionnaireOption => ({ code, text: { en, fr } });

export const QUESTIONNAIRE: readonly QuestionnaireItem[] = [
  {
    n: 1,
    prompt: { en: 'New network, first ten minutes, you…', fr: 'Nouveau réseau : les dix premières minutes, vous…' },
    options: [
      o('E', 'sign up and try everything', 'créez un compte et essayez tout'),
      o('A', 'quietly watch people in your field', 'observez discrètement votre secteur'),
      o('T', 'work out what it is for compared with the others', 'cherchez à quoi il sert face aux autres'),
      o('M', 'decide what it should bring you', "fixez ce qu'il doit vous apporter"),
    ],
  },
  {
    n: 2,
    prompt: { en: "A colleague helps. You'd rather they…", fr: "Un collègue vous aide. Vous préférez qu'il…" },
    options: [
      o('E', 'let you try, then correct you', 'vous laisse essayer puis corrige'),
      o('A', 'show you on their own account', 'vous montre sur son compte'),
      o('T', 'explain the overall logic', "explique la logique d'ensemble"),
      o('M', 'give the next step towards your goal', "donne l'étape suivante vers votre but"),
    ],
  },
  {
    n: 3,
    prompt: { en: 'What would bother you most', fr: 'Le plus gênant' },
    options: [
      o('E', 'an hour of reading without touching anything', 'une heure de lecture sans rien toucher'),
      o('A', 'posting before you know the unwritten rules', 'publier avant de comprendre les codes'),
      o('T', 'instructions without the why', 'des consignes sans le pourquoi'),
      o('M', 'features irrelevant to your job', 'des fonctions inutiles pour votre métier'),
    ],
  },
  {
    n: 4,
    prompt: { en: 'To remember, you keep…', fr: 'Pour retenir, vous gardez…' },
    options: [
      o('E', 'a log of what you tried', 'la liste de vos essais'),
      o('A', 'screenshots of good examples', 'des captures de bons exemples'),
      o('T', 'a diagram of networks and their uses', 'un schéma réseaux-usages'),
      o('M', 'a checklist of actions', "une checklist d'actions"),
    ],
  },
  {
    n: 5,
    prompt: { en: 'Your company goes to a trade show. You…', fr: 'Votre entreprise va à un salon. Vous…' },
    options: [
      o('E', 'try a post straight away', 'testez une publication tout de suite'),
      o('A', 'note who is talking about it', 'repérez qui en parle'),
      o('T', 'work out which network suits which message', 'comparez réseau et message'),
      o('M', 'set a target number of contacts and plan', 'fixez un objectif de contacts et planifiez'),
    ],
  },
  {
    n: 6,
    prompt: { en: 'A post gets no reaction. You…', fr: 'Une publication sans réaction. Vous…' },
    options: [
      o('E', 'try again differently', 'réessayez autrement'),
      o('A', 'study those who succeed', 'étudiez ceux qui réussissent'),
      o('T', 'look for the rule behind it', 'cherchez la règle'),
      o('M', 'check whether it matters for your goal', "vérifiez si cela compte pour l'objectif"),
    ],
  },
  {
    n: 7,
    prompt: { en: 'Ideal pace', fr: 'Rythme idéal' },
    options: [
      o('E', 'frequent small challenges', 'petits défis fréquents'),
      o('A', "visible only when I'm ready", 'visible quand je suis prêt·e'),
      o('T', 'the overview first', "la vue d'ensemble d'abord"),
      o('M', 'the shortest path to a result', 'le chemin le plus court vers un résultat'),
    ],
  },
];

export const PATH_LABELS: Record<LearningPath | 'balanced', Localized> = {
  experimenter: { en: 'Experimenter', fr: 'Expérimentateur' },
  analyst: { en: 'Analyst', fr: 'Analyste' },
  thinker: { en: 'Thinker', fr: 'Penseur' },
  maker: { en: 'Maker', fr: 'Bâtisseur' },
  balanced: { en: 'Balanced', fr: 'Polyvalent' },
};

/** What every result screen says (PEDAGOGY: "be honest about the science"). */
export const RESULT_DISCLAIMER: Localized = {
  en: 'A starting point, not a label — change it any time.',
  fr: 'Un point de départ, pas une étiquette — changez-le quand vous voulez.',
};

/**
 * The options of an item in a shuffled order that is stable for a given seed (e.g. a number stored with the
 * learner), so re-rendering does not reshuffle. Pure: the caller supplies the seed.
 */
export function shuffledOptions(item: QuestionnaireItem, seed: number): QuestionnaireOption[] {
  const out = [...item.options];
  let s = (Math.floor(seed) ^ (item.n * 0x9e3779b1)) >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0; // LCG: enough to vary option order
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
