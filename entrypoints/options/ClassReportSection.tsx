// The trainers' way to the class report (entrypoints/report): what it reads and a link to it.
import { useId } from 'react';
import { t, type Locale } from '../../components/i18n';

export function ClassReportSection({ locale }: { locale: Locale }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="class-report">
      <h2 id={headingId}>{t(locale, 'reportSectionTitle')}</h2>
      <p>{t(locale, 'reportSectionIntro')}</p>
      <a className="button" href="/report.html" target="_blank" rel="noopener" data-testid="open-report">
        {t(locale, 'reportSectionOpen')}
      </a>
    </section>
  );
}
