import type { StoreApi } from 'zustand/vanilla';
import { drawBeside, type SideMemory } from './anchored';
import { currentCard, placeCard, type Card, type CardPlace, type OverlayContext } from './cards';
import { el } from './dom';
import { followAnchor, isRightToLeft } from './follow';
import { createPanel } from './panel';
import { createSlot, identity, type Drawn, type Slot } from './slot';
import type { OverlayState, OverlayUi } from './state';
import { ot } from './strings';

/** A faded hint: a small dot at its control's corner that opens the full card on demand. */
function drawBeacon(anchor: Element, label: string, onOpen: () => void): Drawn {
  const beacon = el('button', { type: 'button', class: 'tw-dot', 'aria-label': label, 'data-testid': 'tw-beacon', onclick: onOpen });
  const stop = followAnchor(anchor, beacon, () => {
    const box = anchor.getBoundingClientRect();
    const x = isRightToLeft(anchor) ? box.left - 6 : box.right - 10;
    beacon.style.transform = `translate(${Math.round(x)}px, ${Math.round(box.top - 6)}px)`;
  });
  return { nodes: [beacon], stop };
}

/**
 * The overlay, drawn by DOM calls into `container` (our shadow root's) from the guide's store, and kept in step with
 * it: the card beside its control (or in the panel), beacons, the "well done" toast, the panel or its launcher, and a
 * live region that announces each step. Each part is a slot (slot.ts) drawn again only when what it shows changes.
 */
export function mountOverlay(container: HTMLElement, store: StoreApi<OverlayState>): { remove(): void } {
  const setUi = (patch: Partial<OverlayUi>) => store.setState((s) => ({ ui: { ...s.ui, ...patch } }));
  const root = el('div', { class: 'tw-root', role: 'region' });
  const beside = createSlot(root);
  const beacons = createSlot(root);
  const toast = createSlot(root);
  const panel = createPanel(root);
  const live = root.appendChild(el('div', { class: 'tw-sr-only', 'aria-live': 'polite', 'data-testid': 'tw-live' }));
  /** The card's content inside the frame beside its control. */
  let cardBody: Slot | null = null;
  let spoken = '';
  let speaking = 0;
  let mounted = false;
  /** The side of the last card beside its control: the next one starts there (a card that hops side to side loses the eye). */
  const sides: SideMemory = {};

  const launcher = () => root.querySelector<HTMLElement>('.tw-launcher');
  const minimise = (control: Element | null) => {
    setUi({ cardHidden: true, expandedHint: null });
    requestAnimationFrame(() => (control instanceof HTMLElement && control.tabIndex >= 0 ? control : launcher())?.focus());
  };

  const render = (state: OverlayState) => {
    const { locale, guide, anchors, ui, error } = state;
    const t: OverlayContext['t'] = (key, ...substitutions) => ot(locale, key, ...substitutions);
    const context: OverlayContext = { state, t, setUi, minimise };
    root.dataset.theme = state.theme;
    root.lang = locale;
    root.setAttribute('aria-label', t('overlayRegion'));

    const card: Card | null = currentCard(context);
    const place = card ? placeCard(card, anchors, context) : null;
    const control = place && 'beside' in place ? place.beside : null;
    const docked: { card: Card; place: CardPlace } | null = card && place && 'docked' in place ? { card, place: place.docked } : null;

    beside.show(card && control ? `${identity(control)}|${card.titleId}|${card.anchor}` : null, () => {
      const drawn = drawBeside(control!, card!, sides, () => minimise(control));
      cardBody = drawn.body;
      return drawn;
    });
    if (card && control) cardBody?.show(card.key, () => card.draw({ control }));

    // Faded hints as beacons, while no task runs; not the one whose card is open.
    const dots = guide && !guide.task ? guide.hints.filter((h) => h.level === 'beacon' && h.key !== card?.lessonKey && h.anchor && anchors[h.anchor]?.element) : [];
    beacons.show(dots.length ? JSON.stringify([locale, dots.map((h) => [h.key, h.title, identity(anchors[h.anchor!]!.element)])]) : null, () => {
      const drawn = dots.map((h) => drawBeacon(anchors[h.anchor!]!.element!, t('overlayHintFor', h.title), () => setUi({ expandedHint: h.key, cardHidden: false })));
      return { nodes: drawn.flatMap((d) => d.nodes), stop: () => drawn.forEach((d) => d.stop?.()) };
    });

    const ended = ui.ended;
    toast.show(ended ? `${locale}|${ended.title}|${ended.skipped}` : null, () =>
      el(
        'p',
        { class: 'tw-card tw-toast', role: 'status', 'data-testid': ended!.skipped ? 'tw-skipped' : 'tw-complete' },
        el('strong', {}, ended!.title),
        ` — ${t(ended!.skipped ? 'overlayTaskSkipped' : 'overlayTaskComplete')}`,
      ),
    );

    panel.update(
      {
        ...context,
        docked,
        close: () => {
          setUi({ panelOpen: false, cardHidden: docked !== null ? true : ui.cardHidden });
          requestAnimationFrame(() => launcher()?.focus());
        },
      },
      ui.panelOpen || docked !== null || error,
      ui.panelOpen,
    );

    // Each step is announced without moving focus away from the site. Screen readers speak a change inside a live
    // region already on the page, not the text of one just inserted: at mount, the text follows the first paint.
    const task = guide?.task;
    // In a walk, the action to do now follows the step's text.
    const now = task?.walk[task.walkIndex]?.text;
    const announcement = task ? t('overlayStepAnnounce', String(task.index + 1), String(task.total), now ? `${task.text} ${now}` : task.text) : '';
    if (announcement !== spoken) {
      spoken = announcement;
      if (mounted) live.textContent = spoken;
      else speaking = requestAnimationFrame(() => setTimeout(() => (live.textContent = spoken)));
    }
  };

  container.append(root);
  render(store.getState());
  mounted = true;
  const unsubscribe = store.subscribe(render);
  return {
    remove() {
      unsubscribe();
      cancelAnimationFrame(speaking);
      for (const slot of [beside, beacons, toast, panel]) slot.clear();
      root.remove();
    },
  };
}
