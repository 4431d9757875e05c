import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProvisions } from './load-provisions';

/**
 * Checks the JSON against the plain-text source it was transcribed from, when that file is present
 * (it is on the machine where the data is maintained, not on users' machines): every quoted text
 * must occur in the source, so nothing has been paraphrased.
 */
// The source text ships with the data it was taken from, so this check runs on every machine.
const SOURCE = 'resources/provisions/sources/enrolment-provisions-2022-23.txt';

/** Drops page furniture, joins lines and collapses whitespace, so texts can be compared as substrings. */
function normalise(text: string): string {
  return text
    .split('\n')
    .filter(
      (line) =>
        !/^\s*UM Enrolment Provisions 2022\/23 \d+\s*$/.test(line) &&
        !/^\s*(mailto:|https?:\/\/)/.test(line) &&
        !/^\s*[12] (It should be noted|For enrolments as of)/.test(line),
    )
    .join(' ')
    .replace(/[\uf0a7\uf0b7]/g, '•')
    .replace(/¹/g, '1')
    .replace(/²/g, '2')
    .replace(/-\s+(?=[a-z’])/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('provisions 2022-23 against the source text', () => {
  const source = normalise(readFileSync(SOURCE, 'utf8'));
  const p = loadProvisions('2022-23');
  const expectQuoted = (text: string, where: string) =>
    expect(source.includes(normalise(text)), `${where}: ${text.slice(0, 80)}`).toBe(true);

  it('quotes every article verbatim', () => {
    for (const a of p.articles) {
      expectQuoted(`Article ${a.number} ${a.title}`, `Art ${a.number} title`);
      if (a.intro) expectQuoted(a.intro, `Art ${a.number} intro`);
      if (a.closing) expectQuoted(a.closing, `Art ${a.number} closing`);
      for (const para of a.paragraphs) {
        expectQuoted(
          para.number === null ? para.text : `${para.number}. ${para.text}`,
          `Art ${a.number}.${para.number}`,
        );
      }
    }
  });

  it('quotes every appendix, preamble and Appendix III term verbatim', () => {
    for (const a of p.appendices) {
      expectQuoted(a.title, `App ${a.number} title`);
      for (const para of a.paragraphs) expectQuoted(para, `App ${a.number}`);
    }
    for (const para of p.preamble.paragraphs) expectQuoted(para, 'preamble');
    for (const s of p.longTermResidentTerms.states)
      for (const t of s.terms) expectQuoted(t.text, `App III ${s.code}`);
    expectQuoted(p.adoption.text, 'adoption');
  });

  it('has every euro amount printed in Articles 14–32 in the fees', () => {
    const chapter = source.slice(
      source.lastIndexOf('Article 14 Timely payment'),
      source.lastIndexOf('Article 33 Termination'),
    );
    const printed = new Set(
      [...chapter.matchAll(/€(\d{1,3}(?:,\d{3})*(?:\.\d{2})?)/g)].map((m) =>
        Math.round(Number(m[1].replace(/,/g, '')) * 100),
      ),
    );
    const inFees = new Set(Object.values(p.fees).flatMap((e) => ('amountCents' in e ? [e.amountCents] : [])));
    for (const cents of printed) expect(inFees.has(cents), `€${cents / 100}`).toBe(true);
  });
});
