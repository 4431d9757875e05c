/**
 * Regenerates the verbatim text parts of resources/provisions/2022-23.json (preamble, the
 * paragraphs of Articles 1–45, the paragraphs of Appendices I–VI and the adoption statement)
 * from the plain-text export of the UM Enrolment Provisions 2022/23.
 *
 * The structured data in the same file (programmes, fees, countries, …) is curated by hand and
 * left untouched; this script only rewrites the text fields, so a re-run after a fix in the
 * parser shows up as a text-only diff.
 *
 * Usage: npx tsx scripts/provisions/extract-2022-23.ts [path/to/source.txt]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const jsonPath = resolve(here, '../../resources/provisions/2022-23.json');
const sourcePath = process.argv[2] ?? 'resources/provisions/sources/enrolment-provisions-2022-23.txt';

/** Paragraph of an article as written to the JSON. */
interface Paragraph {
  number: string | null;
  term?: string;
  text: string;
  items?: { id: string; text: string }[];
  footnotes?: { marker: string; text: string }[];
  note?: string;
}

/** Footnotes that the PDF export places at the foot of a page, in the middle of the text. */
const FOOTNOTES = [
  {
    line: '1 It should be noted that the WHW is not fully applicable to professional master’s programmes.',
    marker: '1',
    anchor: 'subject to the WHW.1',
    replacement: 'subject to the WHW.¹',
  },
  {
    line: '2 For enrolments as of 1 February 2023.',
    marker: '2',
    anchor: '(the rest of2)',
    replacement: '(the rest of²)',
  },
];

/** Unnumbered articles: the words with which their body (not their title) begins. */
const UNNUMBERED_BODY_START: Record<number, string> = {
  1: 'The following definitions',
  35: 'UM may terminate',
  41: 'Subject to the provisions',
  42: 'A student who',
  43: 'Interested parties',
  44: 'The Executive Board has authorised',
  45: 'These provisions are valid',
};

/** Lines that are page furniture or link artefacts of the PDF export. */
function isArtefact(line: string): boolean {
  return (
    /^UM Enrolment Provisions 2022\/23 \d+$/.test(line) ||
    line.startsWith('mailto:') ||
    /^https?:\/\//.test(line) ||
    FOOTNOTES.some((f) => f.line === line)
  );
}

/** Chapter and section headings inside the body; an article ends where one begins. */
function isStructureHeading(line: string): boolean {
  return /^Chapter (I|II|III)\s/.test(line) || /^\d(\.\d)?\s+[A-Z]/.test(line);
}

/** Joins wrapped lines: a hyphen at the end of a line is a real hyphen in this source (small-scale, pre-master’s). */
function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const newline = raw.startsWith('\n');
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') out = line;
    else if (newline) out += `\n${line}`;
    else if (out.endsWith('-')) out += line;
    else out += ` ${line}`;
  }
  return out
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** Converts the private-use bullet glyphs of the export (U+F0A7, U+F0B7) to a bullet on its own line. */
function bullets(lines: string[]): string[] {
  return lines.map((l) => (/^[\uf0a7\uf0b7]/.test(l) ? `\n• ${l.slice(1).trim()}` : l));
}

function letterSequence(): string[] {
  const single = 'abcdefghijklmnopqrstuvwxyz'.split('');
  return [...single, ...single.map((c) => c + c)];
}
const LETTERS = letterSequence();

/** Splits the lines of a paragraph into a lead-in and lettered items a, b, c … (in sequence only). */
function splitItems(lines: string[]): { lead: string[]; items: { id: string; lines: string[] }[] } {
  const lead: string[] = [];
  const items: { id: string; lines: string[] }[] = [];
  for (const line of lines) {
    const m = /^([a-z]{1,2})\.\s+(.*)$/.exec(line);
    const expected = LETTERS[items.length];
    if (m && m[1] === expected) {
      items.push({ id: m[1], lines: [m[2]] });
    } else if (items.length > 0) {
      items[items.length - 1].lines.push(line);
    } else {
      lead.push(line);
    }
  }
  return { lead, items };
}

function applyFootnotes(text: string): { text: string; footnotes?: { marker: string; text: string }[] } {
  for (const f of FOOTNOTES) {
    if (text.includes(f.anchor)) {
      return {
        text: text.replace(f.anchor, f.replacement),
        footnotes: [{ marker: f.marker, text: f.line.slice(f.marker.length + 1) }],
      };
    }
  }
  return { text };
}

function buildParagraph(number: string | null, lines: string[], withItems: boolean): Paragraph {
  const prepared = bullets(lines).map((l) =>
    l.startsWith('This applies only to adult applicants who are not nationals') ? `\n${l}` : l,
  );
  if (!withItems) {
    const { text, footnotes } = applyFootnotes(joinLines(prepared));
    return { number, text, ...(footnotes ? { footnotes } : {}) };
  }
  const { lead, items } = splitItems(prepared);
  const leadText = joinLines(lead);
  const itemTexts = items.map((i) => ({ id: i.id, text: joinLines(i.lines) }));
  const full = [leadText, ...itemTexts.map((i) => `${i.id}. ${i.text}`)].filter((t) => t !== '').join('\n');
  const { text, footnotes } = applyFootnotes(full);
  return {
    number,
    text,
    ...(itemTexts.length > 0 ? { items: itemTexts } : {}),
    ...(footnotes ? { footnotes } : {}),
  };
}

const rawLines = readFileSync(sourcePath, 'utf8')
  .split('\n')
  .map((l) => l.replace(/\s+$/, '').trim())
  .filter((l) => l !== '' && !isArtefact(l));

// ---------------------------------------------------------------- preamble (before the contents)
const contentsAt = rawLines.indexOf('Contents');
const preambleLines = rawLines.slice(0, contentsAt);
const preambleBlocks: string[][] = [];
for (const line of preambleLines) {
  const starts =
    preambleBlocks.length === 0 ||
    /^- /.test(line) ||
    /^[a-l]\.\s/.test(line) ||
    line.startsWith('These provisions do not apply') ||
    line.startsWith('The Enrolment Provisions have been prepared');
  if (starts) preambleBlocks.push([line]);
  else preambleBlocks[preambleBlocks.length - 1].push(line);
}
const preambleParagraphs = preambleBlocks.map((b) => applyFootnotes(joinLines(b)));

// ---------------------------------------------------------------- articles
// The contents list repeats every heading; the body begins at the last 'Article 1 Definitions'.
const bodyStart = rawLines.findLastIndex((l) => /^Article 1\s+Definitions$/.test(l));
const appendixStart = rawLines.indexOf('APPENDIX I');
const body = rawLines.slice(bodyStart, appendixStart);
const adoptionAt = body.findIndex((l) => l.startsWith('These Enrolment Provisions were adopted'));
const adoption = joinLines(body.slice(adoptionAt));
const articleLines = body.slice(0, adoptionAt);

interface RawArticle {
  number: number;
  lines: string[];
}
const rawArticles: RawArticle[] = [];
let skipping = false;
for (const line of articleLines) {
  const heading = /^Article (\d+)\s+(.*)$/.exec(line);
  if (heading && Number(heading[1]) === rawArticles.length + 1) {
    rawArticles.push({ number: Number(heading[1]), lines: [heading[2]] });
    skipping = false;
    continue;
  }
  if (isStructureHeading(line)) skipping = true;
  if (!skipping) rawArticles[rawArticles.length - 1].lines.push(line);
}
if (rawArticles.length !== 45) throw new Error(`expected 45 articles, found ${rawArticles.length}`);

const articles = rawArticles.map(({ number, lines }) => {
  const bodyStartWords = UNNUMBERED_BODY_START[number];
  const firstBody = lines.findIndex(
    (l, i) => i > 0 && (bodyStartWords ? l.startsWith(bodyStartWords) : /^1\.\s/.test(l)),
  );
  if (firstBody < 0) throw new Error(`Article ${number}: body not found`);
  const title = joinLines(lines.slice(0, firstBody));
  const rest = lines.slice(firstBody);
  let intro: string | undefined;
  let closing: string | undefined;
  const paragraphs: Paragraph[] = [];

  if (number === 1) {
    intro = rest[0];
    const closingAt = rest.findIndex((l) => l.startsWith('The other terms have the meaning'));
    closing = joinLines(rest.slice(closingAt));
    const { items } = splitItems(rest.slice(1, closingAt));
    for (const item of items) {
      const text = joinLines(item.lines);
      const colon = text.indexOf(':');
      paragraphs.push({ number: item.id, term: text.slice(0, colon), text });
    }
  } else if (bodyStartWords) {
    paragraphs.push(buildParagraph(null, rest, false));
  } else {
    const blocks: { n: number; lines: string[] }[] = [];
    for (const line of rest) {
      const m = /^(\d{1,2})\.(?:\s+(.*))?$/.exec(line);
      const last = blocks[blocks.length - 1];
      const n = m ? Number(m[1]) : NaN;
      if (m && (blocks.length === 0 ? n === 1 : n === last.n + 1 || (n === last.n && number === 11))) {
        blocks.push({ n, lines: m[2] ? [m[2]] : [] });
      } else {
        last.lines.push(line);
      }
    }
    for (const [i, b] of blocks.entries()) {
      const p = buildParagraph(String(b.n), b.lines, true);
      if (i > 0 && blocks[i - 1].n === b.n) {
        p.note = `Printed as a second paragraph ${b.n} in the source (the numbering is duplicated; it is the ${i + 1}th paragraph).`;
      }
      paragraphs.push(p);
    }
  }
  return { number, title, intro, paragraphs, closing };
});

// ---------------------------------------------------------------- appendices
const appendixNames = ['I', 'II', 'III', 'IV', 'V', 'VI'];
const appendixAt = appendixNames.map((n) => rawLines.indexOf(`APPENDIX ${n}`));
if (appendixAt.some((i) => i < 0)) throw new Error('appendix heading missing');

/** Lines at which a new paragraph starts, per appendix; other lines continue the previous paragraph. */
const JOINT_ROW_STARTS = [
  'University College Maastricht',
  'European Law School double degree',
  'International Business double degree',
  'European Studies on Society,',
  'European Studies (research)',
  'Governance and Leadership in',
  'Healthcare Policy, Innovation and',
  'Biomedical Sciences',
  'Public Policy and Human',
  'International Laws double degree',
  'Psychology (specialisations',
  'Psychology (Work and',
  'International Joint Master of',
  'Economics (European Economic',
  'International Business (all',
  'International Business (multiple',
  'International Business (Strategic Marketing',
  'International Business',
  'International Business (Strategic Corporate',
];
const paragraphStart: Record<string, (line: string, prev: string | undefined) => boolean> = {
  I: (l) =>
    /^(B|M) /.test(l) ||
    /^(Bachelor|Master)’s programmes/.test(l) ||
    l.startsWith('Institutional tuition fees'),
  II: (l) =>
    /^[a-o]\.\s/.test(l) ||
    /^\d°\./.test(l) ||
    /^(The following persons|Derived from|As this overview|\* NB\.)/.test(l),
  III: (l) =>
    /^[A-Z][a-z]+(?: [A-Z][a-z]+)?:$/.test(l) ||
    /^(\(See Article|Students who are nationals|All Member States|Listed below|Deviations from|The final abbreviation|\* E\.g\.|NB\. Denmark|For more information)/.test(
      l,
    ),
  IV: (l) => /^(\(See|For the most|Faculty of|School of|Pre-master’s in)/.test(l),
  V: (l, prev) =>
    /^(Overview of joint programmes offered|Bachelor$|Master$|Programme Degree)/.test(l) ||
    (JOINT_ROW_STARTS.some((s) => l.startsWith(s)) && prev !== undefined && !prev.endsWith('(')),
  VI: (l) => /^(\(See|M )/.test(l),
};

const appendices = appendixNames.map((name, index) => {
  const end = index + 1 < appendixNames.length ? appendixAt[index + 1] : rawLines.length;
  const all = rawLines.slice(appendixAt[index] + 1, end);
  // The first line is the title; a cross-reference '(See Article …)' follows it, inline or on its own line.
  const titleMatch = /^(.*?)\s*(\(See [^)]*\)\.?)?$/.exec(all[0]) as RegExpExecArray;
  const title = titleMatch[1];
  let reference = titleMatch[2];
  let from = 1;
  if (!reference && all[1].startsWith('(See')) {
    reference = all[1];
    from = 2;
  }
  const lines = all.slice(from);
  const blocks: string[][] = [];
  let prev: string | undefined;
  for (const line of lines) {
    const bullet = line.startsWith('•');
    if (blocks.length === 0 || paragraphStart[name](line, prev)) blocks.push([line]);
    else blocks[blocks.length - 1].push(bullet ? `\n${line}` : line);
    prev = line;
  }
  return { number: name, title, reference: reference ?? null, paragraphs: blocks.map((b) => joinLines(b)) };
});

// ---------------------------------------------------------------- merge into the JSON
const data = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown> & {
  articles?: { number: number; [k: string]: unknown }[];
  appendices?: { number: string; [k: string]: unknown }[];
};
const previousArticles = new Map((data.articles ?? []).map((a) => [a.number, a]));
data.preamble = {
  paragraphs: preambleParagraphs.map((p) => p.text),
  footnotes: preambleParagraphs.flatMap((p) => p.footnotes ?? []),
};
data.adoption = { ...(data.adoption ?? {}), text: adoption };
data.articles = articles.map((a) => {
  const previous: Record<string, unknown> = previousArticles.get(a.number) ?? {};
  return {
    number: a.number,
    title: a.title,
    ...('contentsTitle' in previous ? { contentsTitle: previous.contentsTitle } : {}),
    chapter: previous.chapter ?? null,
    section: previous.section ?? null,
    ...(a.intro ? { intro: a.intro } : {}),
    paragraphs: a.paragraphs,
    ...(a.closing ? { closing: a.closing } : {}),
  };
});
const previousAppendices = new Map((data.appendices ?? []).map((a) => [a.number, a]));
data.appendices = appendices.map((a) => ({
  ...(previousAppendices.get(a.number) ?? {}),
  number: a.number,
  title: a.title,
  reference: a.reference,
  paragraphs: a.paragraphs,
}));
writeFileSync(jsonPath, `${JSON.stringify(data, null, 2)}\n`);
console.log(`wrote ${articles.length} articles and ${appendices.length} appendices to ${jsonPath}`);
