import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { loadProvisions } from '../../provisions/load-provisions';
import { checkLongTermResidentWording } from './long-term-resident.rules';

const provisions = loadProvisions('2022-23');
const appendix = provisions.longTermResidentTerms;
const check = (memberState: string, wording: string) =>
  checkLongTermResidentWording(provisions, { memberState, wording });
const articles = (result: ReturnType<typeof check>) => result.reasons.map((r) => r.article);
const texts = (result: ReturnType<typeof check>) => result.reasons.map((r) => r.text).join('\n');

/** Every state of Appendix III with at least one term, with each of its terms. */
const listed = appendix.states
  .filter((s) => s.terms.length > 0)
  .flatMap((state) => state.terms.map((term) => ({ state, term })));

/** The abbreviations of the terms (the note of App III lets the final one vary). */
const ABBREVIATIONS = ['CE', 'UE', 'EG', 'EU', 'EK', 'ES', 'WE', 'EB', 'KE', 'EY', 'EC'];
const PRINTED_ABBREVIATION = /(?<!\p{L})(CE|UE|EG|EU|EK|ES|WE|EB|KE|EY|EC|EÜ|ΕΚ)(?!\p{L})/gu;

/** Strips diacritics and folds the letters that do not decompose, as someone without the keyboard types. */
function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/ħ/g, 'h')
    .replace(/đ/g, 'd');
}

/** Swaps one letter for its look-alike in another script: Latin → Cyrillic, Cyrillic → Latin, Greek → Latin. */
function withOneLookAlikeSwapped(text: string): string {
  const swaps: [string, string][] = /\p{Script=Cyrillic}/u.test(text)
    ? [
        ['о', 'o'],
        ['р', 'p'],
        ['е', 'e'],
        ['а', 'a'],
        ['с', 'c'],
      ]
    : /\p{Script=Greek}/u.test(text)
      ? [
          ['ο', 'o'],
          ['α', 'a'],
          ['κ', 'k'],
        ]
      : [
          ['e', 'е'],
          ['o', 'о'],
          ['a', 'а'],
          ['p', 'р'],
          ['c', 'с'],
          ['x', 'х'],
          ['P', 'Р'],
          ['E', 'Е'],
        ];
  for (const [from, to] of swaps) if (text.includes(from)) return text.replace(from, to);
  throw new Error(`no look-alike to swap in ${text}`);
}

describe('the terms of Appendix III as printed', () => {
  it.each(listed.map(({ state, term }) => [state.code, term.text, term.status] as const))(
    '%s: “%s” (%s) matches that term',
    (code, text, status) => {
      const result = check(code, text);
      expect(result.outcome).toBe('match');
      expect(result.matchedTerm).toMatchObject({ state: code, term: text, former: status === 'former' });
      expect(result.reasons[0]).toMatchObject({ article: 'App III' });
      expect(result.reasons[0].text).toContain(`“${text}”`);
      expect(articles(result)).toContain('App II k');
      if (status === 'former') expect(result.reasons[0].text).toContain('a former term');
    },
  );

  it('matches the Latin transliterations printed for Bulgaria and Greece, saying the document bears the original script', () => {
    const bulgarian = check('BG', 'D-lgosrotsjno prebivavasjto v EC');
    expect(bulgarian.matchedTerm).toMatchObject({ term: 'дългосрочно пребиваващо в EC', former: false });
    expect(bulgarian.reasons[0].text).toContain('Latin transliteration');
    expect(bulgarian.reasons[0].text).toContain('Cyrillic');
    expect(check('BG', 'D-lgosrotsjno prebivavasjto litse').matchedTerm?.former).toBe(true);
    const greek = check('GR', 'Etti makron diamenoon - EK');
    expect(greek.matchedTerm?.term).toBe('επί µακρόν διαµένων – ΕΚ');
    expect(greek.reasons[0].text).toContain('Greek');
  });

  it('tells the former and current terms of the same words apart by their abbreviation (Spain, Luxembourg)', () => {
    expect(check('ES', 'Residente de larga duración – CE').matchedTerm?.former).toBe(true);
    expect(check('ES', 'Residente de larga duración – UE').matchedTerm?.former).toBe(false);
    expect(check('LU', 'Résident de longue durée – CE').matchedTerm?.former).toBe(true);
    expect(check('LU', 'Résident de longue durée – UE').matchedTerm?.former).toBe(false);
    expect(check('FI', 'P EG 2003/109 EG').matchedTerm?.term).toBe('P EG 2003/109 EG');
  });

  it('prefers France’s current term to the former one it contains', () => {
    const result = check('FR', 'Carte de résident de longue durée - Communauté Européene');
    expect(result.matchedTerm).toMatchObject({
      term: 'Carte de résident de longue durée - Communauté Européene',
      former: false,
    });
    expect(result.reasons[0].text).toContain('after 20 June 2011');
  });
});

describe('variants of every term', () => {
  const cases = listed.map(({ state, term }) => [state.code, term.text] as const);

  it.each(cases)('%s: “%s” in upper case', (code, text) => {
    const result = check(code, text.toUpperCase());
    expect(result.outcome).toBe('match');
    expect(result.matchedTerm?.term).toBe(text);
  });

  it.each(cases)('%s: “%s” in lower case without diacritics', (code, text) => {
    const result = check(code, withoutDiacritics(text).toLowerCase());
    expect(result.outcome).toBe('match');
    expect(result.matchedTerm?.term).toBe(text);
  });

  it.each(cases)('%s: “%s” with other dashes, spacing and line breaks', (code, text) => {
    const variants = [
      text.replace(/\s*[–-]\s*/g, '—'),
      text.replace(/\s*[–-]\s*/g, ' \u2212 '),
      text.replace(/[–-]/g, '\u2011').replace(/ /g, '\n  '),
      text.replace(/\s*[–-]\s*/g, ' ').replace(/ /g, '   '),
      `  «${text.replace(/ /g, '\u00a0')}».`,
    ];
    for (const variant of variants) {
      const result = check(code, variant);
      expect(result.outcome, variant).toBe('match');
      expect(result.matchedTerm?.term, variant).toBe(text);
    }
  });

  it.each(cases.filter(([, text]) => new RegExp(PRINTED_ABBREVIATION).test(text)))(
    '%s: “%s” with each other abbreviation, and without one',
    (code, text) => {
      for (const abbreviation of [...ABBREVIATIONS, '']) {
        const variant = text.replace(PRINTED_ABBREVIATION, abbreviation);
        const result = check(code, variant);
        expect(result.outcome, variant).toBe('match');
        expect(result.matchedTerm?.state, variant).toBe(code);
        const printed = text
          .match(PRINTED_ABBREVIATION)!
          .map((a) => withoutDiacritics(a).replace('Ε', 'E').replace('Κ', 'K'));
        const isAsPrinted = printed.every((a) => a === abbreviation) || result.matchedTerm?.term !== text;
        if (!isAsPrinted) {
          expect(texts(result), variant).toMatch(
            abbreviation === '' ? /has no abbreviation where Appendix III prints/ : /may vary/,
          );
        }
      }
    },
  );

  it.each(cases)('%s: “%s” with one look-alike letter of another script', (code, text) => {
    const variant = withOneLookAlikeSwapped(text);
    expect(variant).not.toBe(text);
    const result = check(code, variant);
    expect(result.outcome).toBe('match');
    expect(result.matchedTerm?.term).toBe(text);
    expect(texts(result)).toContain('letters that look alike were read as the same letter');
  });

  it('reads Greek capitals typed with Latin look-alikes, and the micro sign as mu', () => {
    expect(check('GR', 'ΕΠΙ MAKPON ΔΙΑMENΩN – EK').outcome).toBe('match');
    expect(check('GR', 'επι μακρον διαμενων - εκ').outcome).toBe('match');
    expect(check('GR', 'επί µακρόν διαµένων').outcome).toBe('match');
    expect(check('BG', 'ДЪЛГОСРОЧНО ПРЕБИВАВАЩО В ЕС').outcome).toBe('match');
    expect(check('BG', 'ДЪЛГOCPOЧHO ПPEБИBABAЩO B EC').outcome).toBe('match');
  });

  it('finds the term intact inside longer text pasted from the document', () => {
    const result = check(
      'FR',
      'TITRE DE SÉJOUR\nPermis de séjour: résident de longue durée - UE, valable jusqu’au 01/01/2030',
    );
    expect(result.outcome).toBe('match');
    expect(result.matchedTerm).toMatchObject({
      state: 'FR',
      term: 'Résident de longue durée – CE',
      former: true,
    });
    expect(texts(result)).toContain('The abbreviation reads “UE” where Appendix III prints “CE”');
    expect(check('DE', 'Aufenthaltstitel: Daueraufenthalt-EU (§ 9a AufenthG)').outcome).toBe('match');
  });
});

describe('states that never match', () => {
  it.each(['DK', 'IE'])('%s never matches, because it has not implemented Directive 2003/109/EC', (code) => {
    for (const wording of [
      'Long-term resident – EU',
      'Permanent opholdstilladelse',
      'Daueraufenthalt – EG',
      'Stamp 4 EU long term residence',
    ]) {
      const result = check(code, wording);
      expect(result.outcome).toBe('no-match');
      expect(result.matchedTerm).toBeUndefined();
      expect(result.reasons[0].article).toBe('App III');
      expect(result.reasons[0].text).toContain('has not implemented Directive 2003/109/EC');
      expect(result.reasons[0].text).toContain(appendix.nonImplementationNote);
      expect(articles(result)).toContain('App II k');
    }
  });

  it('points out the state whose term wording from Denmark or Ireland is', () => {
    expect(texts(check('DK', 'Daueraufenthalt – EG'))).toContain(
      '“Daueraufenthalt – EG” (Austria, Belgium, Germany)',
    );
  });

  it('sends Dutch long-term resident status to App II j', () => {
    const result = check('NL', 'EU-langdurig ingezetene');
    expect(result.outcome).toBe('no-match');
    expect(articles(result)).toEqual(expect.arrayContaining(['App III', 'App II j']));
  });
});

describe('wording that needs review', () => {
  it('flags the term of another Member State rather than accepting it', () => {
    const german = check('FR', 'Daueraufenthalt – EG');
    expect(german.outcome).toBe('needs-review');
    expect(german.matchedTerm).toBeUndefined();
    expect(['AT', 'BE', 'DE']).toContain(german.nearestTerm?.state);
    expect(german.reasons[0]).toMatchObject({ article: 'App III' });
    expect(german.reasons[0].text).toContain('not for France');
    expect(german.reasons[0].text).toContain('Germany');

    const spanish = check('IT', 'Residente de larga duración – UE');
    expect(spanish).toMatchObject({ outcome: 'needs-review', nearestTerm: { state: 'ES' } });
    expect(spanish.reasons[0].text).toContain('“Residente de larga duración – UE” (Spain)');

    const greek = check('CY', 'επί μακρόν διαμένων – ΕΚ');
    expect(greek).toMatchObject({ outcome: 'needs-review', nearestTerm: { state: 'GR' } });
  });

  it('flags France’s current term given for Luxembourg, although it contains Luxembourg’s term', () => {
    const result = check('LU', 'Carte de résident de longue durée - Communauté Européene');
    expect(result).toMatchObject({ outcome: 'needs-review', nearestTerm: { state: 'FR', former: false } });
    expect(result.reasons[0].text).toContain('France');
  });

  it('accepts a term that other states share with the chosen one', () => {
    expect(check('BE', 'Daueraufenthalt – EG').matchedTerm?.state).toBe('BE');
    expect(check('AT', 'Daueraufenthalt – EU').matchedTerm?.state).toBe('AT');
    expect(check('BE', 'Résident de longue durée – CE').matchedTerm?.state).toBe('BE');
  });

  it.each([
    ['DE', 'Dauerauftenhalt – EG', 'Daueraufenthalt – EG'],
    ['DE', 'Dauerafenthalt EU', 'Daueraufenthalt – EG'],
    ['IT', 'Soggiornante di lungo periodo – UE', null],
    ['IT', 'Soggiornate di lungo perodo – CE', 'Soggiornante di lungo periodo – CE'],
    [
      'CZ',
      'Povoleni k pobytu pro dlouhodobe pobyvajiciho resideta',
      'Povolení k pobytu pro dlouhodobě pobývajícího rezidenta – ES',
    ],
    ['PL', 'Pobyt rezydenta dlugoterminowago – UE', 'Pobyt rezydenta długoterminowego – UE'],
    ['RO', 'Rezidenti pe termin lung', 'Rezidenţi pe termen lung'],
    ['SE', 'Varaktigt bosat inom – EU', 'Varaktigt bosatt inom – EG'],
    ['HU', 'Huzamos tartozkodasi engedelyel rendelkezo', 'Huzamos tartózkodási engedéllyel rendelkező – EK'],
  ])('%s: “%s” has a typo and needs review, naming the nearest term', (code, wording, nearest) => {
    const result = check(code, wording);
    if (nearest === null) {
      expect(result.outcome).toBe('match');
      return;
    }
    expect(result.outcome).toBe('needs-review');
    expect(result.nearestTerm).toMatchObject({ state: code, term: nearest });
    expect(result.reasons[0]).toMatchObject({ article: 'App III' });
    expect(result.reasons[0].text).toMatch(/is close to .*letters? differs?/);
  });

  it('flags a term found only inside a longer word, such as the residence card of family members', () => {
    const result = check('DE', 'Daueraufenthaltskarte');
    expect(result).toMatchObject({ outcome: 'needs-review', nearestTerm: { state: 'DE' } });
    expect(result.reasons[0].text).toContain('inside the longer word');
  });

  it('flags only one side of Croatia’s term printed with a slash', () => {
    const result = check('HR', 'Osoba s dugotrajnim boravištem – TEM-EU');
    expect(result).toMatchObject({ outcome: 'needs-review', nearestTerm: { state: 'HR' } });
    expect(result.reasons[0].text).toContain('only part of');
  });
});

describe('wording that does not match', () => {
  it.each([
    ['DE', 'Aufenthaltserlaubnis'],
    ['IT', 'Permesso di soggiorno per studio'],
    ['ES', 'Tarjeta de identidad de extranjero – Estudiante'],
    ['PL', 'xyzzy'],
    ['BG', 'разрешение за пребиваване'],
    ['GR', 'άδεια διαμονής'],
    ['AT', '—'],
  ])('%s: “%s” is no match, naming the state’s official terms', (code, wording) => {
    const result = check(code, wording);
    expect(result.outcome).toBe('no-match');
    expect(result.matchedTerm).toBeUndefined();
    expect(result.reasons[0].article).toBe('App III');
    const state = appendix.states.find((s) => s.code === code)!;
    for (const term of state.terms) expect(result.reasons[0].text).toContain(`“${term.text}”`);
    expect(articles(result)).toContain('App II k');
  });

  it('names the former terms as such', () => {
    expect(check('PL', 'Karta pobytu').reasons[0].text).toContain(
      '“Pobyt rezydenta długoterminowego – UE”, or formerly “Rezydent długoterminowy – WE”',
    );
  });
});

describe('the Member State', () => {
  it('takes the code in any case and with spaces, and EL for Greece', () => {
    expect(check(' de ', 'Daueraufenthalt – EG').matchedTerm?.state).toBe('DE');
    expect(check('EL', 'επί μακρόν διαμένων – ΕΚ').matchedTerm?.state).toBe('GR');
  });

  it.each([
    ['US', 'United States (US) is not a Member State of the EU'],
    ['CH', 'Switzerland (CH) is not a Member State of the EU'],
    ['GB', 'United Kingdom (GB) is not a Member State of the EU'],
    ['XX', '“XX” is not the ISO 3166-1 alpha-2 code of a country'],
    ['Germany', '“Germany” is not the ISO 3166-1 alpha-2 code of a country'],
    ['', 'is not the ISO 3166-1 alpha-2 code of a country'],
  ])('refuses “%s” as a validation error', (code, message) => {
    let error: unknown;
    try {
      check(code, 'Daueraufenthalt – EG');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ kind: 'validation', field: 'memberState' });
    expect((error as Error).message).toContain(message);
  });
});

describe('reasons', () => {
  it('name an article of the provisions in every outcome', () => {
    const results = [
      check('DE', 'Daueraufenthalt – EU'),
      check('FR', 'Daueraufenthalt – EG'),
      check('DE', 'Dauerauftenhalt'),
      check('DE', 'nothing like it'),
      check('DK', 'anything'),
      check('NL', 'anything'),
    ];
    for (const result of results) {
      expect(result.reasons.length).toBeGreaterThan(0);
      for (const reason of result.reasons) {
        expect(['App III', 'App II k', 'App II j']).toContain(reason.article);
        expect(reason.text).toMatch(/^[A-Z“].*[.”)]$/s);
      }
    }
  });

  it('gives the same answer again without recomputing, and the answer cannot be changed', () => {
    const first = check('DE', 'Daueraufenthalt – EU');
    expect(check('DE', 'Daueraufenthalt – EU')).toBe(first);
    expect(Object.isFrozen(first.reasons)).toBe(true);
  });
});
