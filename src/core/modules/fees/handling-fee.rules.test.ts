import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import { feeFactsSchema, type FeeFactsInput } from '../../../shared/facts/fee-facts';
import { assessHandlingFee, type HandlingFeeAssessment } from './handling-fee.rules';

const provisions = loadProvisions('2022-23');
const producedArticles = new Set<string>();

function assess(input: FeeFactsInput): HandlingFeeAssessment {
  const result = assessHandlingFee(feeFactsSchema.parse(input), provisions);
  for (const reason of result.reasons) producedArticles.add(reason.article);
  return result;
}

function articles(result: HandlingFeeAssessment): string[] {
  return result.reasons.map((r) => r.article);
}

const MASTER = 'm-economics';
const BACHELOR = 'b-psychology';

describe('the handling fee (Art 15)', () => {
  it('charges €100, refundable on definitive enrolment, for prior education in India (Art 15.1–15.3)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['IN'],
      priorEducation: { country: 'IN' },
    });
    expect(result).toEqual({
      isDue: true,
      amountCents: 10000,
      isRefundableOnEnrolment: true,
      reasons: expect.any(Array) as unknown,
    });
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.2', 'Art 15.3']);
  });

  it('charges nothing for prior education in an EU/EEA country (Art 15.1)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['US'],
      priorEducation: { country: 'DE' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(result.isRefundableOnEnrolment).toBe(false);
    expect(articles(result)).toEqual(['Art 15.1']);
  });

  it('charges nothing while no country of prior education is recorded (Art 15.1)', () => {
    const result = assess({ programmeCode: MASTER, nationalities: ['IN'] });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1']);
  });

  it('charges prior education from Iceland, which Art 1l leaves out of the EU/EEA countries (Art 15.1)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['IS'],
      priorEducation: { country: 'IS' },
    });
    expect(result.isDue).toBe(true);
    expect(result.amountCents).toBe(10000);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.2', 'Art 15.3']);
  });

  it('charges prior education in Switzerland for a master’s programme (Art 15.1)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['CH'],
      priorEducation: { country: 'CH' },
    });
    expect(result.isDue).toBe(true);
    expect(result.amountCents).toBe(10000);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.2', 'Art 15.3']);
  });

  it.each([
    ['a', { refugee: { status: 'w-document' } }, 'Art 15.4a'],
    ['b', { refugee: { status: 'recognised-refugee', isUafSupported: true } }, 'Art 15.4b'],
    ['c', { handlingFee: { wasPreviouslyEnrolledAtUm: true } }, 'Art 15.4c'],
    ['d', { handlingFee: { hasPreviouslyPaidHandlingFee: true } }, 'Art 15.4d'],
    ['e', { handlingFee: { wasAssessedByJointProgrammePartner: true } }, 'Art 15.4e'],
  ] as const)('exempts on ground %s of Art 15.4', (_letter, extra, article) => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['SY'],
      priorEducation: { country: 'SY' },
      ...(extra as Partial<FeeFactsInput>),
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toContain(article);
    expect(articles(result)[0]).toBe('Art 15.1');
  });

  it('exempts a recognised refugee supported by the UAF on both grounds a and b (Art 15.4a–b)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['SY'],
      priorEducation: { country: 'SY' },
      refugee: { status: 'recognised-refugee', isUafSupported: true },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4a', 'Art 15.4b']);
  });

  it('exempts a re-enrolling UM student (Art 15.4c)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['US'],
      isReEnrolment: true,
      priorEducation: { country: 'US' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4c']);
  });

  it('exempts prior education completed in the United Kingdom (Art 15.4f)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['GB'],
      priorEducation: { country: 'GB' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4f']);
  });

  it('exempts a bachelor’s applicant with an International Baccalaureate diploma (Art 15.4g)', () => {
    const result = assess({
      programmeCode: BACHELOR,
      nationalities: ['US'],
      priorEducation: { country: 'US', diploma: 'international-baccalaureate' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4g']);
  });

  it('exempts a bachelor’s applicant with a VWO diploma from Curaçao (Art 15.4h)', () => {
    const result = assess({
      programmeCode: BACHELOR,
      nationalities: ['NL'],
      priorEducation: { country: 'CW', diploma: 'vwo' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4h']);
  });

  it('exempts a bachelor’s applicant with a Swiss maturity certificate (Art 15.4i)', () => {
    const result = assess({
      programmeCode: BACHELOR,
      nationalities: ['CH'],
      priorEducation: { country: 'CH', diploma: 'swiss-maturity' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4i']);
  });

  it('does not extend the bachelor’s-only exemptions to a pre-master’s applicant (Art 15.4g)', () => {
    const result = assess({
      programmeCode: 'pm-economics',
      nationalities: ['US'],
      priorEducation: { country: 'US', diploma: 'european-baccalaureate' },
    });
    expect(result.isDue).toBe(true);
    expect(result.amountCents).toBe(10000);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.4g', 'Art 15.2', 'Art 15.3']);
  });

  it('does not exempt a VWO diploma from a country Art 15.4h does not name (Art 15.4h)', () => {
    const result = assess({
      programmeCode: BACHELOR,
      nationalities: ['ID'],
      priorEducation: { country: 'ID', diploma: 'vwo' },
    });
    expect(result.isDue).toBe(true);
    expect(result.amountCents).toBe(10000);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.2', 'Art 15.3']);
  });

  it('exempts on the SSC director’s hardship decision (Art 15.5)', () => {
    const result = assess({
      programmeCode: MASTER,
      nationalities: ['NG'],
      priorEducation: { country: 'NG' },
      handlingFee: { isHardshipExemptionGranted: true },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1', 'Art 15.5']);
  });

  it('charges no handling fee to exchange students (Art 15.1)', () => {
    const result = assess({
      enrolmentKind: 'exchange',
      nationalities: ['JP'],
      priorEducation: { country: 'JP' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1']);
  });

  it('charges no handling fee to applicants for a master’s programme for professionals (Art 15.1)', () => {
    const result = assess({
      programmeCode: 'pro-maastricht-mba',
      nationalities: ['JP'],
      priorEducation: { country: 'JP' },
    });
    expect(result.isDue).toBe(false);
    expect(result.amountCents).toBe(0);
    expect(articles(result)).toEqual(['Art 15.1']);
  });

  it('refuses a programme that is not in the appendices', () => {
    expect(() => assess({ programmeCode: 'm-alchemy', nationalities: ['JP'] })).toThrow(DeskError);
  });

  it('knows a test for every exemption of Art 15.4 in the provisions', () => {
    const exercised = new Set([...producedArticles].filter((a) => a.startsWith('Art 15.4')));
    expect(provisions.handlingFeeExemptions.map((e) => e.article).filter((a) => !exercised.has(a))).toEqual(
      [],
    );
  });

  it('produces only article references that resolve to the text of the provisions', () => {
    const unresolved = [...producedArticles].filter(
      (ref) => findProvisionText(provisions, ref) === undefined,
    );
    expect(unresolved).toEqual([]);
  });
});
