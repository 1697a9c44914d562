// Trainers' packs in the options page: import a YAML or JSON file, subscribe to an https URL, and list the packs in
// use (the bundled one, imported ones, subscriptions, policy packs) with their status.
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { t, type Locale } from '../../components/i18n';
import { Switch } from '../../components/Switch';
import { packManager } from '../../components/packs/provider';
import { REGISTRY_KEY, type PackCheck, type PackListItem, type PackManager } from '../../components/packs/registry';
import { isHttpsUrl, normalizePin, originPattern, refreshSubscription } from '../../components/packs/subscribe';
import { localize } from '../../lessons/engine';
import { formatError, validatePackJson, type PackError } from '../../lessons/pack/validate';
import { MAX_YAML_BYTES, validatePackYaml } from '../../lessons/pack/yaml';
import { packFileTooLarge, packSaveFailed } from './import-messages';

const formatDate = (locale: Locale, at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

/** The list of packs, kept current when any context changes the registry. */
function usePackList(): PackListItem[] | null {
  const [items, setItems] = useState<PackListItem[] | null>(null);
  useEffect(() => {
    const load = () => void packManager().list().then(setItems);
    load();
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REGISTRY_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return items;
}

/** Parses and validates a file as the CLI does: YAML (with line and column) or JSON. */
export function validatePackFile(name: string, text: string) {
  const looksJson = /\.json$/i.test(name) || (!/\.ya?ml$/i.test(name) && text.trimStart().startsWith('{'));
  return looksJson ? validatePackJson(text, { file: name }) : validatePackYaml({ file: name, text });
}

export function checkMessage(locale: Locale, check: PackCheck | undefined, version: string): string {
  if (!check) return '';
  if (check.ok) return t(locale, 'packsCheckOk', formatDate(locale, check.at));
  const detail = (locale === 'fr' ? check.detailFr : undefined) ?? check.detail ?? '';
  return t(locale, 'packsCheckFailed', formatDate(locale, check.at), t(locale, `packsFailure_${(check.failure ?? 'network').replace('-', '_')}`), version) + (detail ? `\n${detail}` : '');
}

function ErrorList({ locale, errors }: { locale: Locale; errors: readonly PackError[] }) {
  return (
    <ul className="pack-errors" data-testid="pack-errors">
      {errors.slice(0, 30).map((e, i) => (
        <li key={i}>
          <code>{formatError(e, locale)}</code>
        </li>
      ))}
      {errors.length > 30 ? <li>{t(locale, 'packsMoreErrors', String(errors.length - 30))}</li> : null}
    </ul>
  );
}

export function PacksSection({ locale }: { locale: Locale }) {
  const headingId = useId();
  const items = usePackList();
  return (
    <section aria-labelledby={headingId} data-testid="packs">
      <h2 id={headingId}>{t(locale, 'packsTitle')}</h2>
      <p>{t(locale, 'packsIntro')}</p>
      {items ? <PackTable locale={locale} items={items} /> : null}
      <ImportPack locale={locale} />
      <SubscribePack locale={locale} />
    </section>
  );
}

function PackTable({ locale, items }: { locale: Locale; items: PackListItem[] }) {
  const [message, setMessage] = useState('');
  return (
    <>
      <table className="packs-table" data-testid="packs-table">
        <thead>
          <tr>
            <th scope="col">{t(locale, 'packsColPack')}</th>
            <th scope="col">{t(locale, 'packsColVersion')}</th>
            <th scope="col">{t(locale, 'packsColSource')}</th>
            <th scope="col">{t(locale, 'packsColLessons')}</th>
            <th scope="col">{t(locale, 'packsColStatus')}</th>
            <th scope="col">{t(locale, 'packsColActions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const title = localize(item.title, locale);
            return (
              <tr key={item.id} data-testid="pack-row" data-pack={item.id} data-enabled={item.enabled}>
                <td>
                  <strong>{title}</strong>
                  <div className="muted">
                    <code>{item.id}</code>
                  </div>
                  {item.url ? <div className="muted">{item.url}</div> : null}
                </td>
                <td>{item.version}</td>
                <td>{t(locale, `packsSource_${item.source}`)}</td>
                <td>{item.lessonCount}</td>
                <td data-testid="pack-status" style={{ whiteSpace: 'pre-line' }}>
                  {checkMessage(locale, item.check, item.version)}
                </td>
                <td>
                  <Switch
                    label={t(locale, 'packsEnabled', title)}
                    checked={item.enabled}
                    disabled={item.managed}
                    testId="pack-enabled"
                    onChange={(on) => void packManager().setEnabled(item.id, on)}
                  />
                  {item.removable ? (
                    <button
                      type="button"
                      className="button secondary"
                      data-testid="pack-remove"
                      onClick={() => void packManager().remove(item.id).then(() => setMessage(t(locale, 'packsRemoved', title)))}
                    >
                      {t(locale, 'packsRemove')}
                    </button>
                  ) : item.managed ? (
                    <span className="muted">{t(locale, 'packsManaged')}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p role="status" data-testid="packs-status">
        {message}
      </p>
    </>
  );
}

function ImportPack({ locale }: { locale: Locale }) {
  const fileId = useId();
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<PackError[]>([]);
  const importFile = async (file: File) => {
    setErrors([]);
    const tooLarge = packFileTooLarge(locale, file.name, file.size, MAX_YAML_BYTES);
    if (tooLarge) return setMessage(tooLarge);
    const text = await file.text();
    const result = validatePackFile(file.name, text);
    if (!result.ok || !result.pack) {
      setErrors(result.errors);
      setMessage(t(locale, 'packsImportInvalid', file.name, result.errors.length));
      return;
    }
    let outcome: Awaited<ReturnType<PackManager['install']>>;
    try {
      outcome = await packManager().install(result.pack, 'file');
    } catch (error) {
      // The storage is full (or IndexedDB failed): said in the learner's language; nothing they had is touched.
      return setMessage(packSaveFailed(locale, error));
    }
    if (outcome.ok) setMessage(t(locale, outcome.replaced ? 'packsImportReplaced' : 'packsImportDone', outcome.entry.id, outcome.entry.version));
    else if (outcome.reason === 'invalid') setErrors(outcome.errors);
    else setMessage(t(locale, outcome.reason === 'bundled-id' ? 'packsBundledId' : 'packsManagedId', result.pack.id));
  };
  return (
    <div className="card">
      <h3>{t(locale, 'packsImportTitle')}</h3>
      <label htmlFor={fileId}>{t(locale, 'packsImportLabel')}</label>{' '}
      <input
        id={fileId}
        type="file"
        accept=".yaml,.yml,.json,application/json,application/yaml,text/yaml"
        data-testid="pack-import"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      <p role="status" data-testid="pack-import-status">
        {message}
      </p>
      {errors.length ? <ErrorList locale={locale} errors={errors} /> : null}
    </div>
  );
}

function SubscribePack({ locale }: { locale: Locale }) {
  const urlId = useId();
  const pinId = useId();
  const [url, setUrl] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const subscribe = () => {
    const target = url.trim();
    if (!isHttpsUrl(target)) return setMessage(t(locale, 'packsUrlNotHttps'));
    const sha256 = normalizePin(pin);
    if (sha256 === null) return setMessage(t(locale, 'packsPinInvalid'));
    // Asked now, inside the click: the permission prompt needs the learner's gesture.
    void browser.permissions.request({ origins: [originPattern(target)] }).then(async (granted) => {
      if (!granted) return setMessage(t(locale, 'packsPermissionRefused', new URL(target).host));
      setBusy(true);
      setMessage(t(locale, 'packsDownloading'));
      const outcome = await refreshSubscription(packManager(), { url: target, ...(sha256 ? { sha256 } : {}) }, (u, init) => fetch(u, init));
      setBusy(false);
      if (outcome.ok) {
        setMessage(t(locale, 'packsSubscribed', outcome.entry.id, outcome.entry.version));
        setUrl('');
        setPin('');
      } else setMessage(checkMessage(locale, outcome.check, ''));
    });
  };
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        subscribe();
      }}
    >
      <h3>{t(locale, 'packsSubscribeTitle')}</h3>
      <div className="field">
        <label htmlFor={urlId}>{t(locale, 'packsUrlLabel')}</label>
        <input id={urlId} type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.currentTarget.value)} data-testid="pack-url" />
      </div>
      <div className="field">
        <label htmlFor={pinId}>{t(locale, 'packsPinLabel')}</label>
        <input id={pinId} type="text" spellCheck={false} value={pin} onChange={(e) => setPin(e.currentTarget.value)} data-testid="pack-pin" />
      </div>
      <button type="submit" className="button" disabled={busy} data-testid="pack-subscribe">
        {t(locale, 'packsSubscribe')}
      </button>
      <p role="status" data-testid="pack-subscribe-status" style={{ whiteSpace: 'pre-line' }}>
        {message}
      </p>
    </form>
  );
}
