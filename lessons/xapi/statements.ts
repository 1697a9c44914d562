// Progress as xAPI 1.0.3 statements and as CSV. Pure: the caller supplies the stored progress facts (storage keys
// of components/state/schema.ts → values), the packs for names, the pseudonymous actor and one statement id per fact
// (a UUID v4 generated once and kept, so the same fact always gives the same statement and an LRS never counts it
// twice). Nothing here reads the page: a statement says which lesson step was done and when, nothing the learner
// read or wrote on a site.
import { isPackId, isStableId } from '../pack/ids';
import type { Lesson, Pack } from '../pack/types';

export const XAPI_VERSION = '1.0.3';
export const ACTIVITY_BASE = 'https://trainingwheels.app/xapi';
export const DEFAULT_HOME_PAGE = 'https://trainingwheels.app/learners';
const EXTENSION = (name: string) => `${ACTIVITY_BASE}/extensions/${name}`;

/** ADL verbs the product emits. */
export const VERBS = {
  attempted: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { en: 'attempted', fr: 'a commencé' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed', fr: 'a terminé' } },
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered', fr: 'a répondu' } },
  progressed: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { en: 'progressed', fr: 'a progressé' } },
} as const;
export type VerbName = keyof typeof VERBS;

const ACTIVITY_TYPES = {
  pack: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  step: 'http://adlnet.gov/expapi/activities/interaction',
  question: 'http://adlnet.gov/expapi/activities/question',
};

export interface Actor {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export const accountActor = (name: string, homePage: string = DEFAULT_HOME_PAGE): Actor => ({ objectType: 'Agent', account: { homePage, name } });

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: { type: string; name?: Record<string, string> };
}

export interface Statement {
  id: string;
  actor: Actor;
  verb: { id: string; display: Record<string, string> };
  object: Activity;
  result?: { completion?: boolean; success?: boolean; extensions?: Record<string, unknown> };
  context: {
    platform: string;
    contextActivities: { parent?: Activity[]; grouping: Activity[] };
    extensions: Record<string, unknown>;
  };
  timestamp: string;
}

const seg = encodeURIComponent;
export const packIri = (packId: string) => `${ACTIVITY_BASE}/packs/${seg(packId)}`;
export const lessonIri = (packId: string, lessonId: string) => `${packIri(packId)}/lessons/${seg(lessonId)}`;
export const stepIri = (packId: string, lessonId: string, stepId: string) => `${lessonIri(packId, lessonId)}/steps/${seg(stepId)}`;
export const questionIri = (packId: string, lessonId: string, q: number) => `${lessonIri(packId, lessonId)}/retrieval/${q}`;

/** A language map holding only non-empty texts (xAPI wants RFC 5646 keys: pack locales are such tags). */
function languageMap(text: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const entries = Object.entries(text).filter(([tag, value]) => /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(tag) && value.trim() !== '');
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function activity(id: string, type: string, name?: Record<string, string>): Activity {
  const map = languageMap(name);
  return { objectType: 'Activity', id, definition: map ? { type, name: map } : { type } };
}

/** Fact keys the export knows: `prefix:ids` (components/state/schema.ts). */
const FACT = /^(progress|started|completed|recall):([^/]+)\/([^/]+)(?:\/([^/]+))?$/;

export interface StatementInput {
  /** storage key → stored value, e.g. "progress:pack/lesson/step" → { at }. Other keys are ignored. */
  facts: Record<string, unknown>;
  packs: readonly Pack[];
  actor: Actor;
  /** The statement id of a fact key (a UUID v4 kept once generated). */
  idFor: (factKey: string) => string;
}

/** The fact keys that become statements (so the caller can create their ids first). */
export function statementFactKeys(facts: Record<string, unknown>): string[] {
  return Object.keys(facts)
    .filter((key) => {
      const m = FACT.exec(key);
      // Ids as a pack has them: a key written by a hostile import (`completed:x/__proto__`) never becomes a statement.
      if (!m || !isPackId(m[2]) || !isStableId(m[3]) || (m[4] !== undefined && !isStableId(m[4]))) return false;
      return m[1] === 'progress' || m[1] === 'recall' ? m[4] !== undefined : m[4] === undefined;
    })
    .sort();
}

export function statementForFact(key: string, value: unknown, { packs, actor, idFor }: Omit<StatementInput, 'facts'>): Statement | null {
  const m = FACT.exec(key);
  if (!m || typeof value !== 'object' || value === null) return null;
  const [, kind, packId, lessonId, last] = m as unknown as [string, string, string, string, string | undefined];
  const at = (value as { at?: unknown }).at;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  const pack = packs.find((p) => p.id === packId);
  const lesson: Lesson | undefined = pack?.lessons.find((l) => l.id === lessonId);
  const packActivity = activity(packIri(packId), ACTIVITY_TYPES.pack, pack?.title);
  const lessonActivity = activity(lessonIri(packId, lessonId), ACTIVITY_TYPES.lesson, lesson?.title);
  const extensions: Record<string, unknown> = { [EXTENSION('pack-id')]: packId };
  if (pack) extensions[EXTENSION('pack-version')] = pack.version;
  if (lesson) extensions[EXTENSION('network')] = lesson.network;
  const base = (verb: VerbName, object: Activity, parent: Activity[] | null): Statement => ({
    id: idFor(key),
    actor,
    verb: { id: VERBS[verb].id, display: { ...VERBS[verb].display } },
    object,
    context: { platform: 'Training Wheels', contextActivities: parent ? { parent, grouping: [packActivity] } : { grouping: [packActivity] }, extensions },
    timestamp: new Date(at).toISOString(),
  });
  switch (kind) {
    case 'started':
      if (last !== undefined) return null;
      return base('attempted', lessonActivity, null);
    case 'completed':
      if (last !== undefined) return null;
      return { ...base('completed', lessonActivity, null), result: { completion: true } };
    case 'progress': {
      if (last === undefined) return null;
      const step = lesson?.steps.find((s) => s.id === last);
      if (step) extensions[EXTENSION('kolb-mode')] = step.mode;
      return { ...base('completed', activity(stepIri(packId, lessonId, last), ACTIVITY_TYPES.step, step?.text), [lessonActivity]), result: { completion: true } };
    }
    case 'recall': {
      if (last === undefined) return null;
      const recalled = (value as { recalled?: unknown }).recalled;
      const q = (value as { q?: unknown }).q;
      if (typeof recalled !== 'boolean') return null;
      const index = typeof q === 'number' && Number.isInteger(q) && q >= 0 ? q : 0;
      const question = lesson?.retrieval[index % Math.max(1, lesson.retrieval.length)]?.q;
      return { ...base('answered', activity(questionIri(packId, lessonId, index), ACTIVITY_TYPES.question, question), [lessonActivity]), result: { success: recalled } };
    }
  }
  return null;
}

/** Every statement the stored facts make, oldest first. */
export function buildStatements(input: StatementInput): Statement[] {
  const out: Statement[] = [];
  for (const key of statementFactKeys(input.facts)) {
    const statement = statementForFact(key, input.facts[key], input);
    if (statement) out.push(statement);
  }
  return out.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
}

export const CSV_COLUMNS = ['statement_id', 'timestamp', 'learner', 'verb', 'pack_id', 'pack_version', 'lesson_id', 'step_id', 'question', 'network', 'title', 'success'] as const;

/** RFC 4180, and a leading = + - @ neutralised so that a spreadsheet never runs a cell as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statementsToCsv(statements: readonly Statement[], locale: string = 'en'): string {
  const rows = statements.map((s) => {
    const [, packId = '', lessonId = '', rest = ''] = /\/packs\/([^/]+)(?:\/lessons\/([^/]+))?(?:\/(.*))?$/.exec(s.object.id)?.map((p) => (p ? decodeURIComponent(p) : p)) ?? [];
    const stepId = rest.startsWith('steps/') ? rest.slice(6) : '';
    const question = rest.startsWith('retrieval/') ? rest.slice(10) : '';
    const name = s.object.definition?.name;
    const title = name ? (name[locale] ?? name.en ?? Object.values(name)[0] ?? '') : '';
    const verb = Object.entries(VERBS).find(([, v]) => v.id === s.verb.id)?.[0] ?? s.verb.id;
    return [
      s.id,
      s.timestamp,
      s.actor.account.name,
      verb,
      packId,
      String(s.context.extensions[EXTENSION('pack-version')] ?? ''),
      lessonId,
      stepId,
      question,
      String(s.context.extensions[EXTENSION('network')] ?? ''),
      title,
      s.result?.success === undefined ? '' : String(s.result.success),
    ].map(csvCell);
  });
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}
