import { feeKinds } from '../../../shared/api/fees.contract';
import type { SmallScaleIntensiveRegime } from '../../provisions/provisions.schema';
import type { EnrolmentTiming } from './enrolment-timing.rules';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import type { FeeLookups, ResolvedProgramme } from './fee-lookups';
import type { FeeReason } from './fee-reasons';
import type { Paragraph1aAssessment } from './statutory-eligibility.rules';

/** The kinds of fee an assessment can result in, as the contract declares them. */
export { feeKinds };

/** A kind of fee (see `feeKindLabels`). */
export type FeeKind = (typeof feeKinds)[number];

/** English labels of the fee kinds for the UI and letters. */
export const feeKindLabels: Readonly<Record<FeeKind, string>> = {
  'low-statutory': 'Low statutory tuition fee',
  statutory: 'Statutory tuition fee',
  'high-statutory': 'High statutory tuition fee',
  'institutional-at-statutory': 'Institutional tuition fee at the statutory level',
  institutional: 'Institutional tuition fee',
  'partial-statutory': 'Partial statutory tuition fee',
  'partial-institutional': 'Partial institutional tuition fee',
  'partial-institutional-at-partial-statutory':
    'Partial institutional tuition fee at the partial statutory level',
  'examination-fee': 'Examination fee',
  'study-fee': 'Study fee',
  none: 'No fee',
};

/** A stretch of the academic year charged at one annual fee (Art 16.5, 17.2–17.3, 26.2, 30.8 change the fee during the year). */
export interface FeePeriod {
  /** First day of the period. */
  from: string;
  months: number;
  kind: FeeKind;
  annualAmountCents: number;
}

/** The fee of one enrolment for the academic year, with the articles that decided it. */
export interface FeeAssessment {
  /** The kind of fee; when the fee changes during the year, the kind of the last period. */
  kind: FeeKind;
  /** What the student owes UM for this enrolment this academic year, in cents. */
  amountCents: number;
  /** The annual fee from which the amount follows (for a full year), in cents; with periods, that of the last period. */
  annualAmountCents: number;
  /** Tuition fees: the months of the academic year charged (12, or fewer under Art 4.3 / 29.1). */
  months?: number;
  /** Present only when the fee changes during the year. */
  periods?: FeePeriod[];
  reasons: FeeReason[];
}

/** An annual fee with the reasons for it. */
export interface AnnualFee {
  kind: FeeKind;
  annualCents: number;
  /** Whether the student is charged as eligible for the statutory fee (16.1 / 18.1 / 19.1). */
  isStatutory: boolean;
  reasons: FeeReason[];
}

/** The statutory fee of the programme before simultaneous enrolments: its statutory part and its surcharge. */
export interface StatutoryFee extends AnnualFee {
  statutoryPartCents: number;
  supplementCents: number;
  /** The Art 20 / 21 regime charged (null for the legacy cohort of Art 20.7). */
  regime: SmallScaleIntensiveRegime | null;
}

/** What the rules of one tuition-fee assessment share: the facts, the provisions and what follows from them once. */
export interface TuitionFeeContext {
  facts: FeeFacts;
  lookups: FeeLookups;
  programme: ResolvedProgramme;
  timing: EnrolmentTiming;
  level: 'bachelor' | 'initial-master';
  isPartTime: boolean;
  paragraph1a: Paragraph1aAssessment;
}
