import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { Locale } from '../i18n-core';
import { ot as t } from './strings';
import { DockedPanel } from './DockedPanel';
import { HintCard } from './HintCard';

export type AnchorStatus = 'searching' | 'found' | 'missing';

export interface OverlayHint {
  title: string;
  body: string;
}

/** What the content script tells the overlay; the overlay renders it and reports dismissals. */
export interface OverlayState {
  locale: Locale;
  theme: 'light' | 'dark';
  hint: OverlayHint | null;
  anchor: Element | null;
  anchorStatus: AnchorStatus;
  dismissed: boolean;
  setDismissed: (dismissed: boolean) => void;
}

export function Overlay({ store }: { store: StoreApi<OverlayState> }) {
  const { locale, theme, hint, anchor, anchorStatus, dismissed, setDismissed } = useStore(store);
  const close = () => setDismissed(true);
  let content = null;
  if (!hint) content = null;
  else if (dismissed) {
    content = (
      <button type="button" className="tw-beacon" data-testid="tw-show" aria-label={t(locale, 'overlayShow')} onClick={() => setDismissed(false)}>
        <span aria-hidden="true">?</span>
      </button>
    );
  } else if (anchor && anchorStatus === 'found') {
    content = <HintCard anchor={anchor} title={hint.title} body={hint.body} closeLabel={t(locale, 'overlayClose')} onClose={close} />;
  } else if (anchorStatus === 'missing') {
    content = (
      <DockedPanel
        title={hint.title}
        body={hint.body}
        note={t(locale, 'overlayDockedMissing')}
        closeLabel={t(locale, 'overlayClose')}
        onClose={close}
      />
    );
  }
  return (
    <div className="tw-root" data-theme={theme} lang={locale} role="region" aria-label={t(locale, 'overlayRegion')}>
      {content}
    </div>
  );
}
