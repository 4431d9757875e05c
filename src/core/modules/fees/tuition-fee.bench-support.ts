import { loadProvisions } from '../../provisions/load-provisions';
import { feeFactsSchema, type FeeFacts, type FeeFactsInput } from '../../../shared/facts/fee-facts';
import { assessTuitionFee } from './tuition-fee.rules';

/** A mix of the cases the desk meets, from the simplest to those whose fee changes during the year. */
const BENCH_FACTS: readonly FeeFactsInput[] = [
  { programmeCode: 'b-econometrics-and-operations-research', nationalities: ['DE'] },
  {
    programmeCode: 'b-psychology',
    nationalities: ['BE'],
    isReEnrolment: true,
    rodHo: { firstEnrolment: { startedOn: '2020-09-01' } },
  },
  {
    programmeCode: 'm-data-science-for-decision-making',
    nationalities: ['IN'],
    residencePermit: { purpose: 'study' },
  },
  { programmeCode: 'm-epidemiology', mode: 'part-time', nationalities: ['NL'] },
  { programmeCode: 'b-liberal-arts-and-sciences-university-college-maastricht', nationalities: ['PL'] },
  {
    programmeCode: 'm-economics',
    nationalities: ['CN'],
    residencePermit: { purpose: 'study' },
    euLongTermResidence: { memberState: 'DE', permitTerm: 'Daueraufenthalt – EU' },
  },
  {
    programmeCode: 'm-economics',
    nationalities: ['MA'],
    residencePermit: { wsfGroup: 'i', validFrom: '2022-11-15' },
  },
  {
    programmeCode: 'm-forensic-psychology',
    nationalities: ['DE', 'US'],
    brpNationality: 'DE',
    otherEnrolments: [
      {
        institution: 'um',
        level: 'initial-master',
        programmeCode: 'm-economics',
        feeKind: 'statutory',
        feePaidCents: 220900,
      },
    ],
  },
  {
    programmeCode: 'm-economics',
    nationalities: ['FR'],
    startDate: '2022-10-12',
    isInterimEnrolmentPermitted: true,
  },
  { programmeCode: 'b-medicine', enrolmentKind: 'external', nationalities: ['US'] },
  { programmeCode: 'pm-economics', nationalities: ['NL'], preMaster: { ects: 60 } },
  { programmeCode: 'm-economics', nationalities: ['GB'], brpRegisteredSince: '2019-06-01' },
];

/**
 * Measures the tuition-fee rules for `npm run bench`: `iterations` assessments over a mix of cases, the
 * facts parsed beforehand, after a warm-up. Returns assessments per second; prints nothing.
 */
export function benchmarkFeeRules(iterations: number): { perSecond: number } {
  const provisions = loadProvisions();
  const facts: FeeFacts[] = BENCH_FACTS.map((input) => feeFactsSchema.parse(input));
  let checksum = 0;
  const warmUp = Math.min(iterations, 5_000);
  for (let i = 0; i < warmUp; i++)
    checksum += assessTuitionFee(facts[i % facts.length], provisions).amountCents;
  const started = performance.now();
  for (let i = 0; i < iterations; i++)
    checksum += assessTuitionFee(facts[i % facts.length], provisions).amountCents;
  const elapsedMs = performance.now() - started;
  // The checksum keeps the work observable, so that no engine can drop it as dead code.
  if (!Number.isFinite(checksum)) throw new Error('The fee rules returned an amount that is not a number.');
  return { perSecond: Math.round((iterations * 1000) / Math.max(elapsedMs, Number.EPSILON)) };
}
