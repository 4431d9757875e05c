import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProvisions } from '../../provisions/load-provisions';
import { parseRefundFacts } from '../../../shared/facts/refund-facts';
import { decideRefund, type RefundDecision } from './refund.rules';

const examplesFolder = new URL('../../../../docs/refund-facts/', import.meta.url);
const p = loadProvisions('2022-23');

type Expected = Pick<
  RefundDecision,
  'outcome' | 'effectiveDate' | 'refundCents' | 'netRefundCents' | 'stillOwedCents'
> & {
  articles: string[];
};

/** What each example in docs/refund-facts must yield. */
const expectations: Record<string, Expected> = {
  'january-request-institutional-fee.json': {
    outcome: 'terminated',
    effectiveDate: '2023-02-01',
    refundCents: 536667,
    netRefundCents: 536667,
    stillOwedCents: 0,
    articles: ['Art 33.2', 'Art 34.1', 'Art 34.4'],
  },
  'june-request-no-refund.json': {
    outcome: 'terminated',
    effectiveDate: '2023-07-01',
    refundCents: 0,
    netRefundCents: 0,
    stillOwedCents: 0,
    articles: ['Art 33.2', 'Art 34.2'],
  },
  'cancellation-before-start-third-party.json': {
    outcome: 'cancelled-before-start',
    effectiveDate: null,
    refundCents: 1820000,
    netRefundCents: 1820000,
    stillOwedCents: 0,
    articles: ['Art 39.1', 'Art 39.2', 'Art 34.4'],
  },
  'death-of-student.json': {
    outcome: 'terminated',
    effectiveDate: '2023-04-01',
    refundCents: 92042,
    netRefundCents: 92042,
    stillOwedCents: 0,
    articles: ['Art 38.1', 'Art 38.2', 'Art 34.4'],
  },
  'external-student.json': {
    outcome: 'terminated',
    effectiveDate: '2022-11-03',
    refundCents: 0,
    netRefundCents: 0,
    stillOwedCents: 0,
    articles: ['Art 37.2', 'Art 37.3'],
  },
  'instalments-and-debts-deducted.json': {
    outcome: 'terminated',
    effectiveDate: '2023-02-01',
    refundCents: 536667,
    netRefundCents: 185217,
    stillOwedCents: 0,
    articles: ['Art 33.2', 'Art 34.1', 'Art 34.5', 'Art 34.4'],
  },
  'pre-master-ects.json': {
    outcome: 'terminated',
    effectiveDate: '2022-12-01',
    refundCents: 165675,
    netRefundCents: 165675,
    stillOwedCents: 0,
    articles: ['Art 33.2', 'Art 34.3', 'Art 34.4'],
  },
  'graduation-not-terminated.json': {
    outcome: 'continued-enrolment',
    effectiveDate: null,
    refundCents: 0,
    netRefundCents: 0,
    stillOwedCents: 0,
    articles: ['Art 33.3'],
  },
  'interim-enrolment-request.json': {
    outcome: 'terminated',
    effectiveDate: '2023-04-01',
    refundCents: 383333,
    netRefundCents: 383333,
    stillOwedCents: 0,
    articles: ['Art 33.2', 'Art 34.1', 'Art 34.4'],
  },
  'arrears-termination.json': {
    outcome: 'terminated',
    effectiveDate: '2023-03-01',
    refundCents: 460000,
    netRefundCents: 0,
    stillOwedCents: 233900,
    articles: ['Art 35', 'Art 34.1', 'Art 34.5'],
  },
};

const exampleFiles = readdirSync(examplesFolder)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('refund facts examples (docs/refund-facts)', () => {
  it('has an expectation for every example file and a file for every expectation', () => {
    expect(exampleFiles).toEqual(Object.keys(expectations).sort());
  });

  it.each(exampleFiles)('parses %s and yields its expected refund', (file) => {
    const parsed = parseRefundFacts(JSON.parse(readFileSync(new URL(file, examplesFolder), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
    const { articles, ...figures } = expectations[file];
    const decision = decideRefund(parsed.facts, p);
    expect(decision).toMatchObject(figures);
    expect(decision.reasons.map((r) => r.article)).toEqual(articles);
  });
});

describe('parseRefundFacts', () => {
  it('applies the defaults for a third-party payer and debts', () => {
    const parsed = parseRefundFacts(
      JSON.parse(readFileSync(new URL('january-request-institutional-fee.json', examplesFolder), 'utf8')),
    );
    expect(parsed.ok && parsed.facts.paidByThirdParty).toBe(false);
    expect(parsed.ok && parsed.facts.outstandingDebts).toEqual([]);
  });

  it('says field by field what is wrong with a facts file', () => {
    const parsed = parseRefundFacts({
      academicYear: '2022-23',
      level: 'pre-master',
      studentKind: 'external-student',
      enrolmentStartDate: '2022-09-31',
      fee: { applicableCents: 220900, paidCents: 300000 },
      ending: { reason: 'holiday', requestDate: '2023-01-16' },
      refundRequested: true,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('enrolmentStartDate');
    expect(parsed.message).toContain('ending.reason');
  });

  it('refuses a study fee without ECTS, payment above the charge and external pre-master’s students (Art 2.4, 31.3, 34.3)', () => {
    const parsed = parseRefundFacts({
      academicYear: '2022-23',
      level: 'pre-master',
      studentKind: 'external-student',
      enrolmentStartDate: '2022-09-01',
      fee: { applicableCents: 220900, paidCents: 300000 },
      ending: { reason: 'student-request', requestDate: '2023-01-16' },
      refundRequested: true,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toContain('Art 2.4');
    expect(parsed.message).toContain('Art 31.3');
    expect(parsed.message).toContain('Art 34.3');
  });
});
