import type {
  CompletenessItem,
  SscRequestDetails,
  SscRequestKind,
} from '../../../shared/api/requests.contract';
import type { FeeFacts } from '../../../shared/facts/fee-facts';
import { addDays } from '../payments/calendar-dates';
import type { ProvisionReason } from '../payments/provision-reason';

/** A piece of evidence a kind of request needs: a scan, or a detail entered on the request. */
export interface EvidenceRequirement {
  key: string;
  label: string;
  article: string;
  source: 'scan' | 'detail';
}

// Art 42: every request is made in writing via the CSP and must come with the evidence required.
const writtenRequest: EvidenceRequirement = {
  key: 'written-request',
  label: 'The written request submitted via the CSP',
  article: 'Art 42',
  source: 'scan',
};

/** What each kind of request needs before the SSC director's term starts (Art 42). */
export const evidenceRequirements: Readonly<Record<SscRequestKind, readonly EvidenceRequirement[]>> = {
  'simultaneous-enrolment-exemption': [
    writtenRequest,
    {
      key: 'other-institution-bbc',
      label: 'The original proof of payment (BBC) of the other institution',
      article: 'Art 30.1',
      source: 'scan',
    },
    {
      key: 'detail:otherEnrolment',
      label: 'The other enrolment: institution, level, fee kind and amount paid',
      article: 'Art 30.1',
      source: 'detail',
    },
  ],
  'board-position-exemption': [
    writtenRequest,
    {
      key: 'board-position-decision',
      label: 'The Executive Board’s decision honouring the application for a full-time board position',
      article: 'Art 30.9',
      source: 'scan',
    },
  ],
  'handling-fee-exemption': [
    writtenRequest,
    {
      key: 'hardship-scholarship',
      label: 'Proof of a scholarship granted partly on the basis of financial hardship',
      article: 'Art 15.5',
      source: 'scan',
    },
    {
      key: 'insurmountable-obstacle-statement',
      label: 'A statement why paying the handling fee is an insurmountable obstacle to enrolment',
      article: 'Art 15.5',
      source: 'scan',
    },
  ],
  'interim-enrolment': [
    writtenRequest,
    {
      key: 'evident-hardship-evidence',
      label: 'Evidence of the evident hardship that prevents enrolment on 1 September or 1 February',
      article: 'Art 4.4',
      source: 'scan',
    },
    {
      key: 'detail:requestedStartDate',
      label: 'The day the student asks to be enrolled from',
      article: 'Art 4.4–4.5',
      source: 'detail',
    },
  ],
  'unforeseen-circumstances': [
    writtenRequest,
    {
      key: 'circumstances-evidence',
      label:
        'Evidence of the circumstances not provided for, or of the seriously inequitable consequence of the rules',
      article: 'Art 41',
      source: 'scan',
    },
  ],
};

/** The articles a kind of request rests on, for the decision letter. */
export const articlesOfKind: Readonly<Record<SscRequestKind, readonly string[]>> = {
  'simultaneous-enrolment-exemption': ['Art 30.1'],
  'board-position-exemption': ['Art 30.9'],
  'handling-fee-exemption': ['Art 15.5'],
  'interim-enrolment': ['Art 4.4', 'Art 4.5'],
  'unforeseen-circumstances': ['Art 41'],
};

/** Whether a kind of request concerns one enrolment (and so needs one); only Art 41 requests may stand alone. */
export function kindNeedsEnrolment(kind: SscRequestKind): boolean {
  return kind !== 'unforeseen-circumstances';
}

/** The result of the completeness check of Art 42. */
export interface Completeness {
  isComplete: boolean;
  /** The day the last required piece arrived, never before the request itself; null while incomplete. */
  completedOn: string | null;
  items: CompletenessItem[];
  missing: ProvisionReason[];
}

/**
 * Art 42: a request is complete once every piece of evidence its kind requires is there; it is complete on
 * the day the last of them arrived (details are given with the request, so on the day it was received).
 */
export function checkCompleteness(input: {
  kind: SscRequestKind;
  receivedOn: string;
  details: SscRequestDetails;
  evidence: readonly { evidence: string; receivedOn: string }[];
}): Completeness {
  const items = evidenceRequirements[input.kind].map((requirement): CompletenessItem => {
    if (requirement.source === 'detail') {
      const field = requirement.key.slice('detail:'.length) as keyof SscRequestDetails;
      const isPresent = input.details[field] !== undefined;
      return { ...requirement, isPresent, receivedOn: isPresent ? input.receivedOn : null };
    }
    const first = input.evidence
      .filter((e) => e.evidence === requirement.key)
      .map((e) => e.receivedOn)
      .sort()[0];
    return { ...requirement, isPresent: first !== undefined, receivedOn: first ?? null };
  });
  const missing = items
    .filter((item) => !item.isPresent)
    .map((item) => ({
      article: item.article,
      text: `Missing: ${item.label.charAt(0).toLowerCase()}${item.label.slice(1)}.`,
    }));
  if (missing.length > 0) return { isComplete: false, completedOn: null, items, missing };
  const completedOn = items
    .map((item) => item.receivedOn ?? input.receivedOn)
    .reduce((latest, day) => (day > latest ? day : latest), input.receivedOn);
  return { isComplete: true, completedOn, items, missing: [] };
}

/** The SSC director's term to decide (Art 42). */
export interface DecisionTerm {
  /** The first day of the term: the day after the request became complete. */
  startsOn: string;
  /** The last day of the term: eight whole weeks from `startsOn`. */
  deadline: string;
  weeks: number;
  article: string;
}

/**
 * Art 42: "within 8 weeks … This period begins the day after a complete request has been received". The term
 * starts on the day after completion and runs eight whole weeks, so its last day is completion + 8 × 7 days
 * (complete on Monday 3 October 2022 → starts Tuesday 4 October → last day Monday 28 November 2022).
 */
export function decisionTerm(completedOn: string, term: { weeks: number; article: string }): DecisionTerm {
  const startsOn = addDays(completedOn, 1);
  return {
    startsOn,
    deadline: addDays(startsOn, term.weeks * 7 - 1),
    weeks: term.weeks,
    article: term.article,
  };
}

/** What the worklist orders by: the deadline, if any, and the day received. */
export interface WorklistEntry {
  deadline: string | null;
  receivedOn: string;
  id: number;
}

/**
 * The worklist order: complete requests by their deadline (the most urgent, overdue ones, first), then the
 * incomplete ones, whose term has not started, oldest first.
 */
export function compareWorklistEntries(a: WorklistEntry, b: WorklistEntry): number {
  if (a.deadline !== null && b.deadline !== null && a.deadline !== b.deadline)
    return a.deadline < b.deadline ? -1 : 1;
  if (a.deadline === null && b.deadline !== null) return 1;
  if (a.deadline !== null && b.deadline === null) return -1;
  if (a.receivedOn !== b.receivedOn) return a.receivedOn < b.receivedOn ? -1 : 1;
  return a.id - b.id;
}

/** Whole days from `today` to `deadline`; negative once it has passed. */
export function daysUntil(today: string, deadline: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Whether the SSC director may take this decision now: a grant needs a complete request (Art 42). */
export function decisionAllowed(
  outcome: 'granted' | 'refused',
  completeness: Completeness,
): { outcome: 'allow' } | { outcome: 'refuse'; reasons: ProvisionReason[] } {
  if (outcome === 'granted' && !completeness.isComplete)
    return {
      outcome: 'refuse',
      reasons: [
        {
          article: 'Art 42',
          text: 'The request is not complete; it can only be granted once the evidence required is there. The student bears the consequences of an incomplete request.',
        },
        ...completeness.missing,
      ],
    };
  return { outcome: 'allow' };
}

/** What a granted request changes in the enrolment's fee facts, with the reason for the fee's record. */
export interface FeeFeed {
  facts: FeeFacts;
  reasons: ProvisionReason[];
  /** Art 4.4–4.5: the SSC director's decision to record in the enrolment request. */
  interimStartDecision?: { decidedOn: string; reference: string };
}

/**
 * The fee facts that follow from a granted request (Art 4.4, 15.5, 30.1, 30.9); null when the kind changes no
 * fact (Art 41: the decision itself says what follows, and staff apply it).
 */
export function feeFeedOfGrant(input: {
  kind: SscRequestKind;
  facts: FeeFacts;
  details: SscRequestDetails;
  decidedOn: string;
  reference: string;
}): FeeFeed | null {
  const { facts, reference } = input;
  switch (input.kind) {
    case 'board-position-exemption':
      return {
        facts: { ...facts, isBoardPositionExemptionGranted: true },
        reasons: [
          {
            article: 'Art 30.9',
            text: `The SSC director granted the exemption for a full-time board position (${reference}); the fee was assessed again.`,
          },
        ],
      };
    case 'handling-fee-exemption':
      return {
        facts: { ...facts, handlingFee: { ...facts.handlingFee, isHardshipExemptionGranted: true } },
        reasons: [
          {
            article: 'Art 15.5',
            text: `The SSC director granted exemption from the handling fee on grounds of hardship (${reference}).`,
          },
        ],
      };
    case 'simultaneous-enrolment-exemption': {
      const other = input.details.otherEnrolment;
      if (!other) return null;
      return {
        facts: { ...facts, otherEnrolments: [...facts.otherEnrolments, other] },
        reasons: [
          {
            article: 'Art 30.1',
            text: `The SSC director granted the request for exemption for a simultaneous enrolment (${reference}); the other enrolment was recorded and the fee assessed again.`,
          },
        ],
      };
    }
    case 'interim-enrolment':
      return {
        facts: {
          ...facts,
          isInterimEnrolmentPermitted: true,
          ...(input.details.requestedStartDate ? { startDate: input.details.requestedStartDate } : {}),
        },
        reasons: [
          {
            article: 'Art 4.4',
            text: `The SSC director permitted enrolment at another time on grounds of evident hardship (${reference}).`,
          },
        ],
        interimStartDecision: { decidedOn: input.decidedOn, reference },
      };
    case 'unforeseen-circumstances':
      return null;
  }
}
