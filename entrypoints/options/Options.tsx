// The learner's page: progress at a glance, notes, retrieval questions, path, guide and language, their data.
import { useEffect, useId, useRef, useState } from 'react';
import { t, type Locale } from '../../components/i18n';
import { Switch } from '../../components/Switch';
import { LanguageSelect } from '../../components/learner/LanguageSelect';
import { Notices } from '../../components/learner/Notices';
import { PathPicker } from '../../components/learner/PathPicker';
import { ProgressRing } from '../../components/learner/ProgressRing';
import { effectivePresets, learnerPacks, pathLocked, useLearnerPacks } from '../../components/learner/packs';
import { PATH_NAME } from '../../components/learner/paths';
import { networkStats, type LessonStats } from '../../components/learner/stats';
import { useLearner, usePageLocale } from '../../components/learner/useLearner';
import { localArea } from '../../components/state/area';
import { deleteLearnerData, exportFileName, exportLearnerData, importLearnerData } from '../../components/state/transfer';
import { answerRetrieval, dueRetrievals, localize, type RetrievalCard } from '../../lessons/engine';
import { MODES, type Lesson, type Pack } from '../../lessons/pack/types';
import { NETWORKS, type Network } from '../../lessons/sites/types';
import { learnerFileTooLarge, learnerImportMessage } from './import-messages';
import { TRAINER_SECTIONS } from './trainer-slot';

const NETWORK_LABEL = { linkedin: 'networkLinkedin', x: 'networkX', facebook: 'networkFacebook', youtube: 'networkYoutube' } as const;

const formatDate = (locale: Locale, at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

export function Options() {
  useLearnerPacks(); // re-render with the trainers' packs once they are read
  const { ready } = useLearner();
  const locale = usePageLocale('optionsTitle');
  if (!ready) return null;
  return (
    <div className="page">
      <header>
        <h1>{t(locale, 'optionsTitle')}</h1>
      </header>
      <Notices locale={locale} />
      <main>
        <ProgressSection locale={locale} />
        <ReviewSection locale={locale} />
        <PathSection locale={locale} />
        <GuideSection locale={locale} />
        <DataSection locale={locale} />
        {TRAINER_SECTIONS.map(({ id, Component }) => (
          <Component key={id} locale={locale} />
        ))}
      </main>
    </div>
  );
}

function ProgressSection({ locale }: { locale: Locale }) {
  const { progress } = useLearner();
  const headingId = useId();
  const packs = learnerPacks();
  const all = NETWORKS.map((network) => networkStats(packs, progress, network)).filter((s) => s.lessons.length > 0);
  return (
    <section aria-labelledby={headingId} data-testid="progress">
      <h2 id={headingId}>{t(locale, 'optionsProgressTitle')}</h2>
      <ul className="rings">
        {all.map((s) => {
          const name = t(locale, NETWORK_LABEL[s.network]);
          const fraction = s.stepsTotal ? s.stepsDone / s.stepsTotal : 0;
          return (
            <li key={s.network} className="ring-card" data-testid={`ring-${s.network}`}>
              <ProgressRing fraction={fraction} label={t(locale, 'optionsRingLabel', name, String(Math.round(fraction * 100)))} />
              <div>
                <h3>{name}</h3>
                <div>{t(locale, 'optionsLessonsDone', s.lessonsDone, s.lessons.length)}</div>
                <div className="muted">{s.lastActivity ? t(locale, 'optionsLastActivity', formatDate(locale, s.lastActivity)) : t(locale, 'optionsNotStarted')}</div>
              </div>
            </li>
          );
        })}
      </ul>
      {all.map((s) => (
        <NetworkLessons key={s.network} locale={locale} network={s.network} lessons={s.lessons} />
      ))}
    </section>
  );
}

function NetworkLessons({ locale, network, lessons }: { locale: Locale; network: Network; lessons: Array<{ pack: Pack; lesson: Lesson; stats: LessonStats }> }) {
  return (
    <>
      <h3 style={{ margin: '16px 0 8px' }}>{t(locale, 'optionsLessonsList', t(locale, NETWORK_LABEL[network]))}</h3>
      <p className="muted cycle-legend" data-testid="cycle-legend">{t(locale, 'optionsCycleLegend')}</p>
      <ul className="lessons">
        {lessons.map(({ pack, lesson, stats }) => (
          <li key={`${pack.id}/${lesson.id}`} className="lesson" data-testid="lesson" data-lesson={`${pack.id}/${lesson.id}`}>
            <details>
              <summary>
                <strong>{localize(lesson.title, locale)}</strong>
                <span data-testid="lesson-steps">{t(locale, 'optionsStepsDone', stats.done, stats.total)}</span>
                {stats.completed ? (
                  <span className="done-badge" data-testid="lesson-state" data-state="completed">{t(locale, 'lessonStateCompleted')}</span>
                ) : stats.lessonSkipped || stats.skipped ? (
                  <span className="skip-badge" data-testid="lesson-state" data-state="skipped">
                    {t(locale, stats.lessonSkipped ? 'lessonStateSkipped' : 'lessonStepsSkipped', stats.skipped)}
                  </span>
                ) : null}
                <KolbCycle locale={locale} stats={stats} />
                <span className="muted">{stats.lastActivity ? t(locale, 'optionsLastActivity', formatDate(locale, stats.lastActivity)) : t(locale, 'optionsNotStarted')}</span>
                <NoteCue locale={locale} packId={pack.id} lessonId={lesson.id} />
              </summary>
              <NoteEditor locale={locale} packId={pack.id} lessonId={lesson.id} lessonTitle={localize(lesson.title, locale)} />
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Says, on the closed row, that the lesson has a notes journal: its first words, or an invitation to write. */
function NoteCue({ locale, packId, lessonId }: { locale: Locale; packId: string; lessonId: string }) {
  const { notes } = useLearner();
  const text = notes[`${packId}/${lessonId}`]?.text.trim() ?? '';
  return (
    <span className="note-cue" data-testid="note-cue">
      {text ? t(locale, 'optionsNoteCueSaved', text.length > 40 ? `${text.slice(0, 40)}…` : text) : t(locale, 'optionsNoteCueEmpty')}
    </span>
  );
}

/** The order a learner reads the cycle in: watch, understand, try, for real. */
const CYCLE_ORDER = ['RO', 'AC', 'AE', 'CE'] as const satisfies ReadonlyArray<(typeof MODES)[number]>;

/**
 * The four kinds of step as chips in plain words (Kolb's terms are for trainers), filled when the learner went through
 * a step of that kind; the section explains them once (optionsCycleLegend).
 */
function KolbCycle({ locale, stats }: { locale: Locale; stats: LessonStats }) {
  return (
    <ul className="cycle" aria-label={t(locale, 'optionsCycleLabel')}>
      {CYCLE_ORDER.map((mode) => {
        const on = stats.modesDone.includes(mode);
        const name = t(locale, `mode${mode}`);
        return (
          <li key={mode} className={on ? 'on' : undefined} title={name} data-mode={mode} data-done={on}>
            <span aria-hidden="true">{t(locale, `modeShort${mode}`)}</span>
            <span className="visually-hidden">{t(locale, on ? 'modeDone' : 'modeNotDone', name)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function NoteEditor({ locale, packId, lessonId, lessonTitle }: { locale: Locale; packId: string; lessonId: string; lessonTitle: string }) {
  const { notes, saveNote } = useLearner();
  const stored = notes[`${packId}/${lessonId}`]?.text ?? '';
  const [draft, setDraft] = useState(stored);
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = useId();
  // Another context changed the note (import, another options tab): show it unless the learner is typing.
  useEffect(() => {
    if (timer.current === undefined) setDraft(stored);
  }, [stored]);
  const save = (text: string) => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (text === stored) return;
    void saveNote(packId, lessonId, text).then(() => setSaved(true));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t(locale, 'optionsNoteLabel', lessonTitle)}</label>
      <textarea
        id={id}
        data-testid="note"
        value={draft}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          setSaved(false);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(text), 600);
        }}
        onBlur={() => save(draft)}
      />
      <span className="muted" aria-live="polite" data-testid="note-status">
        {saved ? t(locale, 'optionsNoteSaved') : ''}
      </span>
    </div>
  );
}

function ReviewSection({ locale }: { locale: Locale }) {
  const { progress } = useLearner();
  const headingId = useId();
  const cards = dueRetrievals(learnerPacks(), progress, Date.now(), locale);
  return (
    <section id="reviews" aria-labelledby={headingId} data-testid="reviews">
      <h2 id={headingId}>{t(locale, 'optionsRetrievalTitle')}</h2>
      {cards.length === 0 ? <p className="muted">{t(locale, 'optionsRetrievalNone')}</p> : null}
      {cards.map((card) => (
        <ReviewCard key={`${card.packId}/${card.lessonId}/${card.review}`} locale={locale} card={card} />
      ))}
    </section>
  );
}

function ReviewCard({ locale, card }: { locale: Locale; card: RetrievalCard }) {
  const { updateProgress } = useLearner();
  const [shown, setShown] = useState(false);
  const answer = (recalled: boolean) => void updateProgress((p) => answerRetrieval(p, card, { q: card.q, recalled }, Date.now()));
  return (
    <div className="card" data-testid="review">
      <p className="muted">{card.lessonTitle}</p>
      <p>
        <strong>{card.question}</strong>
      </p>
      {shown ? (
        <>
          <p>{card.answer}</p>
          <div className="row">
            <button type="button" className="button" onClick={() => answer(true)}>
              {t(locale, 'optionsRetrievalRecalled')}
            </button>
            <button type="button" className="button secondary" onClick={() => answer(false)}>
              {t(locale, 'optionsRetrievalForgot')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button secondary" onClick={() => setShown(true)}>
          {t(locale, 'optionsRetrievalShow')}
        </button>
      )}
    </div>
  );
}

function PathSection({ locale }: { locale: Locale }) {
  const { learner, presets: stored, choosePath } = useLearner();
  const headingId = useId();
  const presets = effectivePresets(stored, learnerPacks());
  const locked = pathLocked(presets);
  const path = learner.path ?? presets.entryPath ?? null;
  return (
    <section aria-labelledby={headingId} data-testid="path">
      <h2 id={headingId}>{t(locale, 'optionsPathTitle')}</h2>
      {locked ? (
        <>
          <p>
            <strong>{path ? t(locale, PATH_NAME[path]) : ''}</strong>
          </p>
          <p className="muted">{t(locale, 'pathLocked')}</p>
        </>
      ) : (
        <PathPicker locale={locale} legend={t(locale, 'pickTitle')} value={learner.path} onChange={(p) => void choosePath({ path: p, source: 'chosen' })} testId="options-path" />
      )}
      <p className="muted">{t(locale, 'pathDisclaimer')}</p>
      {locked || presets.skipQuestionnaire ? null : (
        <p>
          <a href="/welcome.html">{t(locale, 'resultRetake')}</a>
        </p>
      )}
    </section>
  );
}

function GuideSection({ locale }: { locale: Locale }) {
  const { learner, setGuideEnabled, setNetworkEnabled, setLocale } = useLearner();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(locale, 'optionsGuideTitle')}</h2>
      <Switch label={t(locale, 'popupGuideEverywhere')} checked={learner.guideEnabled} onChange={(on) => void setGuideEnabled(on)} />
      {NETWORKS.map((network) => (
        <Switch
          key={network}
          label={t(locale, 'popupGuideThisNetwork', t(locale, NETWORK_LABEL[network]))}
          checked={!learner.disabledNetworks.includes(network)}
          disabled={!learner.guideEnabled}
          onChange={(on) => void setNetworkEnabled(network, on)}
        />
      ))}
      <LanguageSelect locale={locale} value={learner.locale} onChange={(value) => void setLocale(value)} />
    </section>
  );
}

function DataSection({ locale }: { locale: Locale }) {
  const headingId = useId();
  const fileId = useId();
  // A message is kept as what to say, not as words: it is written at each render, in the page's language of that
  // moment (deleting the data also deletes the language choice, and the page may switch language under it).
  const [message, setMessage] = useState<((l: Locale) => string) | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const download = async () => {
    const data = await exportLearnerData(localArea());
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFile = async (file: File) => {
    // Refused by its size before it is read: a huge file would hold the page, and cannot be one of our exports.
    if (learnerFileTooLarge(locale, file.size)) return setMessage(() => (l: Locale) => learnerFileTooLarge(l, file.size) ?? '');
    const result = await importLearnerData(localArea(), await file.text());
    setMessage(() => (l: Locale) => learnerImportMessage(l, result));
  };
  const remove = async () => {
    await deleteLearnerData(localArea());
    setConfirming(false);
    setMessage(() => (l: Locale) => t(l, 'optionsDeleted'));
  };

  return (
    <section aria-labelledby={headingId} data-testid="data">
      <h2 id={headingId}>{t(locale, 'optionsDataTitle')}</h2>
      <p>{t(locale, 'optionsDataIntro')}</p>
      <div className="row">
        <button type="button" className="button" onClick={() => void download()} data-testid="export">
          {t(locale, 'optionsExport')}
        </button>
        <label htmlFor={fileId}>{t(locale, 'optionsImport')}</label>
        <input
          id={fileId}
          type="file"
          accept="application/json,.json"
          data-testid="import"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      <div className="row" style={{ marginTop: 12 }}>
        {confirming ? (
          <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="card" data-testid="delete-confirm">
            <p id={`${headingId}-confirm`}>{t(locale, 'optionsDeleteConfirm')}</p>
            <div className="row">
              <button ref={confirmRef} type="button" className="button danger" onClick={() => void remove()} data-testid="delete-yes">
                {t(locale, 'optionsDeleteYes')}
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
                {t(locale, 'optionsDeleteCancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)} data-testid="delete">
            {t(locale, 'optionsDelete')}
          </button>
        )}
      </div>
      <p role="status" data-testid="data-status">
        {message?.(locale)}
      </p>
    </section>
  );
}
