interface DockedPanelProps {
  title: string;
  body: string;
  /** Why the hint is here and not beside its control; empty when it is simply the panel's content. */
  note?: string;
  closeLabel: string;
  onClose: () => void;
}

/** The fallback place for a hint whose control is not on the page: docked at the inline end, bottom. */
export function DockedPanel({ title, body, note, closeLabel, onClose }: DockedPanelProps) {
  return (
    <section
      className="tw-panel"
      aria-labelledby="tw-panel-title"
      data-testid="tw-docked"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="tw-card-head">
        <h2 id="tw-panel-title" className="tw-card-title">
          {title}
        </h2>
        <button type="button" className="tw-icon-button" aria-label={closeLabel} onClick={onClose}>
          ×
        </button>
      </div>
      <p className="tw-card-body">{body}</p>
      {note ? <p className="tw-note">{note}</p> : null}
    </section>
  );
}
