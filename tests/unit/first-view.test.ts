import { describe, expect, it } from 'vitest';
import { firstViewCanDraw } from '../../components/overlay/first-view';
import { INITIAL_UI, type OverlayState } from '../../components/overlay/state';
import type { Guide, HintCard, TaskStep } from '../../lessons/engine/engine';

// What the content script draws itself at load (no Preact) and what it leaves to the full UI, which the background
// injects only then: the learner must never get a half overlay (a task, a docked hint or beacons drawn by nobody).
const hint = (over: Partial<HintCard> = {}): HintCard => ({
  key: 'p/search',
  packId: 'p',
  lessonId: 'search',
  skill: 'search',
  level: 'full',
  anchor: 'linkedin.nav.search',
  path: 'experimenter',
  fromSecondary: false,
  title: 'Search',
  text: 'Try it',
  why: 'Because',
  example: 'An example',
  practiseSafely: 'Nothing is published',
  started: false,
  completed: false,
  skipped: false,
  ...over,
});
const guide = (over: Partial<Guide> = {}): Guide => ({ path: 'experimenter', hints: [hint()], task: null, resume: null, retrieval: [], faded: [], ...over });
const control = {} as Element;
const state = (over: Partial<OverlayState> = {}): OverlayState => ({
  locale: 'en',
  theme: 'light',
  guide: guide(),
  resumeTitle: null,
  anchors: { 'linkedin.nav.search': { element: control, status: 'found' } },
  ui: INITIAL_UI,
  error: false,
  actions: {} as OverlayState['actions'],
  ...over,
});

describe('the first view (drawn by the content script at load)', () => {
  it('draws a hint beside its control, a hint still being looked for, a hidden card and a page with nothing', () => {
    expect(firstViewCanDraw(state())).toBe(true);
    expect(firstViewCanDraw(state({ anchors: { 'linkedin.nav.search': { element: null, status: 'searching' } } }))).toBe(true);
    expect(firstViewCanDraw(state({ ui: { ...INITIAL_UI, cardHidden: true }, anchors: {} }))).toBe(true);
    expect(firstViewCanDraw(state({ guide: guide({ hints: [] }) }))).toBe(true);
    expect(firstViewCanDraw(state({ guide: null }))).toBe(true);
  });

  it('leaves to the full UI a task, the panel, an error, the "well done" and a hint opened from its beacon', () => {
    expect(firstViewCanDraw(state({ guide: guide({ task: {} as TaskStep }) }))).toBe(false);
    expect(firstViewCanDraw(state({ ui: { ...INITIAL_UI, panelOpen: true } }))).toBe(false);
    expect(firstViewCanDraw(state({ error: true }))).toBe(false);
    expect(firstViewCanDraw(state({ ui: { ...INITIAL_UI, completed: 'Search' } }))).toBe(false);
    expect(firstViewCanDraw(state({ ui: { ...INITIAL_UI, expandedHint: 'p/search' } }))).toBe(false);
  });

  it('leaves to the full UI a hint that must dock in the panel (control missing, or none) and beacons to draw', () => {
    expect(firstViewCanDraw(state({ anchors: { 'linkedin.nav.search': { element: null, status: 'missing' } } }))).toBe(false);
    expect(firstViewCanDraw(state({ guide: guide({ hints: [hint({ anchor: null })] }) }))).toBe(false);
    const beacon = hint({ key: 'p/follow', lessonId: 'follow', level: 'beacon', anchor: 'linkedin.nav.home' });
    const withBeacon = guide({ hints: [hint(), beacon] });
    expect(firstViewCanDraw(state({ guide: withBeacon }))).toBe(true); // its control not found (yet): nothing to draw
    const anchors = { 'linkedin.nav.search': { element: control, status: 'found' as const }, 'linkedin.nav.home': { element: control, status: 'found' as const } };
    expect(firstViewCanDraw(state({ guide: withBeacon, anchors }))).toBe(false);
  });
});
