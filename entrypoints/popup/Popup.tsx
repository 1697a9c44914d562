import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { t, type Locale } from '../../components/i18n';
import { Switch } from '../../components/Switch';
import { Notices } from '../../components/learner/Notices';
import { effectivePresets, learnerPacks, pathLocked, useLearnerPacks } from '../../components/learner/packs';
import { PATHS, PATH_NAME } from '../../components/learner/paths';
import { lessonStats, lessonsForPage } from '../../components/learner/stats';
import { useLearner, usePageLocale } from '../../components/learner/useLearner';
import { isGuideOn } from '../../components/state/settings';
import { dueRetrievals, effectivePath, localize, startTask } from '../../lessons/engine';
import { detectPage } from '../../lessons/sites';
import type { LearningPath } from '../../lessons/pack/types';
import type { Network } from '../../lessons/sites/types';

type PageInfo = { network: Network; pageKind: string | null } | null;

const NETWORK_LABEL: Record<Network, 'networkLinkedin' | 'networkX' | 'networkFacebook' | 'networkYoutube'> = {
  linkedin: 'networkLinkedin',
  x: 'networkX',
  facebook: 'networkFacebook',
  youtube: 'networkYoutube',
};

/** The tab the learner is looking at. Opened as a tab of its own, the popup describes the tab used just before. */
async function currentTabUrl(): Promise<string | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  // The extension's own pages (this popup opened as a tab, the welcome or options page) are never "the site".
  const ownUrl = browser.runtime.getURL('/');
  if (active?.url && !active.url.startsWith(ownUrl)) return active.url;
  const others = (await browser.tabs.query({})).filter((tab) => tab.url && !tab.url.startsWith(ownUrl));
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.url;
}

export function Popup() {
  useLearnerPacks(); // re-render with the trainers' packs once they are read
  const state = useLearner();
  const [page, setPage] = useState<PageInfo | undefined>(undefined);
  const locale = usePageLocale('popupTitle');

  useEffect(() => {
    void currentTabUrl().then((url) => setPage(url ? detectPage(url) : null));
  }, []);

  // Render once storage and the tab are known: no flash of default switches.
  if (!state.ready || page === undefined) return null;
  const { learner } = state;
  const networkName = page ? t(locale, NETWORK_LABEL[page.network]) : '';
  const pageName = page?.pageKind ? t(locale, `pageKind_${page.network}_${page.pageKind}`) : t(locale, 'pageKindUnknown');
  const onThisNetwork = page ? isGuideOn({ ...learner, guideEnabled: true }, page.network) : false;

  return (
    <main className="popup">
      <h1 className="popup-title">{t(locale, 'popupTitle')}</h1>
      <Notices locale={locale} />
      <p className="popup-page" data-testid="popup-page">
        {page ? t(locale, 'popupOnPage', networkName, pageName) : t(locale, 'popupNotSupported')}
      </p>
      <Switch
        testId="toggle-everywhere"
        label={t(locale, 'popupGuideEverywhere')}
        checked={learner.guideEnabled}
        onChange={(on) => void state.setGuideEnabled(on)}
      />
      {page ? (
        <Switch
          testId="toggle-network"
          label={t(locale, 'popupGuideThisNetwork', networkName)}
          checked={onThisNetwork}
          disabled={!learner.guideEnabled}
          onChange={(on) => void state.setNetworkEnabled(page.network, on)}
        />
      ) : null}
      {!learner.guideEnabled ? <p className="popup-note">{t(locale, 'popupGuideOffNote')}</p> : null}
      <PathSection locale={locale} network={page?.network ?? null} />
      {page ? <PageLessons locale={locale} page={page} /> : null}
      <ReviewsDue locale={locale} />
      <p>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener" data-testid="open-options">
          {t(locale, 'openOptions')}
        </a>
      </p>
    </main>
  );
}

function PathSection({ locale, network }: { locale: Locale; network: Network | null }) {
  const { learner, presets: storedPresets, choosePath } = useLearner();
  const selectId = useId();
  const presets = effectivePresets(storedPresets, learnerPacks());
  const locked = pathLocked(presets);
  // On a network's tab, the path in force there (a trainer's per-network preset counts unless the learner chose).
  const path = network ? effectivePath(learner, presets, network) : locked || !learner.path ? (presets.entryPath ?? learner.path) : learner.path;
  const shown = locked ? path : learner.path;
  return (
    <section className="popup-section">
      <h2>
        <label htmlFor={selectId}>{t(locale, 'popupPathLabel')}</label>
      </h2>
      {locked ? (
        <>
          <p data-testid="popup-path-locked">
            <strong>{shown ? t(locale, PATH_NAME[shown]) : ''}</strong>
          </p>
          <p className="muted">{t(locale, 'pathLocked')}</p>
        </>
      ) : (
        <>
          <select
            id={selectId}
            data-testid="popup-path"
            value={shown ?? ''}
            onChange={(event) => void choosePath({ path: event.currentTarget.value as LearningPath, source: 'chosen' })}
          >
            {shown ? null : (
              <option value="" disabled>
                {t(locale, 'popupPathNone')}
              </option>
            )}
            {PATHS.map((p) => (
              <option key={p} value={p}>
                {t(locale, PATH_NAME[p])}
              </option>
            ))}
          </select>
          {learner.path ? null : (
            <p>
              <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener">
                {t(locale, 'popupTakeQuiz')}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function PageLessons({ locale, page }: { locale: Locale; page: NonNullable<PageInfo> }) {
  const { learner, progress, activeTask, setActiveTask, updateProgress, setGuideEnabled, setNetworkEnabled } = useLearner();
  // Where the guide is off, a task started here would show nothing in the tab: the button says it turns the guide on
  // for this network, and does (the learner's click is the consent).
  const guideOn = isGuideOn(learner, page.network);
  const turnOn = async () => {
    if (!learner.guideEnabled) await setGuideEnabled(true);
    if (learner.disabledNetworks.includes(page.network)) await setNetworkEnabled(page.network, true);
  };
  const headingId = useId();
  const lessons = lessonsForPage(learnerPacks(), page.network, page.pageKind);
  return (
    <section className="popup-section" aria-labelledby={headingId} data-testid="popup-lessons">
      <h2 id={headingId}>{t(locale, 'popupLessonsTitle')}</h2>
      {lessons.length === 0 ? <p className="muted">{t(locale, 'popupNoLessons')}</p> : null}
      <ul className="lesson-list">
        {lessons.map(({ pack, lesson }) => {
          const stats = lessonStats(lesson, progress.packs[pack.id]?.lessons[lesson.id]);
          const title = localize(lesson.title, locale);
          const active = activeTask?.packId === pack.id && activeTask.lessonId === lesson.id;
          const progressLabel = t(locale, 'popupStepsDone', stats.done, stats.total);
          const ref = { packId: pack.id, lessonId: lesson.id };
          // Starting a lesson that ended with skipped steps opens those steps again (startTask).
          const start = async () => {
            if (!guideOn) await turnOn();
            await updateProgress((p) => startTask(p, ref, Date.now()));
            await setActiveTask({ ...ref, network: page.network });
          };
          const resumed = stats.done || stats.lastActivity;
          return (
            <li key={`${pack.id}/${lesson.id}`} data-testid="popup-lesson">
              <span>{title}</span>
              {stats.completed ? (
                <span className="done-badge">{t(locale, 'popupLessonDone')}</span>
              ) : stats.lessonSkipped ? (
                <>
                  <span className="skip-badge" data-testid="popup-lesson-skipped">{t(locale, 'popupLessonSkipped')}</span>
                  <button type="button" className="button" aria-label={t(locale, 'popupRetrySkippedLesson', title)} onClick={() => void start()}>
                    {t(locale, 'popupRetrySkipped')}
                  </button>
                </>
              ) : active && guideOn ? (
                <span className="muted" data-testid="popup-lesson-active">
                  {t(locale, 'popupActiveNote')}
                </span>
              ) : !guideOn ? (
                <button type="button" className="button" data-testid="popup-lesson-turn-on" aria-label={t(locale, 'popupTurnOnAndStartLesson', title)} onClick={() => void start()}>
                  {t(locale, active || resumed ? 'popupTurnOnAndContinue' : 'popupTurnOnAndStart')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  aria-label={t(locale, resumed ? 'popupContinueLesson' : 'popupStartLesson', title)}
                  onClick={() => void start()}
                >
                  {t(locale, resumed ? 'popupContinue' : 'popupStart')}
                </button>
              )}
              <progress max={stats.total} value={stats.done} aria-label={`${title}: ${progressLabel}`} />
              <span className="muted">{progressLabel}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ReviewsDue({ locale }: { locale: Locale }) {
  const { progress } = useLearner();
  const due = dueRetrievals(learnerPacks(), progress, Date.now(), locale).length;
  if (!due) return null;
  return (
    <p className="popup-section">
      <a href={browser.runtime.getURL('/options.html#reviews')} target="_blank" rel="noopener">
        {t(locale, 'popupReviewsDue', due)}
      </a>
    </p>
  );
}
