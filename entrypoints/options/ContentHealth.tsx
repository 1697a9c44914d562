// Diagnostics → content health: the controls lessons needed and the guide did not find (recorded by the background,
// components/health/background.ts), so a trainer sees what a site change broke before learners complain.
import { useId, useState } from 'react';
import { t, type Locale } from '../../components/i18n';
import { learnerPacks } from '../../components/learner/packs';
import { clearHealth } from '../../components/health/record';
import { localArea } from '../../components/state/area';
import { localize } from '../../lessons/engine';
import { ANCHOR_HEALTH_KEY, sanitizeHealth } from '../../lessons/health/anchor-health';
import { NETWORK_LABEL } from '../../components/learner/paths';
import { useStored } from './use-stored';

const formatDate = (locale: Locale, at: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

export function ContentHealth({ locale }: { locale: Locale }) {
  const health = sanitizeHealth(useStored<unknown>(ANCHOR_HEALTH_KEY));
  const captionId = useId();
  const [message, setMessage] = useState('');
  const packs = learnerPacks();
  const lessonTitle = (packId: string, lessonId: string) => {
    const lesson = packs.find((p) => p.id === packId)?.lessons.find((l) => l.id === lessonId);
    return lesson ? localize(lesson.title, locale) : lessonId;
  };
  const reports = [...health.reports].sort((a, b) => b.lastSeen - a.lastSeen);
  return (
    <div data-testid="content-health">
      <h3>{t(locale, 'diagHealthTitle')}</h3>
      <p className="muted">{t(locale, 'diagHealthIntro')}</p>
      {reports.length === 0 ? (
        <p data-testid="health-none">{t(locale, 'diagHealthNone')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table" data-testid="health-table">
            <caption id={captionId}>{t(locale, 'diagHealthCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'diagHealthColAnchor')}</th>
                <th scope="col">{t(locale, 'diagHealthColPage')}</th>
                <th scope="col">{t(locale, 'diagHealthColPack')}</th>
                <th scope="col">{t(locale, 'diagHealthColLesson')}</th>
                <th scope="col" className="num">
                  {t(locale, 'diagHealthColCount')}
                </th>
                <th scope="col">{t(locale, 'diagHealthColFirst')}</th>
                <th scope="col">{t(locale, 'diagHealthColLast')}</th>
                <th scope="col">{t(locale, 'diagHealthColExtension')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={[r.anchor, r.pageKind, r.packId, r.packVersion, r.lessonId, r.stepId, r.extensionVersion].join(' ')} data-testid="health-row" data-anchor={r.anchor}>
                  <td>
                    <code>{r.anchor}</code>
                  </td>
                  <td>
                    {t(locale, NETWORK_LABEL[r.network])} — {r.pageKind}
                  </td>
                  <td>
                    <code>{r.packId}</code> ({r.packVersion})
                  </td>
                  <td>
                    {lessonTitle(r.packId, r.lessonId)} — {r.stepId === null ? t(locale, 'diagHealthHintStep') : <code>{r.stepId}</code>}
                  </td>
                  <td className="num" data-testid="health-count">
                    {r.count}
                  </td>
                  <td>{formatDate(locale, r.firstSeen)}</td>
                  <td>{formatDate(locale, r.lastSeen)}</td>
                  <td>{r.extensionVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {health.lastSummaryAt ? <p data-testid="health-summary">{t(locale, 'diagHealthSummary', formatDate(locale, health.lastSummaryAt))}</p> : null}
      {reports.length ? (
        <button
          type="button"
          className="button secondary"
          data-testid="health-clear"
          onClick={() => void clearHealth(localArea()).then(() => setMessage(t(locale, 'diagHealthCleared')))}
        >
          {t(locale, 'diagHealthClear')}
        </button>
      ) : null}
      <p role="status">{message}</p>
    </div>
  );
}
