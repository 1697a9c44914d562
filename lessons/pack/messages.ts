// Validator messages, in English and French, written for a trainer editing a YAML file.
export type Bilingual = { en: string; fr: string };

export const ERROR_CODES = [
  'yaml-syntax',
  'json-syntax',
  'type',
  'required',
  'unknown-field',
  'invalid-value',
  'format',
  'too-few',
  'schema-version',
  'duplicate-id',
  'missing-locale',
  'undeclared-locale',
  'unknown-anchor',
  'anchor-network',
  'unknown-path',
  'unknown-network',
  'unknown-page-kind',
  'kolb-modes',
  'order-unknown-step',
  'order-missing-step',
  'order-duplicate-step',
  'after-unknown-step',
  'order-before-after',
  'done-shape',
  'done-needs-anchor',
  'url-not-https',
  'pack-too-large',
  'too-long',
  'too-many',
  'invalid-selector',
  'yaml-aliases',
  'too-deep',
  'entry-mode',
  'maker-end',
  'walk-with-done',
  'done-on-navigation',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A parameter is a plain value (a name, a number, code) or words, given in both languages. */
export type Param = string | Bilingual;

export interface MessageParams {
  expected?: Param;
  found?: Param;
  name?: Param;
  detail?: Param;
}

/** The parameters as one language sees them: words in that language, values as they are. */
type Resolved = { [K in keyof MessageParams]?: string };

const q = (s: string | undefined) => (s === undefined ? '' : s);

type Builder = (p: Resolved) => Bilingual;

const CATALOGUE: Record<ErrorCode, Builder> = {
  'yaml-syntax': (p) => ({
    en: `YAML syntax error: ${q(p.detail)}`,
    fr: `Erreur de syntaxe YAML : ${q(p.detail)}`,
  }),
  'json-syntax': (p) => ({
    en: `This is not valid JSON: ${q(p.detail)}`,
    fr: `Ce n'est pas du JSON valide : ${q(p.detail)}`,
  }),
  type: (p) => ({
    en: `Wrong kind of value: expected ${q(p.expected)}, found ${q(p.found)}.`,
    fr: `Type de valeur incorrect : attendu ${q(p.expected)}, trouvé ${q(p.found)}.`,
  }),
  required: (p) => ({
    en: `Missing field "${q(p.name)}": add it here.`,
    fr: `Champ « ${q(p.name)} » manquant : ajoutez-le ici.`,
  }),
  'unknown-field': (p) => ({
    en: `Unknown field "${q(p.name)}"${p.expected ? `; allowed here: ${p.expected}` : ''}. Check its spelling or remove it.`,
    fr: `Champ inconnu « ${q(p.name)} »${p.expected ? ` ; champs permis ici : ${p.expected}` : ''}. Vérifiez l'orthographe ou supprimez-le.`,
  }),
  'invalid-value': (p) => ({
    en: `Invalid value: expected ${q(p.expected)}, found ${q(p.found)}.`,
    fr: `Valeur invalide : attendu ${q(p.expected)}, trouvé ${q(p.found)}.`,
  }),
  format: (p) => ({
    en: `Badly formed value: expected ${q(p.expected)}, found ${q(p.found)}.`,
    fr: `Valeur mal formée : attendu ${q(p.expected)}, trouvé ${q(p.found)}.`,
  }),
  'too-few': (p) => ({
    en: `Too few items: expected ${q(p.expected)}, found ${q(p.found)}.`,
    fr: `Pas assez d'éléments : attendu ${q(p.expected)}, trouvé ${q(p.found)}.`,
  }),
  'schema-version': (p) => ({
    en: `Unsupported pack format: expected "schema: 1", found ${q(p.found)}.`,
    fr: `Format de pack non pris en charge : attendu « schema: 1 », trouvé ${q(p.found)}.`,
  }),
  'duplicate-id': (p) => ({
    en: `Duplicate id "${q(p.name)}"${p.detail ? ` (first used at ${p.detail})` : ''}: ids must be unique, progress is keyed by them.`,
    fr: `Identifiant « ${q(p.name)} » en double${p.detail ? ` (déjà utilisé en ${p.detail})` : ''} : les identifiants doivent être uniques, la progression en dépend.`,
  }),
  'missing-locale': (p) => ({
    en: `Text missing in locale "${q(p.name)}": the pack declares ${q(p.expected)}; add the "${q(p.name)}" translation.`,
    fr: `Texte manquant pour la langue « ${q(p.name)} » : le pack déclare ${q(p.expected)} ; ajoutez la traduction « ${q(p.name)} ».`,
  }),
  'undeclared-locale': (p) => ({
    en: `Locale "${q(p.name)}" is not declared by the pack (locales: ${q(p.expected)}); fix the key or add it to "locales".`,
    fr: `La langue « ${q(p.name)} » n'est pas déclarée par le pack (locales : ${q(p.expected)}) ; corrigez la clé ou ajoutez-la à « locales ».`,
  }),
  'unknown-anchor': (p) => ({
    en: `Unknown anchor "${q(p.name)}": it is neither a built-in anchor of the network (lessons/sites; the pack JSON Schema lists them) nor in this pack's "anchors".${p.detail ? ` Did you mean "${p.detail}"?` : ''}`,
    fr: `Ancre inconnue « ${q(p.name)} » : ce n'est ni une ancre intégrée du réseau (lessons/sites ; le JSON Schema des packs les liste) ni une ancre des « anchors » du pack.${p.detail ? ` Vouliez-vous dire « ${p.detail} » ?` : ''}`,
  }),
  'anchor-network': (p) => ({
    en: `Anchor "${q(p.name)}" belongs to another network: this lesson is for ${q(p.expected)}.`,
    fr: `L'ancre « ${q(p.name)} » appartient à un autre réseau : cette leçon concerne ${q(p.expected)}.`,
  }),
  'unknown-path': (p) => ({
    en: `Unknown learning path "${q(p.found)}": expected one of ${q(p.expected)}.`,
    fr: `Parcours inconnu « ${q(p.found)} » : attendu l'un de ${q(p.expected)}.`,
  }),
  'unknown-network': (p) => ({
    en: `Unknown network "${q(p.found)}": expected one of ${q(p.expected)}.`,
    fr: `Réseau inconnu « ${q(p.found)} » : attendu l'un de ${q(p.expected)}.`,
  }),
  'unknown-page-kind': (p) => ({
    en: `Unknown page kind "${q(p.found)}" for ${q(p.name)}: expected one of ${q(p.expected)}.`,
    fr: `Type de page « ${q(p.found)} » inconnu pour ${q(p.name)} : attendu l'un de ${q(p.expected)}.`,
  }),
  'kolb-modes': (p) => ({
    en: `The lesson does not go round the whole learning cycle: missing mode(s) ${q(p.found)}. Every lesson needs at least one step in each of CE, RO, AC, AE.`,
    fr: `La leçon ne fait pas tout le cycle d'apprentissage : mode(s) manquant(s) ${q(p.found)}. Chaque leçon doit avoir au moins une étape en CE, RO, AC et AE.`,
  }),
  'order-unknown-step': (p) => ({
    en: `"order" names step "${q(p.name)}", which does not exist in this lesson (steps: ${q(p.expected)}).`,
    fr: `« order » cite l'étape « ${q(p.name)} », qui n'existe pas dans cette leçon (étapes : ${q(p.expected)}).`,
  }),
  'order-missing-step': (p) => ({
    en: `"order" leaves out step(s) ${q(p.found)}: a path may reorder the steps but never drop one.`,
    fr: `« order » omet l'étape ou les étapes ${q(p.found)} : un parcours peut réordonner les étapes, jamais en retirer.`,
  }),
  'order-duplicate-step': (p) => ({
    en: `"order" names step "${q(p.name)}" more than once.`,
    fr: `« order » cite l'étape « ${q(p.name)} » plusieurs fois.`,
  }),
  'after-unknown-step': (p) => ({
    en: `"after" names step "${q(p.name)}", which is not another step of this lesson (steps: ${q(p.expected)}).`,
    fr: `« after » cite l'étape « ${q(p.name)} », qui n'est pas une autre étape de cette leçon (étapes : ${q(p.expected)}).`,
  }),
  'order-before-after': (p) => ({
    en: `The order for path ${q(p.name)} puts step "${q(p.found)}" before "${q(p.expected)}", whose result it reads ("after"): the learner would be asked about something not done yet.`,
    fr: `L'ordre du parcours ${q(p.name)} place l'étape « ${q(p.found)} » avant « ${q(p.expected)} », dont elle lit le résultat (« after ») : on interrogerait l'apprenant sur ce qu'il n'a pas encore fait.`,
  }),
  'done-shape': (p) => ({
    en: `Completion rule of the wrong shape: expected ${q(p.expected)}, found ${q(p.found)}.`,
    fr: `Règle d'achèvement mal formée : attendu ${q(p.expected)}, trouvé ${q(p.found)}.`,
  }),
  'done-needs-anchor': (p) => ({
    en: `"done: { ${q(p.name)}: anchor }" refers to the step's anchor, but this step has no "anchor".`,
    fr: `« done: { ${q(p.name)}: anchor } » désigne l'ancre de l'étape, mais cette étape n'a pas d'« anchor ».`,
  }),
  'url-not-https': (p) => ({
    en: `Link "${q(p.found)}" is not https: only https:// links are allowed in texts.`,
    fr: `Le lien « ${q(p.found)} » n'est pas en https : seuls les liens https:// sont permis dans les textes.`,
  }),
  'pack-too-large': (p) => ({
    en: `The pack is too large to store: ${q(p.found)} of JSON, the limit is ${q(p.expected)}. Split it into several packs.`,
    fr: `Le pack est trop volumineux pour être stocké : ${q(p.found)} de JSON, la limite est ${q(p.expected)}. Divisez-le en plusieurs packs.`,
  }),
  'too-long': (p) => ({
    en: `Too long: at most ${q(p.expected)} characters here, found ${q(p.found)}. Shorten it${p.name ? ` (${p.name})` : ''}.`,
    fr: `Trop long : au plus ${q(p.expected)} caractères ici, trouvé ${q(p.found)}. Raccourcissez-le${p.name ? ` (${p.name})` : ''}.`,
  }),
  'too-many': (p) => ({
    en: `Too many items: at most ${q(p.expected)} here, found ${q(p.found)}.`,
    fr: `Trop d'éléments : au plus ${q(p.expected)} ici, trouvé ${q(p.found)}.`,
  }),
  'invalid-selector': (p) => ({
    en: `Not a CSS selector the guide can use: ${q(p.found)} (${q(p.detail)}). Use plain selectors on stable markup, e.g. [data-testid="…"], #id, a[href*="/in/"].`,
    fr: `Ce n'est pas un sélecteur CSS utilisable par le guide : ${q(p.found)} (${q(p.detail)}). Utilisez des sélecteurs simples sur un balisage stable, par ex. [data-testid="…"], #id, a[href*="/in/"].`,
  }),
  'yaml-aliases': (p) => ({
    en: `Too many YAML aliases (*name) expanded: more than ${q(p.expected)}. Repeat the text itself instead of an alias.`,
    fr: `Trop d'alias YAML (*nom) développés : plus de ${q(p.expected)}. Répétez le texte lui-même plutôt qu'un alias.`,
  }),
  'too-deep': (p) => ({
    en: `Nested too deeply: at most ${q(p.expected)} levels of lists and mappings, found more. A pack is never this deep; check the brackets and indentation.`,
    fr: `Imbrication trop profonde : au plus ${q(p.expected)} niveaux de listes et de tables, trouvé davantage. Un pack n'est jamais aussi profond ; vérifiez les crochets et l'indentation.`,
  }),
  'entry-mode': (p) => ({
    en: `The order for path ${q(p.name)} starts with a ${q(p.found)} step rather than its entry mode ${q(p.expected)} (PEDAGOGY): is that intended?`,
    fr: `L'ordre du parcours ${q(p.name)} commence par une étape ${q(p.found)} au lieu de son mode d'entrée ${q(p.expected)} (PEDAGOGY) : est-ce voulu ?`,
  }),
  'maker-end': (p) => ({
    en: `The Maker's order ends with ${q(p.found)}: a Maker sets a goal, does it, then measures (RO) and adjusts (AE or AC). Put the RO step just before a last AE or AC step.`,
    fr: `L'ordre du Bâtisseur se termine par ${q(p.found)} : un Bâtisseur fixe un but, le réalise, puis mesure (RO) et ajuste (AE ou AC). Placez l'étape RO juste avant une dernière étape AE ou AC.`,
  }),
  'walk-with-done': () => ({
    en: `A step with a "walk" has no "done": it ends when the walk's last micro-step does. Remove "done", or put its action in the last micro-step.`,
    fr: `Une étape avec un « walk » n'a pas de « done » : elle se termine avec la dernière micro-étape. Supprimez « done », ou mettez son action dans la dernière micro-étape.`,
  }),
  'done-on-navigation': (p) => ({
    en: `This doing-step ends on a click on ${q(p.name)}, a control that starts the journey (navigation), not the action that ends the task. End it on the real action (Post, Send, Save, the dialog closing, a URL reached), e.g. with a "walk".`,
    fr: `Cette étape d'action se termine sur un clic sur ${q(p.name)}, un contrôle qui ouvre le parcours (navigation), pas sur l'action qui achève la tâche. Terminez-la sur l'action réelle (Publier, Envoyer, Enregistrer, la fenêtre qui se ferme, une URL atteinte), par exemple avec un « walk ».`,
  }),
  internal: (p) => ({
    en: `The validator could not check this input: ${q(p.detail)}`,
    fr: `Le validateur n'a pas pu vérifier cette entrée : ${q(p.detail)}`,
  }),
};

/** A message in both languages, each with its parameters in that language (no English words in a French message). */
export function message(code: ErrorCode, params: MessageParams = {}): Bilingual {
  const inLanguage = (lang: keyof Bilingual): Resolved =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' || v === undefined ? v : v[lang]]));
  return { en: CATALOGUE[code](inLanguage('en')).en, fr: CATALOGUE[code](inLanguage('fr')).fr };
}

/** Words in both languages, for a message parameter. */
export const words = (en: string, fr: string): Bilingual => ({ en, fr });
