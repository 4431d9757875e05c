import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProvisionText } from '../../shared/api/provisions.contract';
import { createTestDesk, type TestDesk } from '../testing/test-desk';

let t: TestDesk;
beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('reading the provisions a reason cites', () => {
  it('opens Art 17.1 at its first paragraph: the low statutory fee of €1,105', async () => {
    const text = await t.call<ProvisionText>('iro', 'provisions:getText', { ref: 'Art 17.1' });
    expect(text.heading).toBe(
      'Article 17 Low statutory tuition fee for the first year of the bachelor’s programme',
    );
    expect(text.cited).toContain('€1,105');
    expect(text.paragraphs.filter((p) => p.isCited).map((p) => p.number)).toEqual(['1']);
    expect(text.paragraphs.length).toBeGreaterThan(1);
  });

  it('opens an appendix group and marks the line it cites', async () => {
    const text = await t.call<ProvisionText>('desk', 'provisions:getText', { ref: 'App II k' });
    expect(text.kind).toBe('appendix');
    expect(text.cited).toMatch(/^k\. Foreign nationals who are long-term residents/);
    expect(text.paragraphs.filter((p) => p.isCited)).toHaveLength(1);
  });

  it('lists all 45 articles and 6 appendices', async () => {
    const contents = await t.call<{ entries: { ref: string }[]; title: string }>(
      'ssc',
      'provisions:listTexts',
    );
    expect(contents.title).toBe('UM Enrolment Provisions 2022/23');
    expect(contents.entries.map((e) => e.ref)).toEqual([
      ...Array.from({ length: 45 }, (_v, i) => `Art ${i + 1}`),
      'App I',
      'App II',
      'App III',
      'App IV',
      'App V',
      'App VI',
    ]);
  });

  it('says how to write a reference it does not know, and which years exist', async () => {
    expect(await t.attempt('desk', 'provisions:getText', { ref: 'Art 99' })).toMatchObject({
      ok: false,
      error: {
        kind: 'not_found',
        field: 'ref',
        message:
          'The provisions 2022-23 have no "Art 99". Write an article as "Art 17.1" or an appendix as "App III".',
      },
    });
    const unknownYear = await t.attempt('desk', 'provisions:listTexts', { academicYear: '2031-32' });
    expect(unknownYear).toMatchObject({ ok: false, error: { kind: 'not_found', field: 'academicYear' } });
    if (!unknownYear.ok) expect(unknownYear.error.message).toContain('available: 2022-23');
  });
});
