// "Share your progress": the learner downloads their progress as xAPI statements (JSON) or CSV to hand to a trainer.
// Nothing is sent from here; an LRS only receives statements when the trainer's policy names one (Diagnostics).
import { useId, useState } from 'react';
import { t, type Locale } from '../../components/i18n';
import { idbStore } from '../../components/packs/db';
import { currentPolicy } from '../../components/packs/policy-background';
import { packsInUse } from '../../components/packs/provider';
import { localArea } from '../../components/state/area';
import { exportStatements, statementsToCsv } from '../../components/xapi/export';
import type { FactRecord } from '../../components/xapi/identity';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ProgressOutSection({ locale }: { locale: Locale }) {
  const headingId = useId();
  const [message, setMessage] = useState('');
  const run = async (format: 'json' | 'csv') => {
    const policy = await currentPolicy();
    const statements = await exportStatements(localArea(), idbStore<FactRecord>('xapi-facts'), await packsInUse(), policy.xapiHomePage);
    const day = new Date().toISOString().slice(0, 10);
    if (format === 'json') download(`training-wheels-xapi-${day}.json`, 'application/json', JSON.stringify(statements, null, 2));
    else download(`training-wheels-progress-${day}.csv`, 'text/csv', statementsToCsv(statements, locale));
    setMessage(t(locale, 'xapiExported', statements.length));
  };
  return (
    <section aria-labelledby={headingId} data-testid="progress-out">
      <h2 id={headingId}>{t(locale, 'xapiTitle')}</h2>
      <p>{t(locale, 'xapiIntro')}</p>
      <div className="row">
        <button type="button" className="button" onClick={() => void run('json')} data-testid="export-xapi">
          {t(locale, 'xapiExportJson')}
        </button>
        <button type="button" className="button secondary" onClick={() => void run('csv')} data-testid="export-csv">
          {t(locale, 'xapiExportCsv')}
        </button>
      </div>
      <p role="status" data-testid="progress-out-status">
        {message}
      </p>
    </section>
  );
}
