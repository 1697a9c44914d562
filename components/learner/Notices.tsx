import { t, type Locale } from '../i18n';
import { useLearner } from './useLearner';

/** Messages about the stored data (e.g. a damaged value was repaired): shown until the learner dismisses them. */
export function Notices({ locale }: { locale: Locale }) {
  const { notices, dismissNotice } = useLearner();
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role="status" data-testid="notice">
          <p>{t(locale, 'noticeRepaired', notice.backupKey)}</p>
          <button type="button" className="button secondary" onClick={() => void dismissNotice(notice.id)}>
            {t(locale, 'noticeDismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
