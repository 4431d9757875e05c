import { describe, expect, it } from 'vitest';
import exchangeFacts from '../../../resources/exchange/2022-23.json' with { type: 'json' };
import studyProgressFacts from '../../../resources/study-progress/2022-23.json' with { type: 'json' };
import type { ProvisionText } from '../../shared/api/provisions.contract';
import { createTestDesk } from '../testing/test-desk';
import { findSourceText, isSourceTextRef } from './source-texts';

/** Every string value under a "source" key, wherever it is in the data. */
function sourcesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(sourcesIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'source' && typeof inner === 'string' ? [inner] : sourcesIn(inner),
  );
}

describe('the source texts reasons cite besides the provisions', () => {
  it('opens every guide and study-progress citation in the data of 2022-23', () => {
    const refs = [...new Set([...sourcesIn(exchangeFacts), ...sourcesIn(studyProgressFacts)])].filter(
      isSourceTextRef,
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(findSourceText(ref, '2022-23'), ref).toBeDefined();
  });

  it('marks the paragraph of a named part: plagiarism in the guide', () => {
    const text = findSourceText('Exchange guide, Plagiarism', '2022-23');
    expect(text?.heading).toBe(
      'School of Business and Economics — guide for incoming exchange students: Taking re-sits or exams of your home university',
    );
    expect(text?.cited).toMatch(/^Plagiarism \(fraud\) is a matter/);
    expect(text?.cited).toContain('excluded from the re-sit opportunities in the on-going academic year');
    expect(text?.paragraphs.filter((p) => p.isCited)).toHaveLength(1);
  });

  it('opens a whole section by its heading, in any case, with nothing singled out', () => {
    const text = findSourceText('Exchange guide, grade conversion', '2022-23');
    expect(text?.kind).toBe('source');
    expect(text?.cited).toContain('The official Dutch grading scale');
    expect(text?.paragraphs.some((p) => p.isCited)).toBe(false);
  });

  it('names the pro-rata rule of the study progress page (15 of 30 credits from 1 February)', () => {
    const text = findSourceText('Study progress, Part of the year', '2022-23');
    expect(text?.cited).toContain('50% of those 30 credits (15 credits)');
  });

  it('has no section for a name the text does not use', () => {
    expect(findSourceText('Exchange guide, Parking', '2022-23')).toBeUndefined();
    expect(isSourceTextRef('Art 17.1')).toBe(false);
  });

  it('answers provisions:getText for a guide citation, and refuses an unknown section by name', async () => {
    const t = await createTestDesk();
    try {
      const text = await t.call<ProvisionText>('iro', 'provisions:getText', {
        ref: 'Exchange guide, Course registration periods and deadlines',
      });
      expect(text.cited).toContain('no more than two courses per period');
      await expect(t.call('iro', 'provisions:getText', { ref: 'Exchange guide, Parking' })).rejects.toThrow(
        'The source text has no section "Exchange guide, Parking".',
      );
    } finally {
      await t.close();
    }
  });
});
