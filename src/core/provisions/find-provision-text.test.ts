import { describe, expect, it } from 'vitest';
import { findProvisionText, loadProvisions } from './load-provisions';

const p = loadProvisions();

describe('findProvisionText', () => {
  it('resolves a paragraph: Art 17.1', () => {
    const m = findProvisionText(p, 'Art 17.1')!;
    expect(m.kind).toBe('article');
    expect(m.article?.number).toBe(17);
    expect(m.paragraphs.map((x) => x.number)).toEqual(['1']);
    expect(m.text).toContain('low tuition fee to the amount of €1,105');
  });

  it('resolves a definition of Article 1: Art 1l', () => {
    const m = findProvisionText(p, 'Art 1l')!;
    expect(m.ref).toBe('Art 1l');
    expect(m.paragraphs[0].term).toBe('EU/EEA countries');
    expect(m.text).toMatch(/^EU\/EEA countries: Austria, Belgium/);
    expect(findProvisionText(p, 'Art 1 bb')?.paragraphs[0].term).toBe('Academic year');
  });

  it('resolves an appendix: App III', () => {
    const m = findProvisionText(p, 'App III')!;
    expect(m.kind).toBe('appendix');
    expect(m.appendix?.title).toBe('Third-country nationals with EU long-term resident status');
    expect(m.text).toContain('Daueraufenthalt – EG');
    expect(findProvisionText(p, 'Appendix VI')?.appendix?.number).toBe('VI');
  });

  it('resolves groups, conditions and the footnote of Appendix II', () => {
    expect(findProvisionText(p, 'App II k')?.text).toMatch(
      /^k\. Foreign nationals who are long-term residents/,
    );
    expect(findProvisionText(p, 'App II m 1°')?.text).toMatch(/^1°\. family reunification/);
    expect(findProvisionText(p, 'App II footnote')?.text).toContain('31 January 2020');
  });

  it('resolves an item and a range of paragraphs', () => {
    const item = findProvisionText(p, 'Art 15.4a')!;
    expect(item.item?.id).toBe('a');
    expect(item.text).toMatch(/^are regarded in the Netherlands as a recognised refugee/);
    expect(findProvisionText(p, 'Art 15.4 f')?.text).toContain('United Kingdom');
    const range = findProvisionText(p, 'Art 4.4–4.5')!;
    expect(range.paragraphs.map((x) => x.number)).toEqual(['4', '5']);
    expect(findProvisionText(p, 'Art 4.4-5')?.paragraphs).toHaveLength(2);
    expect(findProvisionText(p, 'Art 40.2–40.4')?.paragraphs).toHaveLength(3);
  });

  it('resolves whole and unnumbered articles', () => {
    const art43 = findProvisionText(p, 'Art 43')!;
    expect(art43.paragraphs).toEqual([]);
    expect(art43.text).toContain('within six weeks');
    expect(findProvisionText(p, 'Article 1')?.text).toMatch(
      /^The following definitions[\s\S]*The other terms/,
    );
  });

  it('returns both paragraphs that the source numbers 5 in Article 11', () => {
    expect(findProvisionText(p, 'Art 11.5')?.paragraphs).toHaveLength(2);
  });

  it('returns undefined for what does not exist', () => {
    for (const ref of [
      'Art 99',
      'Art 17.9',
      'Art 15.4z',
      'Art 1zz',
      'Art 4.5–4.4',
      'Art 4.4–4.9',
      'App VII',
      'App IV k',
      'App II p',
      'App II m 8°',
      'Section 3',
      '',
    ]) {
      expect(findProvisionText(p, ref), ref).toBeUndefined();
    }
  });
});
