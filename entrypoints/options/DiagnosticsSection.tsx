// Diagnostics for trainers and administrators: what the enterprise policy set, which of its keys were ignored and
// why, the LRS outbox, and trainer mode (the anchor picker on the networks' pages).
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { t, type Locale } from '../../components/i18n';
import { Switch } from '../../components/Switch';
import { POLICY_STATUS_KEY, type PolicyStatus } from '../../components/packs/policy';
import { originPattern } from '../../components/packs/subscribe';
import { TRAINER_MODE_KEY } from '../../components/trainer/flag';
import { XAPI_DATA_COLLECTION } from '../../components/xapi/data-collection';
import { XAPI_STATUS_KEY, type OutboxStatus } from '../../components/xapi/outbox';

const formatDate = (locale: Locale, at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

function useStored<T>(key: string): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    void browser.storage.local.get(key).then((r) => setValue(r[key] as T | undefined));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setValue(changes[key]!.newValue as T | undefined);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [key]);
  return value;
}

export function DiagnosticsSection({ locale }: { locale: Locale }) {
  const headingId = useId();
  const policy = useStored<PolicyStatus>(POLICY_STATUS_KEY);
  const outbox = useStored<OutboxStatus>(XAPI_STATUS_KEY);
  const trainerMode = useStored<boolean>(TRAINER_MODE_KEY) === true;
  const [lrsMessage, setLrsMessage] = useState('');
  return (
    <section aria-labelledby={headingId} data-testid="diagnostics">
      <h2 id={headingId}>{t(locale, 'diagTitle')}</h2>

      <h3>{t(locale, 'diagTrainerModeTitle')}</h3>
      <Switch label={t(locale, 'diagTrainerMode')} checked={trainerMode} testId="trainer-mode" onChange={(on) => void browser.storage.local.set({ [TRAINER_MODE_KEY]: on })} />
      <p className="muted">{t(locale, 'diagTrainerModeHelp')}</p>

      <h3>{t(locale, 'diagPolicyTitle')}</h3>
      {!policy || (policy.applied.length === 0 && policy.problems.length === 0) ? (
        <p data-testid="policy-none">{t(locale, 'diagPolicyNone')}</p>
      ) : (
        <>
          <p data-testid="policy-applied">{t(locale, 'diagPolicyApplied', formatDate(locale, policy.at), policy.applied.join(', ') || '—')}</p>
          {policy.problems.length ? (
            <>
              <p>{t(locale, 'diagPolicyProblems')}</p>
              <ul data-testid="policy-problems">
                {policy.problems.map((p, i) => (
                  <li key={i} style={{ whiteSpace: 'pre-line' }}>
                    <code>{p.key}</code> — {t(locale, 'diagPolicyExpected', p.expected)}
                    {p.detail ? `\n${locale === 'fr' ? p.detail.fr : p.detail.en}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}

      <h3>{t(locale, 'diagLrsTitle')}</h3>
      {policy?.xapiEndpoint ? (
        <>
          <p data-testid="lrs-endpoint">{t(locale, 'diagLrsEndpoint', policy.xapiEndpoint)}</p>
          {outbox ? (
            <p data-testid="lrs-status">
              {t(locale, 'diagLrsStatus', String(outbox.pending), String(outbox.rejected), outbox.lastSentAt ? formatDate(locale, outbox.lastSentAt) : '—')}
              {outbox.lastError ? ` ${t(locale, 'diagLrsError', outbox.lastError)}` : ''}
              {outbox.waitingForConsent ? ` ${t(locale, 'diagLrsConsentNeeded')}` : ''}
            </p>
          ) : null}
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              // Asked on a click (the prompt needs it): the LRS's origin, when it does not allow the extension by CORS,
              // and in Firefox the data collection that sending statements means (its built-in consent).
              void browser.permissions
                .getAll()
                .then((current) => {
                  const request = { origins: [originPattern(policy.xapiEndpoint!)], ...('data_collection' in current ? { data_collection: [...XAPI_DATA_COLLECTION] } : {}) };
                  return browser.permissions.request(request as Parameters<typeof browser.permissions.request>[0]);
                })
                .then((granted) => setLrsMessage(t(locale, granted ? 'diagLrsGranted' : 'diagLrsRefused')))
                .catch(() => setLrsMessage(t(locale, 'diagLrsRefused')));
            }}
          >
            {t(locale, 'diagLrsGrant', new URL(policy.xapiEndpoint).host)}
          </button>
          <p role="status">{lrsMessage}</p>
        </>
      ) : (
        <p>{t(locale, 'diagLrsNone')}</p>
      )}
    </section>
  );
}
