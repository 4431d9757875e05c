import type { EnrolmentStatus } from '../../../shared/api/ledger.contract';
import { formatLongDate } from '../payments/calendar-dates';

/*
 * The lifecycle of an enrolment at the desk (Art 2–4, 13, 33, 39): applied → awaiting documents →
 * enrolled or denied; an administrative hold from applied, awaiting documents or enrolled, lifted back
 * to the status before it; cancelled before the start; terminated only through Art 33–35.
 */

/** What the lifecycle needs to know about an enrolment to decide a change of status. */
export interface LifecycleState {
  status: EnrolmentStatus;
  /** The status an administrative hold returns to; null when not on hold. */
  statusBeforeHold: EnrolmentStatus | null;
  startDate: string;
  today: string;
  /** Art 2–4 for the request; null when it cannot be assessed (no profile, or a fee-only enrolment). */
  eligibility: { outcome: 'eligible' | 'decision-required' | 'refused'; blockingArticles: string[] } | null;
  /** Required documents of Art 13.1 not yet verified; null when the checklist cannot be computed. */
  unverifiedRequired: string[] | null;
}

/** Whether a change of status is allowed now, and why not. */
export interface TransitionDecision {
  isAllowed: boolean;
  refusal: string | null;
}

/** Statuses from which nothing changes any more. */
export const finalStatuses: ReadonlySet<EnrolmentStatus> = new Set(['denied', 'cancelled', 'terminated']);

/** What staff read for each status. */
export const statusLabels: Readonly<Record<EnrolmentStatus, string>> = {
  applied: 'Applied',
  'awaiting-documents': 'Awaiting documents',
  enrolled: 'Enrolled',
  denied: 'Denied',
  'administrative-hold': 'Administrative hold',
  terminated: 'Terminated',
  cancelled: 'Cancelled',
};

const allowed: TransitionDecision = { isAllowed: true, refusal: null };
const refuse = (refusal: string): TransitionDecision => ({ isAllowed: false, refusal });

/** Whether the enrolment may move to `to` now, with the reason when it may not. */
export function decideTransition(state: LifecycleState, to: EnrolmentStatus): TransitionDecision {
  const { status } = state;
  const current = statusLabels[status].toLowerCase();
  if (finalStatuses.has(status)) {
    return refuse(`The enrolment is ${current}, which is final; a new enrolment needs a new application.`);
  }
  if (to === status) return refuse(`The enrolment is already ${current}.`);
  const isOnHold = status === 'administrative-hold';
  // Lifting a hold returns to where the enrolment stood before it, and nowhere else.
  if (isOnHold && to === state.statusBeforeHold) return allowed;
  switch (to) {
    case 'applied':
      return refuse('An enrolment is applied for once, when it is recorded; it cannot return to applied.');
    case 'terminated':
      return refuse(
        'During the academic year an enrolment ends only at the student’s request (Art 33.2) or for arrears, nuisance or fraud (Art 35–37): use Terminate on the enrolment’s fee panel.',
      );
    case 'awaiting-documents':
      return status === 'applied'
        ? allowed
        : refuse(`Only an enrolment that is applied for can wait for its documents; this one is ${current}.`);
    case 'enrolled': {
      if (isOnHold) {
        return refuse(
          `The hold is lifted back to ${statusLabels[state.statusBeforeHold ?? 'applied'].toLowerCase()}, the status before it; enrol from there.`,
        );
      }
      if (state.eligibility === null || state.unverifiedRequired === null) {
        return refuse(
          'The eligibility checks (Art 2–4) and the document checklist (Art 13) cannot be made without the student’s profile and the facts of the application.',
        );
      }
      if (state.eligibility.outcome !== 'eligible') {
        return refuse(
          `The enrolment is not yet eligible: ${state.eligibility.outcome === 'refused' ? 'it is refused under' : 'a decision is outstanding under'} ${[...new Set(state.eligibility.blockingArticles)].join(', ')}.`,
        );
      }
      if (state.unverifiedRequired.length > 0) {
        return refuse(
          `Every required document must be verified first (Art 13.1, 13.3); not yet verified: ${state.unverifiedRequired.join(', ')}.`,
        );
      }
      return allowed;
    }
    case 'administrative-hold':
      // Art 13.3: UM may deny access to its facilities by a hold; from applied, awaiting documents or enrolled.
      return allowed;
    case 'denied':
      if (status === 'enrolled' || (isOnHold && state.statusBeforeHold === 'enrolled')) {
        return refuse(
          'An enrolled student is not denied: end the enrolment with Terminate (Art 33–37) instead.',
        );
      }
      return allowed;
    case 'cancelled':
      return state.today < state.startDate
        ? allowed
        : refuse(
            `An enrolment can be cancelled only before the start of the programme on ${formatLongDate(state.startDate)} (Art 39.1); end it with Terminate instead (Art 33).`,
          );
  }
}

/** The changes of status the desk offers for an enrolment, each allowed or with why not. */
export function transitionOptions(state: LifecycleState) {
  const option = (to: EnrolmentStatus, label: string, decision: TransitionDecision) => ({
    to,
    label,
    isAllowed: decision.isAllowed,
    refusal: decision.refusal,
    isIrreversible: to === 'denied' || to === 'cancelled',
  });
  if (finalStatuses.has(state.status)) return [];
  if (state.status === 'administrative-hold') {
    const back = state.statusBeforeHold ?? 'applied';
    return [
      option(back, `Lift hold (back to ${statusLabels[back].toLowerCase()})`, allowed),
      option('denied', 'Deny', decideTransition(state, 'denied')),
      option('cancelled', 'Cancel', decideTransition(state, 'cancelled')),
    ];
  }
  return [
    option('awaiting-documents', 'Move to awaiting documents', decideTransition(state, 'awaiting-documents')),
    option('enrolled', 'Enrol', decideTransition(state, 'enrolled')),
    option('administrative-hold', 'Place hold', decideTransition(state, 'administrative-hold')),
    option('denied', 'Deny', decideTransition(state, 'denied')),
    option('cancelled', 'Cancel', decideTransition(state, 'cancelled')),
  ].filter((o) => !(o.to === 'awaiting-documents' && state.status !== 'applied'));
}
