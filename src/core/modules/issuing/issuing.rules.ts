import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import type { FeeKind } from '../fees/tuition-fee.rules';
import { formatCents } from '../../../shared/money';

/** A reason of an issuing decision: the article and one sentence of why. */
export interface IssuingReason {
  article: string;
  text: string;
}

/** Whether a document may be issued, with the reasons either way. */
export interface IssuingDecision {
  outcome: 'issue' | 'refuse';
  reasons: IssuingReason[];
}

/** The level of a programme as Appendices I, IV and VI place it. */
export type ProgrammeLevel = 'bachelor' | 'master' | 'pre-master' | 'professional-master';

/**
 * The academic year the desk works in on `today` (1 September – 31 August): the year containing today,
 * or the latest year with provisions when today lies beyond it, since nobody can be enrolled in a year
 * whose provisions the app does not have yet.
 */
export function currentAcademicYear(today: string, yearsWithProvisions: readonly string[]): string {
  const year = Number(today.slice(0, 4));
  const start = Number(today.slice(5, 7)) >= 9 ? year : year - 1;
  const containing = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  const latest = [...yearsWithProvisions].sort().at(-1);
  return latest !== undefined && containing > latest ? latest : containing;
}

/** What the ledger and the enrolment say for a BBC (Art 5.2). */
export interface ProofOfPaymentFacts {
  academicYear: string;
  currentAcademicYear: string;
  programmeLevel: ProgrammeLevel | null;
  status: EnrolmentStatus;
  feeKind: FeeKind;
  feeKindLabel: string;
  /** Charges and adjustments booked on the enrolment. */
  chargedCents: number;
  /** Payments less reversals booked on the enrolment. */
  paidCents: number;
  /** What the student still owes on all enrolments of the academic year (positive: owed). */
  outstandingCentsOfYear: number;
}

const tuitionFeeKinds: ReadonlySet<FeeKind> = new Set([
  'low-statutory',
  'statutory',
  'high-statutory',
  'institutional-at-statutory',
  'institutional',
  'partial-statutory',
  'partial-institutional',
  'partial-institutional-at-partial-statutory',
]);

/**
 * Whether a BBC, the proof of payment of tuition fees, may be issued (Art 5.2): only for the current
 * academic year, only once the fees of that year are paid according to the ledger, and never for a
 * pre-master's or professional master's student, who pays a study fee instead.
 */
export function decideProofOfPayment(facts: ProofOfPaymentFacts): IssuingDecision {
  const refusals: IssuingReason[] = [];
  if (
    facts.programmeLevel === 'pre-master' ||
    facts.programmeLevel === 'professional-master' ||
    facts.feeKind === 'study-fee'
  ) {
    refusals.push({
      article: 'Art 5.2',
      text: `${facts.programmeLevel === 'professional-master' ? 'Students of a master’s programme for professionals' : 'Pre-master’s students'} pay a study fee, not a tuition fee, and do not receive a BBC.`,
    });
  } else if (!tuitionFeeKinds.has(facts.feeKind)) {
    refusals.push({
      article: 'Art 5.2',
      text: `A BBC proves payment of a tuition fee; this enrolment is charged ${facts.feeKindLabel.toLowerCase()}.`,
    });
  }
  if (facts.academicYear !== facts.currentAcademicYear) {
    refusals.push({
      article: 'Art 5.2',
      text: `A BBC is issued for the current academic year (${facts.currentAcademicYear}); this enrolment is for ${facts.academicYear}.`,
    });
  }
  if (facts.status !== 'enrolled') {
    refusals.push({ article: 'Art 5.2', text: `The enrolment is ${facts.status}, not enrolled.` });
  }
  if (tuitionFeeKinds.has(facts.feeKind) && facts.chargedCents > 0 && facts.paidCents < facts.chargedCents) {
    refusals.push({
      article: 'Art 5.2',
      text: `The tuition fee is not paid: the ledger shows ${formatCents(facts.paidCents)} paid of ${formatCents(facts.chargedCents)} charged.`,
    });
  } else if (facts.outstandingCentsOfYear > 0) {
    refusals.push({
      article: 'Art 5.2',
      text: `The fees of ${facts.academicYear} are not paid: the ledger shows ${formatCents(facts.outstandingCentsOfYear)} still owed for that year.`,
    });
  }
  if (refusals.length > 0) return { outcome: 'refuse', reasons: refusals };
  return {
    outcome: 'issue',
    reasons: [
      {
        article: 'Art 5.2',
        text: `The ${facts.feeKindLabel.toLowerCase()} of ${facts.academicYear}, ${formatCents(facts.chargedCents)}, is paid according to the ledger.`,
      },
    ],
  };
}

/** Whether a certificate of enrolment in a programme for an academic year may be issued (Art 5.1). */
export function decideEnrolmentCertificate(facts: {
  status: EnrolmentStatus;
  academicYear: string;
  hasProgramme: boolean;
}): IssuingDecision {
  const refusals: IssuingReason[] = [];
  if (facts.status !== 'enrolled')
    refusals.push({
      article: 'Art 5.1',
      text: `A certificate of enrolment is issued once a student has enrolled; this enrolment is ${facts.status}.`,
    });
  if (!facts.hasProgramme)
    refusals.push({
      article: 'Art 5.1',
      text: 'A certificate of enrolment names a specific programme; this enrolment has none.',
    });
  if (refusals.length > 0) return { outcome: 'refuse', reasons: refusals };
  return {
    outcome: 'issue',
    reasons: [
      { article: 'Art 5.1', text: `The student is enrolled in the programme for ${facts.academicYear}.` },
    ],
  };
}

/**
 * Whether a pre-master's certificate may be issued (Art 8.3): for a pre-master's enrolment, completed
 * successfully on a day staff record, naming the master's programme it admits to.
 */
export function decidePreMasterCertificate(facts: {
  programmeLevel: ProgrammeLevel | null;
  status: EnrolmentStatus;
  targetMasterName: string | null;
  completedOn: string | null;
  startDate: string;
}): IssuingDecision {
  const refusals: IssuingReason[] = [];
  if (facts.programmeLevel !== 'pre-master') {
    refusals.push({ article: 'Art 8.3', text: 'This enrolment is not in a pre-master’s programme.' });
  } else if (facts.targetMasterName === null) {
    refusals.push({
      article: 'Art 8.3',
      text: 'Appendix IV names no master’s programme this pre-master’s admits to.',
    });
  }
  if (facts.status !== 'enrolled' && facts.status !== 'terminated')
    refusals.push({
      article: 'Art 8.3',
      text: `The pre-master’s enrolment is ${facts.status}; only a pre-master’s followed at UM can be completed.`,
    });
  if (facts.completedOn === null)
    refusals.push({
      article: 'Art 8.3',
      text: 'The certificate is issued on successful completion: give the day the pre-master’s was completed.',
    });
  else if (facts.completedOn < facts.startDate)
    refusals.push({
      article: 'Art 8.3',
      text: `The completion day ${facts.completedOn} lies before the enrolment started (${facts.startDate}).`,
    });
  if (refusals.length > 0) return { outcome: 'refuse', reasons: refusals };
  return {
    outcome: 'issue',
    reasons: [
      {
        article: 'Art 8.3',
        text: `Completing the pre-master’s admits to ${facts.targetMasterName ?? ''}.`,
      },
    ],
  };
}
