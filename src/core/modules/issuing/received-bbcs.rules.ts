import type { ReceivedBbcInput } from '../../../shared/api/documents.contract';
import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import type { FeeFacts, OtherEnrolment } from '../../../shared/facts/fee-facts';
import { formatCents } from '../../../shared/money';
import type { ProvisionReason } from '../payments/provision-reason';

/** The statuses in which a UM enrolment has ended (Art 33, 35–39; Art 3 and 13.3 for a denial). */
export const endedEnrolmentStatuses = [
  'terminated',
  'cancelled',
  'denied',
] as const satisfies readonly EnrolmentStatus[];
/** A status in which a UM enrolment has ended. */
export type EndedEnrolmentStatus = (typeof endedEnrolmentStatuses)[number];

/** Whether an enrolment has ended, so that institutions holding a UM BBC for it are to be informed (Art 33.7). */
export function isEndedEnrolment(status: EnrolmentStatus): status is EndedEnrolmentStatus {
  return (endedEnrolmentStatuses as readonly EnrolmentStatus[]).includes(status);
}

/** The articles a received BBC rests on, for the fee's own reasons shown with it. */
export const receivedBbcGrounds: readonly string[] = ['Art 14.6', 'Art 19', 'Art 20', 'Art 21', 'Art 30'];

/** Art 33.1: the first and last day of an academic year such as '2022-23'. */
function academicYearBounds(academicYear: string): { from: string; to: string } {
  const start = Number(academicYear.slice(0, 4));
  return { from: `${start}-09-01`, to: `${start + 1}-08-31` };
}

/**
 * Whether a BBC received from another institution can be recorded on a UM enrolment: for an enrolment that
 * has not ended, of the same academic year, for a period within it, received no later than today. Whether it
 * came in time and what it exempts from is the fee engine's to say (Art 14.6, 30.1–30.6), not a refusal here.
 */
export function checkReceivedBbc(input: {
  bbc: Pick<ReceivedBbcInput, 'academicYear' | 'periodFrom' | 'periodTo' | 'receivedOn'>;
  enrolment: { academicYear: string; status: EnrolmentStatus };
  today: string;
}): { outcome: 'record' } | { outcome: 'refuse'; field: string; reasons: ProvisionReason[] } {
  const { bbc, enrolment } = input;
  if (isEndedEnrolment(enrolment.status))
    return {
      outcome: 'refuse',
      field: 'enrolmentId',
      reasons: [
        {
          article: 'Art 30.1',
          text: `The UM enrolment is ${enrolment.status}, so there is no fee at UM for a BBC of another institution to exempt from.`,
        },
      ],
    };
  if (bbc.academicYear !== enrolment.academicYear)
    return {
      outcome: 'refuse',
      field: 'academicYear',
      reasons: [
        {
          article: 'Art 30.1',
          text: `The BBC is for ${bbc.academicYear}; only the fee paid elsewhere for the same academic year as the UM enrolment (${enrolment.academicYear}) counts.`,
        },
      ],
    };
  const year = academicYearBounds(enrolment.academicYear);
  if (bbc.periodFrom > bbc.periodTo || bbc.periodFrom < year.from || bbc.periodTo > year.to)
    return {
      outcome: 'refuse',
      field: 'periodFrom',
      reasons: [
        {
          article: 'Art 33.1',
          text: `The period ${bbc.periodFrom} – ${bbc.periodTo} must run forwards within the academic year ${enrolment.academicYear} (${year.from} – ${year.to}).`,
        },
      ],
    };
  if (bbc.receivedOn > input.today)
    return {
      outcome: 'refuse',
      field: 'receivedOn',
      reasons: [
        {
          article: 'Art 14.6',
          text: `The BBC cannot have been received on ${bbc.receivedOn}, after today (${input.today}).`,
        },
      ],
    };
  return { outcome: 'record' };
}

/**
 * The fee facts with a received BBC among the other enrolments (Art 14.6, 30.1): it completes an other
 * enrolment already recorded at that kind of institution and level without a BBC, or is added.
 */
export function feedReceivedBbc(
  facts: FeeFacts,
  bbc: Omit<ReceivedBbcInput, 'enrolmentId'>,
): { facts: FeeFacts; reasons: ProvisionReason[]; replaced: OtherEnrolment | null } {
  const other: OtherEnrolment = {
    institution: bbc.institutionKind,
    level: bbc.programmeLevel,
    programmeCode: null,
    feeKind: bbc.feeKind,
    feePaidCents: bbc.amountCents,
    bbcSubmittedOn: bbc.receivedOn,
    completedOn: null,
  };
  const index = facts.otherEnrolments.findIndex(
    (o) => o.institution === other.institution && o.level === other.level && o.bbcSubmittedOn === null,
  );
  const otherEnrolments =
    index === -1
      ? [...facts.otherEnrolments, other]
      : facts.otherEnrolments.map((o, i) => (i === index ? { ...other, completedOn: o.completedOn } : o));
  return {
    facts: { ...facts, otherEnrolments },
    replaced: index === -1 ? null : (facts.otherEnrolments[index] ?? null),
    reasons: [
      {
        article: 'Art 14.6',
        text: `BBC ${bbc.number} of ${bbc.institution} (${bbc.feeKind} fee of ${formatCents(bbc.amountCents)} for ${bbc.periodFrom} – ${bbc.periodTo}) was received on ${bbc.receivedOn} and ${index === -1 ? 'added to' : 'recorded on'} the student’s other enrolments; the fee was assessed again.`,
      },
    ],
  };
}

/** Art 33.7: why the institutions that received a UM BBC for an ended enrolment are to be informed. */
export function informInstitutionsReason(status: EndedEnrolmentStatus): ProvisionReason {
  return {
    article: 'Art 33.7',
    text: `The UM enrolment is ${status}; UM informs every institution it issued a BBC to in connection with a simultaneous enrolment of the termination of the enrolment at UM.`,
  };
}

/** A received BBC as recorded, to take back out of the fee facts. */
export interface RecordedBbc {
  number: string;
  institution: string;
  institutionKind: ReceivedBbcInput['institutionKind'];
  programmeLevel: ReceivedBbcInput['programmeLevel'];
  feeKind: ReceivedBbcInput['feeKind'];
  amountCents: number;
  receivedOn: string;
  /** The other enrolment it completed when recorded; null when it added one (or when that was not kept). */
  replaced: OtherEnrolment | null;
  /** Whether recording it completed an other enrolment already on file, rather than adding one. */
  completedExisting: boolean;
}

/**
 * The fee facts without a received BBC that is withdrawn as wrongly recorded (Art 14.6, 30.1): the other
 * enrolment it added is removed, or the one it completed is restored as it was (without a BBC when what it
 * was is not known). When the facts no longer carry the BBC (changed since), they stay as they are.
 */
export function unfeedReceivedBbc(
  facts: FeeFacts,
  bbc: RecordedBbc,
  reason: string,
): { facts: FeeFacts; reasons: ProvisionReason[] } {
  const index = facts.otherEnrolments.findIndex(
    (o) =>
      o.institution === bbc.institutionKind &&
      o.level === bbc.programmeLevel &&
      o.bbcSubmittedOn === bbc.receivedOn &&
      o.feeKind === bbc.feeKind &&
      o.feePaidCents === bbc.amountCents,
  );
  const what = `BBC ${bbc.number} of ${bbc.institution} (${bbc.feeKind} fee of ${formatCents(bbc.amountCents)}, received on ${bbc.receivedOn})`;
  if (index === -1)
    return {
      facts,
      reasons: [
        {
          article: 'Art 14.6',
          text: `${what} was withdrawn (${reason}); the student’s other enrolments no longer carry it, so they stay as they are.`,
        },
      ],
    };
  const found = facts.otherEnrolments[index];
  const restored: OtherEnrolment | null = !bbc.completedExisting
    ? null
    : (bbc.replaced ?? (found ? { ...found, bbcSubmittedOn: null } : null));
  const otherEnrolments = facts.otherEnrolments.flatMap((o, i) =>
    i !== index ? [o] : restored ? [{ ...restored, completedOn: o.completedOn }] : [],
  );
  return {
    facts: { ...facts, otherEnrolments },
    reasons: [
      {
        article: 'Art 14.6',
        text: `${what} was withdrawn (${reason}) and ${restored ? 'the other enrolment it completed is back as it was without it' : 'removed from the student’s other enrolments'}; it no longer counts for an exemption (Art 30.1), and the fee was assessed again.`,
      },
    ],
  };
}
