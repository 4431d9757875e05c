import data2022 from '../../../resources/provisions/2022-23.json' with { type: 'json' };
import {
  provisionsSchema,
  type AppendixText,
  type ArticleParagraph,
  type ArticleText,
  type ParagraphItem,
  type Provisions,
} from './provisions.schema';

/** The raw data per academic year, imported statically so that bundlers inline it. */
const rawByYear: Readonly<Record<string, unknown>> = {
  '2022-23': data2022,
};

const cache = new Map<string, Provisions>();

/** The academic years for which provisions are available, oldest first (e.g. ['2022-23']). */
export function availableAcademicYears(): string[] {
  return Object.keys(rawByYear).sort();
}

/**
 * The validated provisions of an academic year ('2022-23' by default).
 *
 * The data is parsed with zod once per year and cached; an unknown year, or data that does not
 * match the schema, throws an Error.
 */
export function loadProvisions(academicYear = '2022-23'): Provisions {
  const cached = cache.get(academicYear);
  if (cached) return cached;
  if (!Object.hasOwn(rawByYear, academicYear)) {
    throw new Error(
      `No enrolment provisions for academic year "${academicYear}"; available: ${availableAcademicYears().join(', ')}.`,
    );
  }
  const result = provisionsSchema.safeParse(rawByYear[academicYear]);
  if (!result.success) {
    throw new Error(
      `The enrolment provisions ${academicYear} do not match the schema: ${result.error.message}`,
    );
  }
  if (result.data.academicYear !== academicYear) {
    throw new Error(
      `The provisions filed under ${academicYear} state academic year ${result.data.academicYear}.`,
    );
  }
  cache.set(academicYear, result.data);
  return result.data;
}

/** What a reference such as 'Art 17.1' or 'App II k' resolves to. */
export interface ProvisionTextMatch {
  /** The reference as normalised, e.g. 'Art 15.4a', 'App II m 1°'. */
  ref: string;
  kind: 'article' | 'appendix';
  /** The article referred to (kind 'article'). */
  article?: ArticleText;
  /** The appendix referred to (kind 'appendix'). */
  appendix?: AppendixText;
  /** The paragraphs referred to; empty when the whole article is meant. Art 11.5 yields both paragraphs numbered 5. */
  paragraphs: ArticleParagraph[];
  /** The lettered item referred to, e.g. 'a' of Art 15.4a. */
  item?: ParagraphItem;
  /** The text of the most specific part referred to. */
  text: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

function paragraphLabel(p: ArticleParagraph): string {
  return p.number === null ? p.text : `${p.number}. ${p.text}`;
}

function wholeArticleText(a: ArticleText): string {
  return [a.intro, ...a.paragraphs.map(paragraphLabel), a.closing].filter((t): t is string => !!t).join('\n');
}

function resolveArticle(provisions: Provisions, ref: string): ProvisionTextMatch | undefined {
  // Art 17 | Art 17.1 | Art 15.4a | Art 15.4 a | Art 1l | Art 1 bb | Art 4.4–4.5 | Art 4.4-5 | Art 40.2–40.4
  const m =
    /^(?:art(?:icle)?\.?)\s*(\d{1,2})(?:\.(\d{1,2}))?(?:\s*(?:sub\s+)?([a-z]{1,2}))?(?:\s*[–-]\s*(?:(\d{1,2})\.)?(\d{1,2}))?$/i.exec(
      ref,
    );
  if (!m) return undefined;
  const [, artNo, paraNo, letter, rangeArt, rangeEnd] = m;
  const article = provisions.articles.find((a) => a.number === Number(artNo));
  if (!article) return undefined;
  const letterId = letter?.toLowerCase();

  if (rangeEnd !== undefined) {
    // A range of paragraphs within one article: 'Art 4.4–4.5' or 'Art 4.4-5'.
    if (paraNo === undefined || letterId !== undefined) return undefined;
    if (rangeArt !== undefined && Number(rangeArt) !== article.number) return undefined;
    const from = Number(paraNo);
    const to = Number(rangeEnd);
    if (to < from) return undefined;
    const paragraphs = article.paragraphs.filter(
      (p) => p.number !== null && Number(p.number) >= from && Number(p.number) <= to,
    );
    const numbers = new Set(paragraphs.map((p) => Number(p.number)));
    if (numbers.size !== to - from + 1) return undefined;
    const normal = `Art ${article.number}.${from}–${article.number}.${to}`;
    return {
      ref: normal,
      kind: 'article',
      article,
      paragraphs,
      text: paragraphs.map(paragraphLabel).join('\n'),
    };
  }
  if (paraNo === undefined && letterId === undefined) {
    return {
      ref: `Art ${article.number}`,
      kind: 'article',
      article,
      paragraphs: [],
      text: wholeArticleText(article),
    };
  }
  if (paraNo === undefined && letterId !== undefined) {
    // Lettered paragraphs (Article 1 definitions): 'Art 1l'.
    const paragraph = article.paragraphs.find((p) => p.number === letterId);
    if (!paragraph) return undefined;
    return {
      ref: `Art ${article.number}${letterId}`,
      kind: 'article',
      article,
      paragraphs: [paragraph],
      text: paragraph.text,
    };
  }
  const paragraphs = article.paragraphs.filter((p) => p.number === paraNo);
  if (paragraphs.length === 0) return undefined;
  if (letterId === undefined) {
    return {
      ref: `Art ${article.number}.${paraNo}`,
      kind: 'article',
      article,
      paragraphs,
      text: paragraphs.map((p) => p.text).join('\n'),
    };
  }
  const holder = paragraphs.find((p) => p.items?.some((i) => i.id === letterId));
  const item = holder?.items?.find((i) => i.id === letterId);
  if (!holder || !item) return undefined;
  return {
    ref: `Art ${article.number}.${paraNo}${letterId}`,
    kind: 'article',
    article,
    paragraphs: [holder],
    item,
    text: item.text,
  };
}

function resolveAppendix(provisions: Provisions, ref: string): ProvisionTextMatch | undefined {
  // App III | Appendix II | App II k | App II m 1° | App II footnote
  const m = /^app(?:endix)?\.?\s+(VI|IV|V|III|II|I)(?:\s+(?:([a-o])(?:\s*(\d)°?)?|(footnote)))?$/i.exec(ref);
  if (!m) return undefined;
  const [, romanRaw, letterRaw, condition, footnote] = m;
  const roman = romanRaw.toUpperCase();
  if (!ROMAN.includes(roman as (typeof ROMAN)[number])) return undefined;
  const appendix = provisions.appendices.find((a) => a.number === roman);
  if (!appendix) return undefined;
  if (!letterRaw && !footnote) {
    return {
      ref: `App ${roman}`,
      kind: 'appendix',
      appendix,
      paragraphs: [],
      text: appendix.paragraphs.join('\n'),
    };
  }
  // Lettered groups, their conditions and the footnote exist in Appendix II only.
  if (roman !== 'II') return undefined;
  if (footnote) {
    const note = appendix.paragraphs.find((p) => p.startsWith('* '));
    return note
      ? { ref: 'App II footnote', kind: 'appendix', appendix, paragraphs: [], text: note }
      : undefined;
  }
  const letter = letterRaw.toLowerCase();
  const start = appendix.paragraphs.findIndex((p) => p.startsWith(`${letter}. `));
  if (start < 0) return undefined;
  if (condition === undefined) {
    return {
      ref: `App II ${letter}`,
      kind: 'appendix',
      appendix,
      paragraphs: [],
      text: appendix.paragraphs[start],
    };
  }
  // Conditions 1°–7° follow their group until the next lettered group.
  for (let i = start + 1; i < appendix.paragraphs.length && !/^[a-o]\. /.test(appendix.paragraphs[i]); i++) {
    if (appendix.paragraphs[i].startsWith(`${condition}°. `)) {
      return {
        ref: `App II ${letter} ${condition}°`,
        kind: 'appendix',
        appendix,
        paragraphs: [],
        text: appendix.paragraphs[i],
      };
    }
  }
  return undefined;
}

/**
 * Resolves a reference to the text of the provisions: 'Art 17', 'Art 17.1', 'Art 15.4a', 'Art 1l',
 * 'Art 4.4–4.5', 'App III', 'App II k', 'App II m 1°', 'App II footnote' ('Article' and 'Appendix'
 * are accepted too). Returns undefined for anything that does not exist, e.g. 'Art 99'.
 */
export function findProvisionText(provisions: Provisions, ref: string): ProvisionTextMatch | undefined {
  const trimmed = ref.trim().replace(/\s+/g, ' ');
  return /^art/i.test(trimmed) ? resolveArticle(provisions, trimmed) : resolveAppendix(provisions, trimmed);
}
