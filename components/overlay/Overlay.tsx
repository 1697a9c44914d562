import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { Anchored } from './Anchored';
import { Beacon } from './Beacon';
import { HintBody } from './HintBody';
import { Panel } from './Panel';
import { primaryHint, type OverlayState, type OverlayUi } from './state';
import { ot } from './kit';
import { TaskCard } from './TaskCard';

export function Overlay({ store }: { store: StoreApi<OverlayState> }) {
  const { locale, theme, guide, resumeTitle, anchors, ui, error, actions } = useStore(store);
  const setUi = (patch: Partial<OverlayUi>) => store.setState((s) => ({ ui: { ...s.ui, ...patch } }));
  const rootRef = useRef<HTMLDivElement>(null);
  const t = (key: Parameters<typeof ot>[1], ...subs: string[]) => ot(locale, key, ...subs);
  const anchorOf = (name: string | null) => (name ? anchors[name] : undefined);

  /** Esc or minimise: the card goes, focus returns to the control it pointed at (or to the launcher). */
  const minimise = (anchor: Element | null) => {
    setUi({ cardHidden: true, expandedHint: null });
    requestAnimationFrame(() => {
      if (anchor instanceof HTMLElement && anchor.tabIndex >= 0) anchor.focus();
      else rootRef.current?.querySelector<HTMLElement>('.tw-launcher')?.focus();
    });
  };

  let anchored = null;
  let docked = null;
  let dockedKey: string | null = null;
  const beacons = [];
  const task = guide?.task ?? null;

  if (task) {
    const state = anchorOf(task.anchor);
    const card = (note?: string) => (
      <TaskCard
        task={task}
        locale={locale}
        exampleOpen={ui.exampleOpen}
        note={note}
        actions={{
          done: actions.done,
          skip: actions.skip,
          back: actions.back,
          stop: actions.stop,
          minimise: () => minimise(state?.element ?? null),
          toggleExample: () => setUi({ exampleOpen: !ui.exampleOpen }),
        }}
      />
    );
    dockedKey = `${task.packId}/${task.lessonId}`;
    if (state?.status === 'found' && state.element && !ui.cardHidden) {
      anchored = (
        <Anchored anchor={state.element} anchorName={task.anchor!} labelledBy="tw-task-title" testId="tw-hint" onEscape={() => minimise(state.element)} bringIntoView>
          {card()}
        </Anchored>
      );
    } else if (!task.anchor || state?.status === 'missing') {
      docked = card(task.anchor ? t('overlayDockedMissing') : undefined);
    }
  } else if (guide) {
    const primary = primaryHint(guide, ui);
    if (primary && !ui.cardHidden) {
      const state = anchorOf(primary.anchor);
      const body = (note?: string) => (
        <HintBody
          hint={primary}
          locale={locale}
          titleId="tw-hint-title"
          note={note}
          onStart={() => actions.start(primary.packId, primary.lessonId)}
          onGotIt={() => {
            actions.dismissHint(primary);
            minimise(state?.element ?? null);
          }}
        />
      );
      dockedKey = primary.key;
      if (state?.status === 'found' && state.element) {
        anchored = (
          <Anchored anchor={state.element} anchorName={primary.anchor!} labelledBy="tw-hint-title" testId="tw-hint" onEscape={() => minimise(state.element)}>
            {body()}
          </Anchored>
        );
      } else if (!primary.anchor || state?.status === 'missing') {
        docked = body(primary.anchor ? t('overlayDockedMissing') : undefined);
      }
    }
    for (const hint of guide.hints) {
      if (hint.level !== 'beacon' || hint.key === dockedKey || !hint.anchor) continue;
      const element = anchorOf(hint.anchor)?.element;
      if (!element) continue;
      beacons.push(
        <Beacon key={hint.key} anchor={element} label={t('overlayHintFor', hint.title)} onOpen={() => setUi({ expandedHint: hint.key, cardHidden: false })} />,
      );
    }
  }

  // Step changes are announced to screen readers without moving focus away from the site.
  const announcement = task ? t('overlayStepAnnounce', String(task.index + 1), String(task.total), task.text) : '';
  // Screen readers speak a change inside a live region already on the page, not the text of one just inserted: this
  // UI mounts when a task starts (it replaces the first view), so the region goes in empty and the step follows.
  const [spoken, setSpoken] = useState('');
  useEffect(() => setSpoken(announcement), [announcement]);
  const lastStep = useRef<string | null>(null);
  const stepKey = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : null;
  useEffect(() => {
    if (stepKey !== lastStep.current) {
      lastStep.current = stepKey;
      store.setState((s) => ({ ui: { ...s.ui, cardHidden: false, exampleOpen: false } }));
    }
  }, [stepKey, store]);

  return (
    <div ref={rootRef} className="tw-root" data-theme={theme} lang={locale} role="region" aria-label={t('overlayRegion')}>
      {anchored}
      {beacons}
      {ui.completed ? (
        <p className="tw-card tw-toast" role="status" data-testid="tw-complete">
          <strong>{ui.completed}</strong> — {t('overlayTaskComplete')}
        </p>
      ) : null}
      <Panel
        locale={locale}
        guide={guide}
        open={ui.panelOpen || docked !== null || error}
        focusOnOpen={ui.panelOpen}
        primary={docked}
        primaryKey={docked ? dockedKey : null}
        resumeTitle={resumeTitle}
        error={error}
        actions={{
          open: () => setUi({ panelOpen: true }),
          close: () => {
            setUi({ panelOpen: false, cardHidden: docked !== null ? true : ui.cardHidden });
            requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.tw-launcher')?.focus());
          },
          start: actions.start,
          showAgain: actions.showAgain,
          answer: actions.answer,
        }}
      />
      <div className="tw-sr-only" aria-live="polite" data-testid="tw-live">
        {spoken}
      </div>
    </div>
  );
}
