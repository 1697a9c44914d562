// What the options page says after an import of learner data or of a pack that did not land: in the learner's
// language, and always that nothing they had was lost (a refused import writes nothing).
import { t, type Locale } from '../../components/i18n';
import { isQuotaError, MAX_IMPORT_BYTES, type ImportResult } from '../../components/state/transfer';

const megabytes = (bytes: number) => String(Math.round(bytes / 100_000) / 10);

/** The message for an import of learner data. */
export function learnerImportMessage(locale: Locale, result: ImportResult): string {
  if (result.ok) {
    const repaired = result.repairedKeys.length ? ` ${t(locale, 'optionsImportRepaired', result.repairedKeys.length)}` : '';
    return t(locale, 'optionsImportDone', result.keys) + repaired;
  }
  switch (result.reason) {
    case 'not-json':
      return t(locale, 'optionsImportNotJson');
    case 'newer-version':
      return t(locale, 'optionsImportNewer');
    case 'too-large':
      return t(locale, 'optionsImportTooLarge', megabytes(MAX_IMPORT_BYTES));
    case 'too-many-keys':
      return t(locale, 'optionsImportTooManyKeys');
    case 'storage-full':
      return t(locale, 'optionsImportStorageFull');
    case 'write-failed':
      return t(locale, 'optionsImportWriteFailed', result.detail ?? '');
    default:
      return t(locale, 'optionsImportNotExport');
  }
}

/** A learner-data file refused by its size before it is read. */
export function learnerFileTooLarge(locale: Locale, size: number): string | null {
  return size > MAX_IMPORT_BYTES ? t(locale, 'optionsImportTooLarge', megabytes(MAX_IMPORT_BYTES)) : null;
}

/** A pack file refused by its size before it is read (the validator would refuse it anyway, after reading it). */
export function packFileTooLarge(locale: Locale, name: string, size: number, max: number): string | null {
  return size > max ? t(locale, 'packsImportTooLarge', name, megabytes(max)) : null;
}

/** A pack that could not be saved (the browser's storage full, or another failure). */
export function packSaveFailed(locale: Locale, error: unknown): string {
  return isQuotaError(error) ? t(locale, 'packsStorageFull') : t(locale, 'packsSaveFailed', error instanceof Error ? error.message : String(error));
}
