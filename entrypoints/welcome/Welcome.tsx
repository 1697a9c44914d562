// First run: the 7-item questionnaire (or a direct pick), its result, and the trainer's presets.
import { useEffect, useId, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { t, type Locale } from '../../components/i18n';
import { LanguageSelect } from '../../components/learner/LanguageSelect';
import { Notices } from '../../components/learner/Notices';
import { PathPicker } from '../../components/learner/PathPicker';
import { effectivePresets, learnerPacks, pathLocked } from '../../components/learner/packs';
import { PATH_ABOUT, PATH_NAME } from '../../components/learner/paths';
import { useLearner, usePageLocale } from '../../components/learner/useLearner';
import { CODE_TO_PATH, QUESTIONNAIRE, scoreQuestionnaire, shuffledOptions, type PathCode, type ScoreResult } from '../../lessons/learner';
import type { LearningPath } from '../../lessons/pack/types';
import { NETWORKS } from '../../lessons/sites/types';

type Screen = { kind: 'quiz' } | { kind: 'pick' } | { kind: 'tie'; score: ScoreResult } | { kind: 'result'; preset: boolean };

const NETWORK_LABEL = { linkedin: 'networkLinkedin', x: 'networkX', facebook: 'networkFacebook', youtube: 'networkYoutube' } as const;

export function Welcome() {
  const state = useLearner();
  const locale = usePageLocale('welcomeTitle');
  const presets = effectivePresets(state.presets, learnerPacks());
  const locked = pathLocked(presets);
  const [screen, setScreen] = useState<Screen | null>(null);

  // The trainer may skip the questionnaire: the preset path is applied and shown, nothing asked.
  useEffect(() => {
    if (!state.ready || screen) return;
    if (presets.skipQuestionnaire || locked) {
      if (presets.entryPath && (state.learner.path === null || state.learner.pathSource === 'preset' || locked))
        void state.choosePath({ path: presets.entryPath, source: 'preset', secondaryPath: null, balanced: false, answers: null });
      setScreen({ kind: 'result', preset: true });
    } else setScreen({ kind: 'quiz' });
  }, [state.ready, screen, presets.skipQuestionnaire, presets.entryPath, locked, state]);

  if (!state.ready || !screen) return null;
  return (
    <div className="page">
      <header>
        <h1>{t(locale, 'welcomeTitle')}</h1>
        <LanguageSelect locale={locale} value={state.learner.locale} onChange={(value) => void state.setLocale(value)} />
      </header>
      <Notices locale={locale} />
      <main>
        {screen.kind === 'quiz' ? <Quiz locale={locale} trainerDefault={presets.entryPath ?? null} onScore={(score) => setScreen(score.needsChoice ? { kind: 'tie', score } : { kind: 'result', preset: false })} onPick={() => setScreen({ kind: 'pick' })} /> : null}
        {screen.kind === 'pick' ? <DirectPick locale={locale} onDone={() => setScreen({ kind: 'result', preset: false })} /> : null}
        {screen.kind === 'tie' ? <Tie locale={locale} score={screen.score} trainerDefault={presets.entryPath ?? null} onDone={() => setScreen({ kind: 'result', preset: false })} /> : null}
        {screen.kind === 'result' ? <Result locale={locale} preset={screen.preset} onRetake={() => setScreen({ kind: 'quiz' })} /> : null}
      </main>
    </div>
  );
}

/** A heading that takes focus when its screen appears, so keyboard and screen-reader users land on it. */
function ScreenHeading({ children, testId }: { children: string; testId?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} tabIndex={-1} data-testid={testId}>
      {children}
    </h2>
  );
}

/** Saves a score as the learner's path. */
function useSaveScore() {
  const { choosePath } = useLearner();
  return (score: ScoreResult, answers: ReadonlyArray<PathCode | null>) =>
    score.primary
      ? choosePath({
          path: score.primary,
          source: 'quiz',
          // Balanced profiles too: the second voice adds variety, it does not label anyone.
          secondaryPath: score.secondary,
          balanced: score.balanced,
          answers: answers.map((code) => (code ? CODE_TO_PATH[code] : null)),
        })
      : Promise.resolve();
}

let lastAnswers: Array<PathCode | null> = [];

function Quiz({ locale, trainerDefault, onScore, onPick }: { locale: Locale; trainerDefault: LearningPath | null; onScore: (score: ScoreResult) => void; onPick: () => void }) {
  const [answers, setAnswers] = useState<Array<PathCode | null>>(() => QUESTIONNAIRE.map(() => null));
  // Shuffled once per visit: the order of options says nothing about the "right" one.
  const [seed] = useState(() => Math.floor(Math.random() * 2 ** 31));
  const [error, setError] = useState(false);
  const save = useSaveScore();
  const formId = useId();
  const answered = answers.filter(Boolean).length;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (answered === 0) {
      setError(true);
      return;
    }
    const score = scoreQuestionnaire(answers, { trainerDefault });
    lastAnswers = answers;
    void save(score, answers).then(() => onScore(score));
  };

  return (
    <>
      <p>{t(locale, 'welcomeIntro')}</p>
      <p>
        <button type="button" className="button secondary" onClick={onPick} data-testid="skip-quiz">
          {t(locale, 'welcomeSkip')}
        </button>
      </p>
      <form onSubmit={submit} aria-describedby={`${formId}-count`} data-testid="quiz">
        {QUESTIONNAIRE.map((item, index) => (
          <fieldset key={item.n} data-testid={`quiz-item-${item.n}`}>
            <legend>
              <span className="muted">{t(locale, 'quizQuestion', String(item.n), String(QUESTIONNAIRE.length))}</span> — {item.prompt[locale]}
            </legend>
            {shuffledOptions(item, seed).map((option) => {
              const id = `${formId}-${item.n}-${option.code}`;
              return (
                <div className="choice" key={option.code}>
                  <input
                    type="radio"
                    id={id}
                    name={`${formId}-${item.n}`}
                    value={option.code}
                    data-code={option.code}
                    checked={answers[index] === option.code}
                    onChange={() => {
                      setError(false);
                      setAnswers((previous) => previous.map((a, i) => (i === index ? option.code : a)));
                    }}
                  />
                  <label htmlFor={id}>{option.text[locale]}</label>
                </div>
              );
            })}
          </fieldset>
        ))}
        <div className="row">
          <button type="submit" className="button" data-testid="quiz-submit">
            {t(locale, 'quizSubmit')}
          </button>
          <span id={`${formId}-count`} className="muted" aria-live="polite">
            {t(locale, 'quizAnswered', answered, QUESTIONNAIRE.length)}
          </span>
        </div>
        {error ? (
          <p role="alert" data-testid="quiz-error">
            {t(locale, 'quizNeedOne')}
          </p>
        ) : null}
      </form>
    </>
  );
}

function DirectPick({ locale, onDone }: { locale: Locale; onDone: () => void }) {
  const { learner, choosePath } = useLearner();
  const [path, setPath] = useState<LearningPath | null>(learner.path);
  return (
    <>
      <ScreenHeading>{t(locale, 'pickTitle')}</ScreenHeading>
      <PathPicker locale={locale} legend={t(locale, 'pickTitle')} value={path} onChange={setPath} testId="pick-paths" />
      <button
        type="button"
        className="button"
        disabled={!path}
        data-testid="pick-confirm"
        onClick={() => path && void choosePath({ path, source: 'chosen', secondaryPath: null, balanced: false, answers: null }).then(onDone)}
      >
        {t(locale, 'pickConfirm')}
      </button>
    </>
  );
}

function Tie({ locale, score, trainerDefault, onDone }: { locale: Locale; score: ScoreResult; trainerDefault: LearningPath | null; onDone: () => void }) {
  const [path, setPath] = useState<LearningPath | null>(null);
  const save = useSaveScore();
  const decide = (choice: LearningPath | null) => {
    const final = scoreQuestionnaire(lastAnswers, { trainerDefault, choice });
    void save(final, lastAnswers).then(onDone);
  };
  return (
    <>
      <ScreenHeading testId="tie-title">{t(locale, 'tieTitle')}</ScreenHeading>
      <PathPicker locale={locale} legend={t(locale, 'tieIntro')} value={path} paths={score.tied} onChange={setPath} testId="tie-paths" />
      <div className="row">
        <button type="button" className="button" disabled={!path} onClick={() => decide(path)} data-testid="tie-confirm">
          {t(locale, 'pickConfirm')}
        </button>
        <button type="button" className="button secondary" onClick={() => decide(null)} data-testid="tie-skip">
          {t(locale, 'tieSkip')}
        </button>
      </div>
    </>
  );
}

function Result({ locale, preset, onRetake }: { locale: Locale; preset: boolean; onRetake: () => void }) {
  const { learner, presets: storedPresets, choosePath } = useLearner();
  const presets = effectivePresets(storedPresets, learnerPacks());
  const locked = pathLocked(presets);
  const path = learner.path ?? presets.entryPath ?? null;
  const perNetwork = NETWORKS.filter((n) => presets.perNetwork?.[n]);
  return (
    <div data-testid="result">
      {path ? (
        <>
          <ScreenHeading testId="result-title">{t(locale, preset && learner.pathSource === 'preset' ? 'resultPresetTitle' : 'resultTitle', t(locale, PATH_NAME[path]))}</ScreenHeading>
          <p data-testid="result-about">{t(locale, PATH_ABOUT[path])}</p>
          {learner.balanced ? <p data-testid="result-balanced">{t(locale, 'pathBalancedNote', t(locale, PATH_NAME[path]))}</p> : null}
          {learner.secondaryPath && !learner.balanced ? <p>{t(locale, 'pathSecondary', t(locale, PATH_NAME[learner.secondaryPath]))}</p> : null}
        </>
      ) : (
        <ScreenHeading testId="result-title">{t(locale, 'pickTitle')}</ScreenHeading>
      )}
      {perNetwork.length ? (
        <ul>
          {perNetwork.map((n) => (
            <li key={n}>
              {t(locale, NETWORK_LABEL[n])} — {t(locale, PATH_NAME[presets.perNetwork![n]!])}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <strong data-testid="result-disclaimer">{t(locale, 'pathDisclaimer')}</strong>
      </p>
      {locked ? (
        <p data-testid="result-locked">{t(locale, 'pathLocked')}</p>
      ) : (
        <PathPicker locale={locale} legend={t(locale, 'resultChange')} value={learner.path} describe={false} testId="result-change" onChange={(p) => void choosePath({ path: p, source: 'chosen' })} />
      )}
      <p>{t(locale, 'resultNext')}</p>
      <div className="row">
        <a href={browser.runtime.getURL('/options.html')}>{t(locale, 'openOptions')}</a>
        {locked || presets.skipQuestionnaire ? null : (
          <button type="button" className="button secondary" onClick={onRetake}>
            {t(locale, 'resultRetake')}
          </button>
        )}
      </div>
    </div>
  );
}
