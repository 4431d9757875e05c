import type { LongTermResidentCheck } from '../../../shared/api/residence.contract';
import { DeskError } from '../../../shared/errors';
import type {
  LongTermResidentState,
  LongTermResidentTerm,
  Provisions,
} from '../../provisions/provisions.schema';

/*
 * Appendix III: whether the wording on a residence document (or passport sticker) of another Member State
 * is one of the terms for EU long-term residents that Appendix III lists for that state, read with App II k.
 *
 * Wording and terms are compared as skeletons: compatibility form, one case, no diacritics, letters
 * without a decomposition folded (ß → ss, ł → l …), Cyrillic and Greek letters that look like Latin ones
 * read as those, and everything that is not a letter or digit (dashes, spaces, punctuation, line breaks)
 * dropped. The abbreviation of a term (‘– EG’, ‘– UE’, ‘EY-’, ‘ΕΚ’ …) is left out of its skeleton: the note
 * "Deviations from above abbreviations" lets it vary. It is compared separately: for the reasons, and to
 * tell apart terms that differ only in it (Spain and Luxembourg: former '– CE', current '– UE').
 * Upper-case and lower-case look-alikes differ for a few Greek letters (Ν is N, ν is v), so wording with
 * Greek letters is also compared in upper case.
 */

/** What staff ask: the Member State that issued the document and the wording on it. */
export interface LongTermResidentWording {
  /** ISO 3166-1 alpha-2 code of the Member State that issued the document, e.g. 'DE' ('EL' is read as Greece). */
  memberState: string;
  /** The wording on the residence document or sticker, typed or pasted, possibly with the text around it. */
  wording: string;
}

type Folding = 'lower' | 'upper';

/** Latin letters that NFD does not decompose, as their base letters. */
const LATIN_FOLDS =
  'ß ss|ẞ SS|æ ae|Æ AE|œ oe|Œ OE|ø o|Ø O|ł l|Ł L|đ d|Đ D|ð d|Ð D|þ th|Þ TH|ħ h|Ħ H|ı i|ŀ l|Ŀ L|ŧ t|Ŧ T|ſ s|ĸ k|ŋ n|Ŋ N|ƒ f|ȷ j';
/** Cyrillic and Greek letters that look like Latin ones, per case (Unicode confusables, and the capitals' shapes). */
const LOWER_LOOK_ALIKES =
  'а a|в b|е e|к k|м m|н h|о o|р p|с c|т t|у y|х x|ѕ s|і i|ј j|ԁ d|һ h|ӏ l|ԛ q|ԝ w|ү y|α a|ε e|η n|ι i|κ k|μ u|ν v|ο o|ρ p|τ t|υ u|χ x|γ y|ω w|ς σ';
const UPPER_LOOK_ALIKES =
  'А A|В B|Е E|К K|М M|Н H|О O|Р P|С C|Т T|У Y|Х X|Ѕ S|І I|Ј J|Ԛ Q|Ԝ W|Ү Y|Ӏ I|Һ H|Α A|Β B|Ε E|Ζ Z|Η H|Ι I|Κ K|Μ M|Ν N|Ο O|Ρ P|Τ T|Υ Y|Χ X';

function foldTable(...lists: string[]): Map<string, string> {
  return new Map(lists.flatMap((list) => list.split('|').map((pair) => pair.split(' ') as [string, string])));
}

const FOLD_TABLES: Readonly<Record<Folding, ReadonlyMap<string, string>>> = {
  lower: foldTable(LATIN_FOLDS, LOWER_LOOK_ALIKES),
  upper: foldTable(LATIN_FOLDS, UPPER_LOOK_ALIKES),
};

/** Each character as folded: its letters, '' for a separator, null for a combining mark (dropped). */
const foldedCharacters: Record<Folding, Map<string, string | null>> = { lower: new Map(), upper: new Map() };

function foldCharacter(char: string, folding: Folding): string | null {
  const cache = foldedCharacters[folding];
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = /\p{M}/u.test(char)
      ? null
      : (FOLD_TABLES[folding].get(char) ?? (/[\p{L}\p{N}]/u.test(char) ? char : ''));
    if (cache.size < 10_000) cache.set(char, folded);
  }
  return folded;
}

/** The words of a text in one folding: letters and digits only, everything else a separator. */
function foldedWords(text: string, folding: Folding): string[] {
  const normal = text.normalize('NFKC');
  const cased = folding === 'lower' ? normal.toLowerCase() : normal.toUpperCase();
  const words: string[] = [];
  let word = '';
  for (const char of cased.normalize('NFD')) {
    const folded = foldCharacter(char, folding);
    if (folded === null) continue;
    if (folded !== '') word += folded;
    else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/** A word of a skeleton; an abbreviation is kept beside the text, not in it. */
interface SkeletonWord {
  text: string;
  isAbbreviation: boolean;
  /** Where the word starts and ends in the skeleton text (an abbreviation: where it would be). */
  start: number;
  end: number;
}

/** A text as compared: its words and their letters joined without separators, abbreviations left out. */
interface Skeleton {
  text: string;
  words: SkeletonWord[];
  /** The abbreviations, in order. */
  abbreviations: string[];
  /** For each character of `text`, the index in `words` of its word. */
  wordAt: number[];
  /** How often each character occurs in `text`, for a quick lower bound of the edit distance. */
  counts: Map<number, number>;
}

function skeletonOf(text: string, folding: Folding, abbreviations: ReadonlySet<string>): Skeleton {
  const words: SkeletonWord[] = [];
  const wordAt: number[] = [];
  const found: string[] = [];
  const counts = new Map<number, number>();
  let joined = '';
  for (const word of foldedWords(text, folding)) {
    const isAbbreviation = abbreviations.has(word);
    const start = joined.length;
    if (isAbbreviation) found.push(word);
    else {
      joined += word;
      for (let i = 0; i < word.length; i++) {
        wordAt.push(words.length);
        const c = word.charCodeAt(i);
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    words.push({ text: word, isAbbreviation, start, end: joined.length });
  }
  return { text: joined, words, abbreviations: found, wordAt, counts };
}

/** One way a term of Appendix III can appear: as printed, as its Latin transliteration, or one side of a '/'. */
interface TermVariant {
  state: LongTermResidentState;
  term: LongTermResidentTerm;
  form: 'printed' | 'transliteration' | 'part';
  /** The variant as printed in Appendix III. */
  text: string;
  skeletons: Record<Folding, Skeleton>;
}

/** Appendix III prepared for matching, once per provisions object. */
interface LongTermResidentIndex {
  provisions: Provisions;
  states: ReadonlyMap<string, LongTermResidentState>;
  variants: readonly TermVariant[];
  abbreviations: Record<Folding, ReadonlySet<string>>;
  /** Answers already given, by state and wording: the rule is pure and the same wording recurs. */
  answers: Map<string, LongTermResidentCheck>;
}

const indexCache = new WeakMap<Provisions, LongTermResidentIndex>();

function indexFor(provisions: Provisions): LongTermResidentIndex {
  let index = indexCache.get(provisions);
  if (!index) {
    index = buildIndex(provisions);
    indexCache.set(provisions, index);
  }
  return index;
}

/** A two-letter word printed in capitals in a term ('EG', 'EÜ', 'ΕΚ' …) is its abbreviation. */
function printedAbbreviations(text: string): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)]
    .map((m) => m[0])
    .filter((w) => /^\p{L}\p{L}$/u.test(w) && w === w.toUpperCase() && w !== w.toLowerCase());
}

/** A term printed with a '/' between words ('… – TEM-EU/Longterm resident-EU'); not '2003/109'. */
const TERM_PARTS = /(?<=\p{L})\s*\/\s*(?=\p{L})/u;

function buildIndex(provisions: Provisions): LongTermResidentIndex {
  const appendix = provisions.longTermResidentTerms;
  const printed = appendix.states.flatMap((s) =>
    s.terms.flatMap((t) => [t.text, ...(t.latinTransliteration === null ? [] : [t.latinTransliteration])]),
  );
  // App III "Deviations from above abbreviations": the abbreviations printed in the terms and the note.
  const abbreviationTexts = [
    ...printed.flatMap(printedAbbreviations),
    ...appendix.abbreviationNote.interchangeableSuffixes.flat(),
  ];
  const abbreviations = {
    lower: new Set(abbreviationTexts.flatMap((a) => foldedWords(a, 'lower'))),
    upper: new Set(abbreviationTexts.flatMap((a) => foldedWords(a, 'upper'))),
  };
  const variant = (
    state: LongTermResidentState,
    term: LongTermResidentTerm,
    form: TermVariant['form'],
    text: string,
  ): TermVariant => ({
    state,
    term,
    form,
    text,
    skeletons: {
      lower: skeletonOf(text, 'lower', abbreviations.lower),
      upper: skeletonOf(text, 'upper', abbreviations.upper),
    },
  });
  const variants: TermVariant[] = [];
  for (const state of appendix.states) {
    for (const term of state.terms) {
      variants.push(variant(state, term, 'printed', term.text));
      if (term.latinTransliteration !== null)
        variants.push(variant(state, term, 'transliteration', term.latinTransliteration));
      const parts = term.text.split(TERM_PARTS);
      if (parts.length > 1)
        for (const part of parts) variants.push(variant(state, term, 'part', part.trim()));
    }
  }
  return {
    provisions,
    states: new Map(appendix.states.map((s) => [s.code, s])),
    variants: variants.filter((v) => v.skeletons.lower.text !== '' && v.skeletons.upper.text !== ''),
    abbreviations,
    answers: new Map(),
  };
}

/** The wording's skeletons: lower case always, upper case only when it has Greek letters (µ included). */
type WordingSkeletons = { lower: Skeleton; upper: Skeleton | null };

function foldingsOf(wording: WordingSkeletons): Folding[] {
  return wording.upper === null ? ['lower'] : ['lower', 'upper'];
}

/** Where a variant's skeleton was found intact in the wording's. */
interface IntactHit {
  variant: TermVariant;
  folding: Folding;
  /** True when the term starts and ends at word boundaries (a glued abbreviation counts as one). */
  isWholeWords: boolean;
  /** The abbreviations next to (or inside) the term in the wording. */
  abbreviations: string[];
  /** The longer word the term sits in, when not whole words. */
  enclosingWord: string | null;
}

function findIntact(
  variant: TermVariant,
  folding: Folding,
  wording: Skeleton,
  abbreviations: ReadonlySet<string>,
): IntactHit | null {
  const term = variant.skeletons[folding].text;
  let first: IntactHit | null = null;
  for (let at = wording.text.indexOf(term); at !== -1; at = wording.text.indexOf(term, at + 1)) {
    const end = at + term.length;
    const firstWord = wording.wordAt[at];
    const lastWord = wording.wordAt[end - 1];
    const before = wording.words[firstWord];
    const after = wording.words[lastWord];
    const head = before.text.slice(0, at - before.start);
    const tail = after.text.slice(end - after.start);
    const found: string[] = [];
    if (head !== '' && abbreviations.has(head)) found.push(head);
    else if (firstWord > 0 && wording.words[firstWord - 1].isAbbreviation)
      found.push(wording.words[firstWord - 1].text);
    for (let i = firstWord + 1; i < lastWord; i++)
      if (wording.words[i].isAbbreviation) found.push(wording.words[i].text);
    if (tail !== '' && abbreviations.has(tail)) found.push(tail);
    else if (lastWord + 1 < wording.words.length && wording.words[lastWord + 1].isAbbreviation)
      found.push(wording.words[lastWord + 1].text);
    const isWholeWords = (head === '' || abbreviations.has(head)) && (tail === '' || abbreviations.has(tail));
    const hit: IntactHit = {
      variant,
      folding,
      isWholeWords,
      abbreviations: found,
      enclosingWord: isWholeWords ? null : head !== '' ? before.text : after.text,
    };
    if (isWholeWords) return hit;
    first ??= hit;
  }
  return first;
}

/** Whether the abbreviations by the term are the ones Appendix III prints (none printed: always). */
function hasPrintedAbbreviations(hit: IntactHit): boolean {
  const printed = hit.variant.skeletons[hit.folding].abbreviations;
  return printed.length === 0 || printed.join(' ') === hit.abbreviations.join(' ');
}

/** Best first: the abbreviation as printed, the longer term, the printed script, a current term. */
function compareHits(a: IntactHit, b: IntactHit): number {
  return (
    Number(hasPrintedAbbreviations(b)) - Number(hasPrintedAbbreviations(a)) ||
    b.variant.skeletons.lower.text.length - a.variant.skeletons.lower.text.length ||
    Number(a.variant.form !== 'printed') - Number(b.variant.form !== 'printed') ||
    Number(a.variant.term.status === 'former') - Number(b.variant.term.status === 'former')
  );
}

/** How many edits still count as a near miss: about one in five letters of the term, at least one. */
function nearMissLimit(length: number): number {
  return Math.max(1, Math.floor(length / 5));
}

/**
 * Fewest edits turning `pattern` into some substring of `text`, or `limit + 1` when more: Sellers' table
 * with Ukkonen's cut-off (rows past the last one within the limit are not computed). Letters of the
 * pattern that the text lacks altogether settle most comparisons before the table.
 */
function editDistanceWithin(pattern: Skeleton, text: Skeleton, limit: number): number {
  let missing = 0;
  for (const [c, n] of pattern.counts) missing += Math.max(0, n - (text.counts.get(c) ?? 0));
  if (missing > limit) return limit + 1;
  const p = pattern.text;
  const t = text.text;
  const m = p.length;
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let lastActive = Math.min(limit + 1, m);
  let best = m <= limit ? m : limit + 1;
  for (let j = 0; j < t.length; j++) {
    const c = t.charCodeAt(j);
    let diagonal = 0;
    let value = 0;
    for (let i = 1; i <= lastActive; i++) {
      const left = column[i];
      if (p.charCodeAt(i - 1) === c) value = diagonal;
      else value = Math.min(value, diagonal, left) + 1;
      diagonal = left;
      column[i] = value;
    }
    while (column[lastActive] > limit) lastActive--;
    if (lastActive === m) best = Math.min(best, column[m]);
    else lastActive++;
  }
  return best;
}

/** The edit distance of a variant to the wording in the closest folding, or `limit + 1`. */
function distanceTo(variant: TermVariant, wording: WordingSkeletons, limit: number): number {
  let distance = editDistanceWithin(variant.skeletons.lower, wording.lower, limit);
  if (wording.upper !== null && distance > 0)
    distance = Math.min(distance, editDistanceWithin(variant.skeletons.upper, wording.upper, limit));
  return distance;
}

interface NearMiss {
  variant: TermVariant;
  distance: number;
}

/** The nearest term within the near-miss limit: the chosen state's first, else any state's. */
function nearestVariant(
  variants: readonly TermVariant[],
  wording: WordingSkeletons,
  state: LongTermResidentState,
): NearMiss | null {
  const distances = new Map<string, number>();
  let own: NearMiss | null = null;
  let other: NearMiss | null = null;
  for (const variant of variants) {
    if (variant.form === 'part') continue;
    const key = `${variant.skeletons.lower.text}\u0000${variant.skeletons.upper.text}`;
    const limit = nearMissLimit(variant.skeletons.lower.text.length);
    let distance = distances.get(key);
    if (distance === undefined) {
      distance = distanceTo(variant, wording, limit);
      distances.set(key, distance);
    }
    if (distance > limit) continue;
    if (variant.state === state) {
      if (!own || distance < own.distance) own = { variant, distance };
    } else if (!other || distance < other.distance) other = { variant, distance };
  }
  return own ?? other;
}

type Reason = LongTermResidentCheck['reasons'][number];
type TermRef = NonNullable<LongTermResidentCheck['matchedTerm']>;

function termRef(variant: TermVariant): TermRef {
  return {
    state: variant.state.code,
    stateName: variant.state.name,
    term: variant.term.text,
    former: variant.term.status === 'former',
  };
}

const quoted = (text: string) => `“${text}”`;

function listText(items: readonly string[], conjunction: 'and' | 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const lettersText = (n: number) => `${n} letter${n === 1 ? '' : 's'}`;

/** 'the term', 'one of the terms' or 'a former term (before 20 June 2011)'. */
function whichTerm(variant: TermVariant): string {
  const { term, state } = variant;
  const qualifier = term.dateQualifier ? ` (${term.dateQualifier.printed.replace(/^\((.*)\)$/, '$1')})` : '';
  if (term.status === 'former') return `a former term${qualifier}`;
  const current = state.terms.filter((t) => t.status === 'current').length;
  return `${current > 1 ? 'one of the terms' : 'the term'}${qualifier}`;
}

function scriptOf(text: string): string {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'Cyrillic';
  if (/\p{Script=Greek}/u.test(text)) return 'Greek';
  return 'printed';
}

const SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * Words of the raw wording that mix Latin, Cyrillic and Greek letters ('Dauеraufenthalt' with a Cyrillic е),
 * or, given the printed term, are in one of those scripts that the term does not use.
 */
function lookAlikeWords(wording: string, printed: string | null): string[] {
  const printedScripts = printed === null ? null : SCRIPTS.filter((script) => script.test(printed));
  return [...wording.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)]
    .map((m) => m[0])
    .filter((word) => {
      const scripts = SCRIPTS.filter((script) => script.test(word));
      return (
        scripts.length > 1 || (printedScripts !== null && scripts.some((s) => !printedScripts.includes(s)))
      );
    });
}

/** The reason saying that look-alike letters of other scripts were read as the same letters, if any. */
function lookAlikeReasons(wording: string, printed: string | null): Reason[] {
  const words = lookAlikeWords(wording, printed);
  if (words.length === 0) return [];
  return [
    {
      article: 'App III',
      text: `The wording mixes Latin, Cyrillic or Greek letters in ${listText(words.slice(0, 3).map(quoted), 'and')}; letters that look alike were read as the same letter.`,
    },
  ];
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The Member State of Appendix III for a code; anything else is refused as a validation error. */
function memberStateFor(index: LongTermResidentIndex, memberState: string): LongTermResidentState {
  const raw = memberState.trim();
  const upper = raw.toUpperCase();
  const code = upper === 'EL' ? 'GR' : upper; // 'EL': the EU's own code for Greece
  const isCode = /^[A-Z]{2}$/.test(code);
  const state = isCode ? index.states.get(code) : undefined;
  if (state) return state;
  const name = isCode
    ? (index.provisions.countries.find((c) => c.code === code)?.name ?? displayNames.of(code))
    : undefined;
  if (name === undefined || name === 'Unknown Region') {
    throw new DeskError(
      'validation',
      `${quoted(raw)} is not the ISO 3166-1 alpha-2 code of a country: give the code of the Member State that issued the residence document, e.g. “DE”.`,
      { field: 'memberState' },
    );
  }
  throw new DeskError(
    'validation',
    `${name} (${code}) is not a Member State of the EU: Appendix III concerns long-term resident status granted by an EU Member State other than the Netherlands.`,
    { field: 'memberState' },
  );
}

/** The best whole-words hit per state other than `state`, best first. */
function otherStateHits(hits: readonly IntactHit[], state: LongTermResidentState): IntactHit[] {
  const best = new Map<string, IntactHit>();
  for (const hit of [...hits].sort(compareHits)) {
    if (hit.variant.state === state || !hit.isWholeWords || hit.variant.form === 'part') continue;
    if (!best.has(hit.variant.state.code)) best.set(hit.variant.state.code, hit);
  }
  return [...best.values()].sort(compareHits);
}

/** '“Daueraufenthalt – EG” (Austria, Belgium, Germany)': the hits grouped by the term as printed. */
function otherStatesText(hits: readonly IntactHit[]): string {
  const byTerm = new Map<string, string[]>();
  for (const { variant } of hits)
    byTerm.set(variant.term.text, [...(byTerm.get(variant.term.text) ?? []), variant.state.name]);
  return [...byTerm].map(([term, states]) => `${quoted(term)} (${states.join(', ')})`).join('; ');
}

function officialTermsText(state: LongTermResidentState): string {
  const current = state.terms.filter((t) => t.status === 'current').map((t) => quoted(t.text));
  const former = state.terms.filter((t) => t.status === 'former').map((t) => quoted(t.text));
  return former.length === 0
    ? listText(current, 'or')
    : `${listText(current, 'or')}, or formerly ${listText(former, 'or')}`;
}

/**
 * Checks the wording on a residence document against the terms Appendix III lists for the Member State
 * that issued it.
 *
 * 'match' when a current or former term of that state is in the wording intact, as whole words (the
 * abbreviation may vary or be missing); 'needs-review' when the wording has another state's term, only
 * part of a term, a term inside a longer word, or a term with a few letters wrong; 'no-match' otherwise,
 * and always for Denmark and Ireland, which have not implemented Directive 2003/109/EC, and for the
 * Netherlands (App II j). An unknown code, or a country outside the EU, is refused with a validation error.
 */
export function checkLongTermResidentWording(
  provisions: Provisions,
  input: LongTermResidentWording,
): LongTermResidentCheck {
  const index = indexFor(provisions);
  const state = memberStateFor(index, input.memberState);
  const key = `${state.code}\u0000${input.wording}`;
  let answer = index.answers.get(key);
  if (!answer) {
    answer = deepFreeze(decide(index, state, input.wording));
    if (index.answers.size >= 5_000) index.answers.clear();
    index.answers.set(key, answer);
  }
  return answer;
}

/** Answers are shared between callers, so none may change one. */
function deepFreeze(answer: LongTermResidentCheck): LongTermResidentCheck {
  for (const reason of answer.reasons) Object.freeze(reason);
  Object.freeze(answer.reasons);
  if (answer.matchedTerm) Object.freeze(answer.matchedTerm);
  if (answer.nearestTerm) Object.freeze(answer.nearestTerm);
  return Object.freeze(answer);
}

function decide(
  index: LongTermResidentIndex,
  state: LongTermResidentState,
  rawWording: string,
): LongTermResidentCheck {
  const appendix = index.provisions.longTermResidentTerms;
  const wording: WordingSkeletons = {
    lower: skeletonOf(rawWording, 'lower', index.abbreviations.lower),
    upper: /[\p{Script=Greek}µ]/u.test(rawWording)
      ? skeletonOf(rawWording, 'upper', index.abbreviations.upper)
      : null,
  };
  const isBlank = wording.lower.text === '';
  const hits: IntactHit[] = [];
  if (!isBlank) {
    for (const variant of index.variants) {
      let best: IntactHit | null = null;
      for (const folding of foldingsOf(wording)) {
        const skeleton = wording[folding];
        if (skeleton === null) continue;
        const hit = findIntact(variant, folding, skeleton, index.abbreviations[folding]);
        if (hit && (!best || (hit.isWholeWords && !best.isWholeWords))) best = hit;
      }
      if (best) hits.push(best);
    }
  }
  const others = otherStateHits(hits, state);
  const elsewhere: Reason[] =
    others.length === 0
      ? []
      : [
          {
            article: 'App III',
            text: `The wording is the term Appendix III lists for another Member State: ${otherStatesText(others)}; if that state issued the document, choose it.`,
          },
        ];

  // NB of App III: Denmark and Ireland have not implemented Directive 2003/109/EC.
  if (state.neverMatches) {
    return {
      outcome: 'no-match',
      reasons: [
        {
          article: 'App III',
          text: `${state.name} has not implemented Directive 2003/109/EC, so no residence document it issues shows EU long-term resident status; Appendix III notes: ${quoted(state.reason ?? appendix.nonImplementationNote)}`,
        },
        {
          article: 'App II k',
          text: `Residence in ${state.name} cannot place the student in group k, which concerns long-term residents under Directive 2003/109/EC.`,
        },
        ...elsewhere,
      ],
    };
  }
  // App III lists the other Member States; Dutch long-term resident status is App II j.
  if (state.terms.length === 0) {
    return {
      outcome: 'no-match',
      reasons: [
        { article: 'App III', text: state.reason ?? `Appendix III lists no term for ${state.name}.` },
        {
          article: 'App II j',
          text: 'EU long-term resident status shown on a Dutch residence permit places the student in group j, recorded with the permit itself, not by this check.',
        },
        ...elsewhere,
      ],
    };
  }

  const lookAlikes = lookAlikeReasons(rawWording, null);
  const own = hits.filter((h) => h.variant.state === state).sort(compareHits);
  const ownWhole = own.filter((h) => h.isWholeWords && h.variant.form !== 'part');

  if (ownWhole.length > 0) {
    const hit = ownWhole[0];
    const { variant } = hit;
    const skeleton = variant.skeletons.lower.text;
    const longerElsewhere = others.filter((h) => h.variant.skeletons.lower.text.length > skeleton.length);
    if (longerElsewhere.length > 0) {
      return {
        outcome: 'needs-review',
        nearestTerm: termRef(longerElsewhere[0].variant),
        reasons: [
          {
            article: 'App III',
            text: `The wording contains ${quoted(variant.term.text)}, ${whichTerm(variant)} Appendix III lists for ${state.name}, but within the longer term it lists for another Member State: ${otherStatesText(longerElsewhere)}; check which Member State issued the document.`,
          },
          ...lookAlikes,
        ],
      };
    }
    const reasons: Reason[] = [
      {
        article: 'App III',
        text:
          variant.form === 'transliteration'
            ? `The wording contains ${quoted(variant.text)}, the Latin transliteration Appendix III prints for ${quoted(variant.term.text)}, ${whichTerm(variant)} it lists for ${state.name}; the document itself bears the ${scriptOf(variant.term.text)} term.`
            : `The wording contains ${quoted(variant.term.text)}, ${whichTerm(variant)} Appendix III lists for ${state.name}.`,
      },
    ];
    const printed = variant.skeletons[hit.folding].abbreviations;
    if (printed.length > 0 && !hasPrintedAbbreviations(hit)) {
      const expected = listText(
        printed.map((a) => quoted(a.toUpperCase())),
        'and',
      );
      reasons.push({
        article: 'App III',
        text:
          hit.abbreviations.length === 0
            ? `The wording has no abbreviation where Appendix III prints ${expected}; the words of the term are intact and the note on deviations lets the abbreviation vary.`
            : `The abbreviation reads ${listText(
                hit.abbreviations.map((a) => quoted(a.toUpperCase())),
                'and',
              )} where Appendix III prints ${expected}: ${appendix.abbreviationNote.text}`,
      });
    }
    // A longer term of the state that contains this one, misspelt (e.g. France's "… Communauté Européene").
    for (const longer of index.variants) {
      if (longer.state !== state || longer.form !== 'printed' || longer.term === variant.term) continue;
      const text = longer.skeletons.lower.text;
      if (text.length <= skeleton.length || !text.includes(skeleton)) continue;
      const limit = nearMissLimit(text.length);
      const distance = distanceTo(longer, wording, limit);
      if (distance <= limit)
        reasons.push({
          article: 'App III',
          text: `The wording is also close to ${quoted(longer.term.text)}, ${whichTerm(longer)} for ${state.name}, with ${lettersText(distance)} different.`,
        });
    }
    reasons.push(...lookAlikeReasons(rawWording, variant.text), {
      article: 'App II k',
      text: `Long-term resident status of ${state.name} places the student in group k only in combination with a valid Dutch residence permit.`,
    });
    return { outcome: 'match', matchedTerm: termRef(variant), reasons };
  }

  const review: { variant: TermVariant; reason: Reason }[] = [];
  for (const { variant, isWholeWords, enclosingWord } of own) {
    if (variant.form === 'part' && isWholeWords) {
      review.push({
        variant,
        reason: {
          article: 'App III',
          text: `The wording contains ${quoted(variant.text)}, only part of ${quoted(variant.term.text)}, ${whichTerm(variant)} Appendix III lists for ${state.name}; check the whole wording on the document.`,
        },
      });
    } else if (!isWholeWords) {
      review.push({
        variant,
        reason: {
          article: 'App III',
          text: `The letters of ${quoted(variant.term.text)}, ${whichTerm(variant)} Appendix III lists for ${state.name}, appear only inside the longer word ${quoted(enclosingWord ?? '')}, which may name another document; check the document.`,
        },
      });
    }
  }
  if (others.length > 0) {
    review.push({
      variant: others[0].variant,
      reason: {
        article: 'App III',
        text: `The wording contains the term Appendix III lists for another Member State, not for ${state.name}: ${otherStatesText(others)}; check which Member State issued the document.`,
      },
    });
  }
  if (review.length === 0 && !isBlank) {
    const near = nearestVariant(index.variants, wording, state);
    if (near) {
      const { variant, distance } = near;
      const whose = variant.state === state ? state.name : `${variant.state.name} (not ${state.name})`;
      review.push({
        variant,
        reason: {
          article: 'App III',
          text: `The wording is close to ${quoted(variant.form === 'transliteration' ? variant.text : variant.term.text)}, ${whichTerm(variant)} Appendix III lists for ${whose}, but ${lettersText(distance)} ${distance === 1 ? 'differs' : 'differ'}; check the document against the term.`,
        },
      });
    }
  }
  if (review.length > 0) {
    return {
      outcome: 'needs-review',
      nearestTerm: termRef(review[0].variant),
      reasons: [...review.map((r) => r.reason), ...lookAlikes],
    };
  }
  return {
    outcome: 'no-match',
    reasons: [
      {
        article: 'App III',
        text: isBlank
          ? `The wording has no letters or digits to compare with the terms Appendix III lists for ${state.name}: ${officialTermsText(state)}.`
          : `The wording contains none of the terms Appendix III lists for ${state.name}: ${officialTermsText(state)}.`,
      },
      {
        article: 'App II k',
        text: `Without such a term on the residence document of ${state.name}, long-term resident status does not place the student in group k.`,
      },
    ],
  };
}
