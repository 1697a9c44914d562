// The trainer's class report: reads the trainer's LRS (xAPI GET /statements, components/report/lrs-reader.ts) with
// read credentials they enter, folds the statements page by page (lessons/report/class-report.ts) and shows, per
// lesson, who started, completed and skipped it, review recall, where learners stop, the path mix and the controls
// reported missing; with charts, tables and a CSV export. Reached from the options page's trainer sections.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { t, type Locale } from '../../components/i18n';
import { learnerPacks, useLearnerPacks } from '../../components/learner/packs';
import { NETWORK_LABEL, PATH_NAME } from '../../components/learner/paths';
import { useLearner, usePageLocale } from '../../components/learner/useLearner';
import { isLrsEndpoint } from '../../components/packs/policy';
import { originPattern } from '../../components/packs/subscribe';
import { forgetReportLrs, loadReportLrs, saveReportLrs } from '../../components/report/credentials';
import { BarChart, ShareBar, type Series } from '../../components/report/charts';
import { LrsReadError, readClassStatements } from '../../components/report/lrs-reader';
import { PACK_ID_RE } from '../../lessons/pack/schema';
import { PATHS } from '../../lessons/pack/types';
import { createClassAggregator, reportToCsv, type ClassReport, type LessonRow, type PathMix } from '../../lessons/report/class-report';
import type { Network } from '../../lessons/sites/types';
import { downloadText as download } from '../../components/download';

const formatDate = (locale: Locale, at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
const localized = (map: Record<string, string> | undefined, locale: Locale, fallback: string) => (map ? (map[locale] ?? map.en ?? Object.values(map)[0] ?? fallback) : fallback);
const lessonName = (row: LessonRow, locale: Locale) => localized(row.title, locale, row.lessonId);

function failureMessage(locale: Locale, error: unknown): string {
  if (error instanceof LrsReadError) {
    switch (error.failure) {
      case 'auth':
        return t(locale, 'reportFailedAuth');
      case 'forbidden':
        return t(locale, 'reportFailedForbidden');
      case 'http':
        return t(locale, 'reportFailedHttp', error.detail);
      case 'network':
        return t(locale, 'reportFailedNetwork', error.detail);
      case 'format':
        return t(locale, 'reportFailedFormat', error.detail);
      case 'other-origin':
        return t(locale, 'reportFailedOtherOrigin', error.detail);
    }
  }
  return t(locale, 'reportFailedNetwork', error instanceof Error ? error.message : String(error));
}

export function Report() {
  useLearnerPacks(); // the trainer's own copies of the packs give lesson order and titles
  const { ready } = useLearner();
  const locale = usePageLocale('reportTitle');
  const [report, setReport] = useState<ClassReport | null>(null);
  if (!ready) return null;
  return (
    <div className="page">
      <header>
        <h1>{t(locale, 'reportHeading')}</h1>
        <a href="/options.html">{t(locale, 'reportBack')}</a>
      </header>
      <main>
        <p>{t(locale, 'reportIntro')}</p>
        <LrsForm locale={locale} onReport={setReport} />
        {report ? <ReportView locale={locale} report={report} /> : null}
      </main>
    </div>
  );
}

function LrsForm({ locale, onReport }: { locale: Locale; onReport: (report: ClassReport | null) => void }) {
  const headingId = useId();
  const ids = { endpoint: useId(), username: useId(), password: useId(), pack: useId(), since: useId(), remember: useId(), packs: useId() };
  const [endpoint, setEndpoint] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [packId, setPackId] = useState('');
  const [since, setSince] = useState('');
  const [remember, setRemember] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    void loadReportLrs().then((saved) => {
      if (!saved) return;
      setEndpoint(saved.endpoint);
      setUsername(saved.username);
      setPassword(saved.password);
      setPackId(saved.packId);
      setRemember(saved.remember);
    });
    return () => running.current?.abort();
  }, []);

  const read = async (target: string) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    onReport(null);
    await saveReportLrs({ endpoint: target, username, password, packId: packId.trim(), remember });
    const aggregator = createClassAggregator();
    const started = performance.now();
    setStatus(t(locale, 'reportReading', '0'));
    try {
      const stats = await readClassStatements(
        { endpoint: target, username, password },
        { ...(packId.trim() ? { packId: packId.trim() } : {}), ...(since ? { since: new Date(`${since}T00:00:00`).toISOString() } : {}) },
        aggregator.add,
        { fetch: (url, init) => fetch(url, init), signal: controller.signal, onProgress: (n) => setStatus(t(locale, 'reportReading', n.toLocaleString(locale))) },
      );
      if (controller.signal.aborted) return;
      const result = aggregator.report(learnerPacks());
      onReport(result);
      const seconds = ((performance.now() - started) / 1000).toLocaleString(locale, { maximumFractionDigits: 1 });
      setStatus(t(locale, 'reportReady', seconds, stats.statements.toLocaleString(locale)));
    } catch (error) {
      if (!controller.signal.aborted) setStatus(failureMessage(locale, error));
    } finally {
      if (running.current === controller) setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = endpoint.trim().replace(/\/+$/, '');
    if (!isLrsEndpoint(target)) return setStatus(t(locale, 'reportEndpointInvalid'));
    if (packId.trim() && !PACK_ID_RE.test(packId.trim())) return setStatus(t(locale, 'reportPackInvalid'));
    // Asked now, inside the click: the permission prompt needs the trainer's gesture. Granted once, it is not asked again.
    void browser.permissions.request({ origins: [originPattern(target)] }).then((granted) => {
      if (!granted) return setStatus(t(locale, 'reportPermissionRefused', new URL(target).host));
      return read(target);
    });
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(locale, 'reportLrsTitle')}</h2>
      <form className="report-form card" onSubmit={submit} data-testid="report-form">
        <div className="field">
          <label htmlFor={ids.endpoint}>{t(locale, 'reportEndpoint')}</label>
          <input id={ids.endpoint} type="url" inputMode="url" required placeholder="https://" autoComplete="url" value={endpoint} onChange={(e) => setEndpoint(e.currentTarget.value)} data-testid="report-endpoint" />
        </div>
        <div className="field">
          <label htmlFor={ids.username}>{t(locale, 'reportUsername')}</label>
          <input id={ids.username} type="text" autoComplete="username" spellCheck={false} value={username} onChange={(e) => setUsername(e.currentTarget.value)} data-testid="report-username" />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t(locale, 'reportPassword')}</label>
          <input id={ids.password} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="report-password" />
        </div>
        <div className="field">
          <label htmlFor={ids.pack}>{t(locale, 'reportPack')}</label>
          <input id={ids.pack} type="text" list={ids.packs} spellCheck={false} value={packId} onChange={(e) => setPackId(e.currentTarget.value)} data-testid="report-pack" />
          <datalist id={ids.packs}>
            {learnerPacks().map((p) => (
              <option key={p.id} value={p.id} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={ids.since}>{t(locale, 'reportSince')}</label>
          <input id={ids.since} type="date" value={since} onChange={(e) => setSince(e.currentTarget.value)} data-testid="report-since" />
        </div>
        <div className="check">
          <input id={ids.remember} type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} data-testid="report-remember" />
          <label htmlFor={ids.remember}>{t(locale, 'reportRemember')}</label>
        </div>
        <div className="row">
          <button type="submit" className="button" disabled={busy} data-testid="report-read">
            {t(locale, 'reportRead')}
          </button>
          <button
            type="button"
            className="button secondary"
            data-testid="report-forget"
            onClick={() =>
              void forgetReportLrs().then(() => {
                setPassword('');
                setRemember(false);
                setStatus(t(locale, 'reportForgotten'));
              })
            }
          >
            {t(locale, 'reportForget')}
          </button>
        </div>
        <p role="status" data-testid="report-status">
          {status}
        </p>
      </form>
    </section>
  );
}

const PATH_SERIES = (locale: Locale): Series[] => [
  ...PATHS.map((path, i) => ({ key: path, label: t(locale, PATH_NAME[path]), className: `series-${i + 1}` })),
  { key: 'unknown', label: t(locale, 'reportPathUnknown'), className: 'series-5' },
];

function ReportView({ locale, report }: { locale: Locale; report: ClassReport }) {
  const overviewId = useId();
  const lessonsId = useId();
  const anchorsId = useId();
  const captionId = useId();
  const lessonSeries: Series[] = [
    { key: 'started', label: t(locale, 'reportSeriesStarted'), className: 'series-1' },
    { key: 'completed', label: t(locale, 'reportSeriesCompleted'), className: 'series-2' },
    { key: 'skipped', label: t(locale, 'reportSeriesSkipped'), className: 'series-3' },
  ];
  const ours = report.statements - report.ignored;
  return (
    <div data-testid="report">
      <section aria-labelledby={overviewId}>
        <h2 id={overviewId}>{t(locale, 'reportOverview')}</h2>
        <p data-testid="report-learners">{t(locale, 'reportLearners', report.learners.toLocaleString(locale), report.statements.toLocaleString(locale), report.ignored.toLocaleString(locale))}</p>
        {ours === 0 ? <p>{t(locale, 'reportEmpty')}</p> : null}
        <ShareBar title={t(locale, 'reportPathMix')} series={PATH_SERIES(locale)} values={report.paths} />
        <button
          type="button"
          className="button secondary"
          data-testid="report-csv"
          onClick={() => download(`training-wheels-class-report-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv', reportToCsv(report, locale))}
        >
          {t(locale, 'reportExportCsv')}
        </button>
      </section>

      <section aria-labelledby={lessonsId}>
        <h2 id={lessonsId}>{t(locale, 'reportLessonsTitle')}</h2>
        {report.lessons.length ? (
          <BarChart
            title={t(locale, 'reportLessonsChart')}
            series={lessonSeries}
            rows={report.lessons.map((l) => ({ key: `${l.packId}/${l.lessonId}`, label: lessonName(l, locale), values: { started: l.started, completed: l.completed, skipped: l.skipped } }))}
          />
        ) : null}
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table" data-testid="report-lessons">
            <caption id={captionId}>{t(locale, 'reportLessonsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'reportColLesson')}</th>
                <th scope="col" className="num">
                  {t(locale, 'reportColStarted')}
                </th>
                <th scope="col" className="num">
                  {t(locale, 'reportColCompleted')}
                </th>
                <th scope="col" className="num">
                  {t(locale, 'reportColSkipped')}
                </th>
                <th scope="col" className="num">
                  {t(locale, 'reportColNotCompleted')}
                </th>
                <th scope="col">{t(locale, 'reportColRecall')}</th>
                <th scope="col" className="num">
                  {t(locale, 'reportColAnchors')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.lessons.map((l) => (
                <tr key={`${l.packId}/${l.lessonId}`} data-testid="report-lesson-row" data-lesson={l.lessonId}>
                  <th scope="row">
                    {lessonName(l, locale)}
                    <div className="muted">
                      {l.network && l.network in NETWORK_LABEL ? `${t(locale, NETWORK_LABEL[l.network as Network])} · ` : ''}
                      <code>{l.lessonId}</code>
                    </div>
                  </th>
                  <td className="num" data-col="started">
                    {l.started}
                  </td>
                  <td className="num" data-col="completed">
                    {l.completed}
                  </td>
                  <td className="num" data-col="skipped">
                    {l.skipped}
                  </td>
                  <td className="num" data-col="not-completed">
                    {l.notCompleted}
                  </td>
                  <td data-col="recall">{l.recall.answers ? t(locale, 'reportRecallValue', String(l.recall.recalled), String(l.recall.answers), String(l.recall.learners)) : '—'}</td>
                  <td className="num" data-col="anchors">
                    {l.anchors.reduce((n, a) => n + a.reports, 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {report.lessons.map((l) => (
          <LessonDetails key={`${l.packId}/${l.lessonId}`} locale={locale} lesson={l} />
        ))}
      </section>

      <section aria-labelledby={anchorsId} data-testid="report-anchors">
        <h2 id={anchorsId}>{t(locale, 'reportAnchorsTitle')}</h2>
        <p className="muted">{t(locale, 'reportAnchorsIntro')}</p>
        {report.anchors.length ? <AnchorTable locale={locale} report={report} /> : <p>{t(locale, 'reportAnchorsNone')}</p>}
      </section>
    </div>
  );
}

function LessonDetails({ locale, lesson }: { locale: Locale; lesson: LessonRow }) {
  const captionId = useId();
  const name = lessonName(lesson, locale);
  const stepLabel = (stepId: string, title?: Record<string, string>) => {
    const text = localized(title, locale, '');
    return text ? `${stepId} — ${text.length > 40 ? `${text.slice(0, 39)}…` : text}` : stepId;
  };
  const stops = [
    { key: '(none)', label: t(locale, 'reportBeforeFirstStep'), values: { stopped: lesson.stoppedBeforeFirstStep } },
    ...lesson.steps.map((s) => ({ key: s.stepId, label: stepLabel(s.stepId, s.title), values: { stopped: s.stoppedHere } })),
  ];
  return (
    <details className="report-lesson" data-testid="report-lesson" data-lesson={lesson.lessonId}>
      <summary>{t(locale, 'reportLessonDetails', name)}</summary>
      <BarChart title={t(locale, 'reportStopsChart', name)} series={[{ key: 'stopped', label: t(locale, 'reportSeriesStopped'), className: 'series-3' }]} rows={stops} />
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table" data-testid="report-steps">
          <caption id={captionId}>{t(locale, 'reportStepsCaption', name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'reportColStep')}</th>
              <th scope="col" className="num">
                {t(locale, 'reportColStepCompleted')}
              </th>
              <th scope="col" className="num">
                {t(locale, 'reportColStepSkipped')}
              </th>
              <th scope="col" className="num">
                {t(locale, 'reportColStoppedHere')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t(locale, 'reportBeforeFirstStep')}</th>
              <td className="num">—</td>
              <td className="num">—</td>
              <td className="num">{lesson.stoppedBeforeFirstStep}</td>
            </tr>
            {lesson.steps.map((s) => (
              <tr key={s.stepId} data-step={s.stepId}>
                <th scope="row">{stepLabel(s.stepId, s.title)}</th>
                <td className="num">{s.completed}</td>
                <td className="num">{s.skipped}</td>
                <td className="num">{s.stoppedHere}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShareBar title={t(locale, 'reportLessonPaths', name)} series={PATH_SERIES(locale)} values={lesson.paths as PathMix} />
      {lesson.anchors.length ? (
        <ul>
          {lesson.anchors.map((a) => (
            <li key={a.anchor}>
              <code>{a.anchor}</code> — {t(locale, 'reportColReports')}: {a.reports}, {t(locale, 'reportColReporters')}: {a.learners}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

function AnchorTable({ locale, report }: { locale: Locale; report: ClassReport }) {
  const captionId = useId();
  const lessonsOf = (anchor: string) =>
    report.lessons
      .filter((l) => l.anchors.some((a) => a.anchor === anchor))
      .map((l) => lessonName(l, locale))
      .join(', ');
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="report-anchor-table">
        <caption id={captionId}>{t(locale, 'reportAnchorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, 'reportColAnchor')}</th>
            <th scope="col" className="num">
              {t(locale, 'reportColReports')}
            </th>
            <th scope="col" className="num">
              {t(locale, 'reportColReporters')}
            </th>
            <th scope="col">{t(locale, 'reportColLastSeen')}</th>
            <th scope="col">{t(locale, 'reportColPages')}</th>
            <th scope="col">{t(locale, 'reportColVersions')}</th>
            <th scope="col">{t(locale, 'reportColLesson')}</th>
          </tr>
        </thead>
        <tbody>
          {report.anchors.map((a) => (
            <tr key={a.anchor} data-testid="report-anchor-row" data-anchor={a.anchor}>
              <th scope="row">
                <code>{a.anchor}</code>
              </th>
              <td className="num" data-col="reports">
                {a.reports}
              </td>
              <td className="num" data-col="learners">
                {a.learners}
              </td>
              <td>{a.lastSeen ? formatDate(locale, a.lastSeen) : '—'}</td>
              <td>{a.pageKinds.join(', ')}</td>
              <td>{a.packVersions.join(', ')}</td>
              <td>{lessonsOf(a.anchor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
