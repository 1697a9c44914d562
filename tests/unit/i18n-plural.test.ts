// Counts in the learner's pages and the overlay: each count message picks its plural form through Intl.PluralRules
// (CLDR: French puts 0 and 1 in "one", English only 1), never "1 réponses" or "1 items restored". The overlay's
// translator (content script) shows no count today and carries no resolver; a test below fails if one of its
// messages gains a plural block before it does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../components/i18n';
import { makeTranslator, type Locale } from '../../components/i18n-core';
import { pluralCategory, resolvePlurals } from '../../components/plural';
import { ot } from '../../components/overlay/strings';

const catalog = (locale: Locale) =>
  JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, unknown> }
  >;

const COUNTS = [0, 1, 2, 5] as const;

/** What each count message says for 0, 1, 2 and 5, in both languages (other arguments fixed: total 7, file "a.yaml"). */
const EXPECTED: Record<string, { args: (n: number) => (string | number)[]; en: string[]; fr: string[] }> = {
  lessonStateSkipped: {
    args: (n) => [n],
    en: ['Skipped: 0 steps not done', 'Skipped: 1 step not done', 'Skipped: 2 steps not done', 'Skipped: 5 steps not done'],
    fr: ['Passée : 0 étape non faite', 'Passée : 1 étape non faite', 'Passée : 2 étapes non faites', 'Passée : 5 étapes non faites'],
  },
  lessonStepsSkipped: {
    args: (n) => [n],
    en: ['0 steps skipped', '1 step skipped', '2 steps skipped', '5 steps skipped'],
    fr: ['0 étape passée', '1 étape passée', '2 étapes passées', '5 étapes passées'],
  },
  quizAnswered: {
    args: (n) => [n, 7],
    en: ['0 of 7 answered', '1 of 7 answered', '2 of 7 answered', '5 of 7 answered'],
    fr: ['0 réponse sur 7', '1 réponse sur 7', '2 réponses sur 7', '5 réponses sur 7'],
  },
  popupStepsDone: {
    // The English noun follows the total, the French one the count done.
    args: (n) => [n === 0 ? 0 : 1, n],
    en: ['0 of 0 steps', '1 of 1 step', '1 of 2 steps', '1 of 5 steps'],
    fr: ['0 étape sur 0', '1 étape sur 1', '1 étape sur 2', '1 étape sur 5'],
  },
  popupReviewsDue: {
    args: (n) => [n],
    en: ['0 review questions due', '1 review question due', '2 review questions due', '5 review questions due'],
    fr: ['0 question de révision à faire', '1 question de révision à faire', '2 questions de révision à faire', '5 questions de révision à faire'],
  },
  optionsLessonsDone: {
    args: (n) => [n, n],
    en: ['0 of 0 lessons done', '1 of 1 lesson done', '2 of 2 lessons done', '5 of 5 lessons done'],
    fr: ['0 leçon terminée sur 0', '1 leçon terminée sur 1', '2 leçons terminées sur 2', '5 leçons terminées sur 5'],
  },
  optionsStepsDone: {
    args: (n) => [0, n],
    en: ['0/0 steps', '0/1 step', '0/2 steps', '0/5 steps'],
    fr: ['0/0 étape', '0/1 étape', '0/2 étapes', '0/5 étapes'],
  },
  optionsImportDone: {
    args: (n) => [n],
    en: ['Import finished: 0 items restored.', 'Import finished: 1 item restored.', 'Import finished: 2 items restored.', 'Import finished: 5 items restored.'],
    fr: ['Import terminé : 0 élément restauré.', 'Import terminé : 1 élément restauré.', 'Import terminé : 2 éléments restaurés.', 'Import terminé : 5 éléments restaurés.'],
  },
  optionsImportRepaired: {
    args: (n) => [n],
    en: [
      '0 damaged entries were repaired or skipped.',
      '1 damaged entry was repaired or skipped.',
      '2 damaged entries were repaired or skipped.',
      '5 damaged entries were repaired or skipped.',
    ],
    fr: [
      '0 entrée endommagée a été réparée ou ignorée.',
      '1 entrée endommagée a été réparée ou ignorée.',
      '2 entrées endommagées ont été réparées ou ignorées.',
      '5 entrées endommagées ont été réparées ou ignorées.',
    ],
  },
  packsImportInvalid: {
    args: (n) => ['a.yaml', n],
    en: ['a.yaml was not imported: 0 problems to fix.', 'a.yaml was not imported: 1 problem to fix.', 'a.yaml was not imported: 2 problems to fix.', 'a.yaml was not imported: 5 problems to fix.'],
    fr: [
      "a.yaml n'a pas été importé : 0 problème à corriger.",
      "a.yaml n'a pas été importé : 1 problème à corriger.",
      "a.yaml n'a pas été importé : 2 problèmes à corriger.",
      "a.yaml n'a pas été importé : 5 problèmes à corriger.",
    ],
  },
  xapiExported: {
    args: (n) => [n],
    en: ['0 statements exported.', '1 statement exported.', '2 statements exported.', '5 statements exported.'],
    fr: ['0 déclaration exportée.', '1 déclaration exportée.', '2 déclarations exportées.', '5 déclarations exportées.'],
  },
};

describe('plural categories (CLDR through Intl.PluralRules)', () => {
  it('French: 0 and 1 are "one", 2 and 5 "other"; English: only 1 is "one"', () => {
    expect(COUNTS.map((n) => pluralCategory('fr', n))).toEqual(['one', 'one', 'other', 'other']);
    expect(COUNTS.map((n) => pluralCategory('en', n))).toEqual(['other', 'one', 'other', 'other']);
  });
});

describe('count messages of the popup, options and welcome pages', () => {
  for (const [key, { args, en, fr }] of Object.entries(EXPECTED))
    for (const [locale, expected] of [['en', en], ['fr', fr]] as const)
      it(`${key} (${locale}) over 0, 1, 2 and 5`, () => {
        expect(COUNTS.map((n) => t(locale, key, ...args(n)))).toEqual(expected);
      });

  it('counts given as strings (as chrome.i18n substitutions are) choose the same form', () => {
    expect(t('fr', 'xapiExported', '1')).toBe('1 déclaration exportée.');
    expect(t('en', 'xapiExported', '1')).toBe('1 statement exported.');
  });

  it('writes large counts the locale’s way, and a form French lacks in the message ("many") falls back to "other"', () => {
    expect(t('en', 'optionsImportDone', 1234)).toBe('Import finished: 1,234 items restored.');
    expect(t('fr', 'optionsImportDone', 1_000_000)).toBe('Import terminé : 1\u202f000\u202f000 éléments restaurés.');
  });

  it('every count message in the catalogs is well formed: a known placeholder, an "other" form, no brace left', () => {
    for (const locale of ['en', 'fr'] as const) {
      const messages = catalog(locale);
      for (const [key, entry] of Object.entries(messages)) {
        if (!entry.message.includes(', plural,')) continue;
        const names = [...entry.message.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]!.toLowerCase());
        for (const name of names) expect(Object.keys(entry.placeholders ?? {}), `${locale}:${key} names ${name}`).toContain(name);
        expect(entry.message, `${locale}:${key}`).toMatch(/other \{/);
        const args = Object.keys(entry.placeholders ?? {}).map(() => 3);
        expect(t(locale, key, ...args), `${locale}:${key}`).not.toMatch(/[{}#]/);
      }
    }
  });

  it('every count message with a plural form in one language is listed above', () => {
    const plural = new Set(
      (['en', 'fr'] as const).flatMap((l) => Object.entries(catalog(l)).filter(([, e]) => e.message.includes(', plural,')).map(([k]) => k)),
    );
    expect([...plural].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('the overlay’s translator', () => {
  it('chooses plural forms through the same resolver once it is given it (a count in the overlay)', () => {
    const message = { message: '{N, plural, =0 {No step left} one {# step left} other {# steps left}}', placeholders: { n: { content: '$1' } } };
    const frMessage = { message: '{N, plural, =0 {Plus aucune étape} one {# étape restante} other {# étapes restantes}}', placeholders: { n: { content: '$1' } } };
    const tr = makeTranslator<'left'>({ en: { left: message }, fr: { left: frMessage } }, resolvePlurals);
    expect(COUNTS.map((n) => tr('en', 'left', n))).toEqual(['No step left', '1 step left', '2 steps left', '5 steps left']);
    expect(COUNTS.map((n) => tr('fr', 'left', n))).toEqual(['Plus aucune étape', '1 étape restante', '2 étapes restantes', '5 étapes restantes']);
  });
  it('has no message with a plural block while it carries no resolver', () => {
    for (const locale of ['en', 'fr'] as const)
      for (const [key, entry] of Object.entries(catalog(locale)))
        if (entry.message.includes(', plural,')) expect(ot(locale, key, 3, 3, 3), `${locale}:${key} in the overlay`).not.toMatch(/[{}]/);
  });
  it('its step counter reads the same in both languages for any position', () => {
    expect(ot('en', 'overlayStepOf', 1, 5)).toBe('Step 1 of 5');
    expect(ot('fr', 'overlayStepOf', 2, 5)).toBe('Étape 2 sur 5');
  });
});
