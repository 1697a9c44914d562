// The class report: statements folded into per-lesson counts equal, count for count, to what a generated class did;
// then the same, read from the real Learning Locker over xAPI GET /statements (verb, activity, related_activities,
// since, following `more`), with real Basic auth. The full-scale run (20,000+ statements, 200 learners, timed) is
// the benchmark `npx tsx tests/tools/bench-report.ts`; this test loads a smaller class so the suite stays quick.
import validateStatement from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LrsReadError, readClassStatements, streamStatements } from '../../components/report/lrs-reader';
import { createClassAggregator, reportToCsv, type ClassReport } from '../../lessons/report/class-report';
import { accountActor, VERBS } from '../../lessons/xapi/statements';
import { generateClass, reportDifferences, type GeneratedClass } from '../support/class-generator';
import { postStatements, startLrs, type Lrs } from '../support/lrs-server';

/** Every figure of the report against the generator's own count. */
const expectReportMatches = (report: ClassReport, generated: GeneratedClass) => expect(reportDifferences(report, generated)).toEqual([]);

describe('the class report (in memory)', () => {
  const generated = generateClass({ learners: 60, seed: 7 });

  it('the generated statements are valid xAPI, with skips, paths and anchor summaries among them', () => {
    for (const s of generated.statements.slice(0, 400)) expect(validateStatement(s)).toEqual([]);
    const verbs = new Set(generated.statements.map((s) => s.verb.id));
    expect(verbs).toContain(VERBS.exited.id);
    expect(Object.keys(generated.anchors).length).toBeGreaterThan(0);
  });

  it('counts equal the generator’s, whatever order the statements come in', () => {
    const aggregator = createClassAggregator();
    const shuffled = [...generated.statements].reverse();
    for (const s of shuffled) aggregator.add(s);
    const report = aggregator.report([generated.pack]);
    expect(report.statements).toBe(generated.statements.length);
    expect(report.ignored).toBe(0);
    expectReportMatches(report, generated);
    // Lessons and steps in the pack's order when the pack is at hand.
    const order = generated.pack.lessons.map((l) => l.id).filter((id) => id in generated.lessons);
    expect(report.lessons.map((l) => l.lessonId)).toEqual(order);
  });

  it('ignores what is not the product’s, and never takes a skip for a completion', () => {
    const aggregator = createClassAggregator();
    const actor = accountActor('0b6f7c4e-2f61-4b0a-9c1d-3e5f7a9b1c2d');
    const lesson = 'https://trainingwheels.app/xapi/packs/p/lessons/l';
    aggregator.add({ actor, verb: { id: VERBS.completed.id }, object: { id: 'https://elsewhere.example/course/1' }, timestamp: '2026-01-01T00:00:00Z' });
    aggregator.add({ actor, verb: { id: VERBS.attempted.id }, object: { id: lesson }, timestamp: '2026-01-01T00:00:00Z' });
    aggregator.add({ actor, verb: { id: VERBS.exited.id }, object: { id: lesson }, result: { completion: false, extensions: { 'https://trainingwheels.app/xapi/extensions/skipped': true } }, timestamp: '2026-01-01T00:01:00Z' });
    aggregator.add('garbage');
    const report = aggregator.report();
    expect(report).toMatchObject({ statements: 4, ignored: 2, learners: 1 });
    expect(report.lessons[0]).toMatchObject({ started: 1, skipped: 1, completed: 0, notCompleted: 1, stoppedBeforeFirstStep: 1 });
  });

  it('CSV: lesson, step and anchor rows; no formulas', () => {
    const aggregator = createClassAggregator();
    for (const s of generated.statements) aggregator.add(s);
    const csv = reportToCsv(aggregator.report([generated.pack]), 'fr');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'row,pack_id,lesson_id,step_id,anchor,title,started,completed,skipped,not_completed,stopped_here,recall_answers,recalled,experimenter,analyst,thinker,maker,path_unknown,anchor_reports,anchor_learners,anchor_last_seen',
    );
    const lessonRows = lines.filter((l) => l.startsWith('lesson,'));
    expect(lessonRows).toHaveLength(Object.keys(generated.lessons).length);
    const anchorRows = lines.filter((l) => l.startsWith('anchor,'));
    expect(anchorRows.length).toBeGreaterThan(0);
    expect(lines.every((l) => !/,[=+@-]/.test(l.replace(/,-?\d/g, '')))).toBe(true);
  });
});

describe('the class report read from the real LRS (Learning Locker, xapi-statements 5.0.1)', () => {
  const credentials = { username: 'trainer-key', password: 'trainer-secret' };
  let lrs: Lrs;
  const generated = generateClass({ learners: 40, seed: 3 });
  const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  const foreign = Array.from({ length: 30 }, (_, i) => ({
    actor: accountActor(`00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`, 'https://other.example'),
    verb: { id: VERBS.completed.id, display: { en: 'completed' } },
    object: { objectType: 'Activity', id: `https://other-product.example/courses/${i}` },
    timestamp: '2026-01-02T00:00:00.000Z',
  }));

  beforeAll(async () => {
    lrs = await startLrs({ credentials });
    await postStatements(lrs.endpoint, [...generated.statements, ...foreign], { authorization });
  }, 120_000);
  afterAll(async () => {
    await lrs?.close();
  });

  it('streams every page (following more) and every count equals the generator’s', async () => {
    const aggregator = createClassAggregator();
    let progress = 0;
    const stats = await readClassStatements({ endpoint: lrs.endpoint, ...credentials }, { packId: generated.pack.id, limit: 200 }, aggregator.add, {
      fetch: (u, i) => fetch(u, i),
      onProgress: (n) => (progress = n),
    });
    expect(stats.statements).toBe(generated.statements.length); // the other product's statements are not in the pack's activity
    expect(stats.pages).toBeGreaterThan(generated.statements.length / 200);
    expect(stats.largestPage).toBeLessThanOrEqual(200);
    expect(progress).toBe(generated.statements.length);
    expectReportMatches(aggregator.report([generated.pack]), generated);
  }, 60_000);

  it('without a pack, reads every Training Wheels statement and ignores the rest', async () => {
    const aggregator = createClassAggregator();
    const stats = await readClassStatements({ endpoint: lrs.endpoint, ...credentials }, {}, aggregator.add, { fetch: (u, i) => fetch(u, i) });
    expect(stats.statements).toBe(generated.statements.length + foreign.length);
    const report = aggregator.report([generated.pack]);
    expect(report.ignored).toBe(foreign.length);
    expectReportMatches(report, generated);
  }, 60_000);

  it('since: statements stored after a time only', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const pages: number[] = [];
    await streamStatements({ endpoint: lrs.endpoint, ...credentials }, { since: later, verb: VERBS.attempted.id }, (page) => pages.push(page.length), { fetch: (u, i) => fetch(u, i) });
    expect(pages).toEqual([0]);
  });

  it('wrong credentials: a clear failure, not an empty report', async () => {
    await expect(
      streamStatements({ endpoint: lrs.endpoint, username: 'trainer-key', password: 'wrong' }, { verb: VERBS.attempted.id }, () => undefined, { fetch: (u, i) => fetch(u, i) }),
    ).rejects.toEqual(new LrsReadError('auth'));
  });
});
