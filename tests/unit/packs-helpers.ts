// Small packs for the trainers' tests (valid per the validator: one lesson, the four Kolb modes).
import type { Pack } from '../../lessons/pack/types';

export function tinyPack(id = 'acme.tiny', version = '1.0.0', lessonIds: string[] = ['headline']): Pack {
  return {
    schema: 1,
    id,
    version,
    title: { en: `Pack ${id}`, fr: `Pack ${id}` },
    lessons: lessonIds.map((lessonId) => ({
      id: lessonId,
      network: 'linkedin' as const,
      pages: ['profile'],
      title: { en: 'Headline', fr: 'Titre' },
      why: { en: 'w', fr: 'w' },
      practiseSafely: { en: 'p', fr: 'p' },
      example: { en: 'e', fr: 'e' },
      hints: { experimenter: { en: 'h', fr: 'h' }, analyst: { en: 'h', fr: 'h' }, thinker: { en: 'h', fr: 'h' }, maker: { en: 'h', fr: 'h' } },
      steps: (['CE', 'RO', 'AC', 'AE'] as const).map((mode, i) => ({ id: `s${i}`, mode, text: { en: `step ${i}`, fr: `étape ${i}` }, done: 'manual' as const })),
      retrieval: [{ q: { en: 'q?', fr: 'q ?' }, a: { en: 'a', fr: 'a' } }],
    })),
  };
}

/** A fetch answering from a table of url → body (string) or status; records every call. */
export function fakeFetch(table: Record<string, string | number | Error>) {
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    const entry = table[url];
    if (entry === undefined) throw new TypeError('Failed to fetch');
    if (entry instanceof Error) throw entry;
    if (typeof entry === 'number') return new Response('nope', { status: entry });
    return new Response(entry, { status: 200 });
  };
  return { fetch, calls, table };
}
