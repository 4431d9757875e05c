import type {
  ResidencePermitType,
  StudentProfile,
  WsfGroupLetter,
} from '../../../shared/facts/student-profile';
import type { Provisions, WsfGroup } from '../../provisions/provisions.schema';
import { NETHERLANDS, feeLookupsFor } from '../fees/fee-lookups';
import { countryText } from '../fees/fee-reasons';
import { formatLongDate, parseIsoDate } from '../payments/calendar-dates';
import type { ProvisionReason } from '../payments/provision-reason';

/*
 * Appendix II: the group of Article 2.2 WSF 2000 that the recorded nationality and residence data show,
 * with the reason. Groups a, b, c and e follow from nationality (with the United Kingdom footnote),
 * d and f–j, l–n from the Dutch residence document, k from long-term resident status of another Member
 * State whose wording the App III check accepted, o from an earlier WTOS allowance. The texts, letters and
 * country lists are those of the provisions; this file only names which residence document shows which
 * group (by the group's key).
 */

/** The App II group a residence document shows, by the key of the group in the provisions. */
const GROUP_KEY_OF_PERMIT: Readonly<Partial<Record<ResidencePermitType, string>>> = {
  'association-decision-1-80': 'turkish-national-association-decision',
  'eu-family-member': 'eu-family-member-permit',
  'asylum-fixed-period': 'asylum-permit-fixed-period',
  'asylum-indefinite-period': 'asylum-permit-indefinite-period',
  'regular-indefinite-period': 'regular-permit-indefinite-period',
  'eu-long-term-resident-netherlands': 'eu-long-term-resident-netherlands',
  'withdrawal-agreement-permanent': 'withdrawal-agreement-permanent-residence',
  'regular-fixed-period': 'regular-permit-fixed-period-qualifying',
  'application-pending': 'awaiting-decision-with-student-finance',
};
const LONG_TERM_RESIDENT_OTHER_STATE = 'eu-long-term-resident-other-state';
const FORMER_WTOS_ALLOWANCE = 'former-wtos-allowance';

/** The group of Appendix II the residence data shows, and why. */
export interface WsfGroupDerivation {
  /** 'group': a group applies; 'no-group': none does; 'needs-review': staff must decide (App III wording, a permit assessed case by case, or a recorded group that differs). */
  outcome: 'group' | 'no-group' | 'needs-review';
  /** The letter of the group, or null. */
  group: WsfGroupLetter | null;
  /** The key of the group in the provisions, e.g. 'eu-long-term-resident-other-state', or null. */
  groupKey: string | null;
  reasons: ProvisionReason[];
}

/** A residence document type as words: 'asylum fixed period'. */
function permitWords(type: ResidencePermitType): string {
  return type.replaceAll('-', ' ');
}

/**
 * The group of Appendix II (a–o) that the student's nationality and recorded residence data show on
 * `onDate` (a permit must be valid on that day), with its reasons. For group k the decision of the
 * App III wording check recorded on the student (`residence.longTermResident.decided`) is taken as given.
 */
export function deriveWsfGroup(
  profile: StudentProfile,
  provisions: Provisions,
  onDate: string,
): WsfGroupDerivation {
  parseIsoDate(onDate);
  const derived = deriveFromResidence(profile, provisions, onDate);
  const recorded = profile.residence.recordedWsfGroup;
  if (recorded === null || recorded === derived.group) return derived;
  const derivedText = derived.group === null ? 'no group' : `group ${derived.group}`;
  return {
    ...derived,
    outcome: 'needs-review',
    reasons: [
      ...derived.reasons,
      {
        article: provisions.wsfGroups.article,
        text: `The file records group ${recorded}, but the residence data shows ${derivedText}, so the file needs review.`,
      },
    ],
  };
}

function deriveFromResidence(
  profile: StudentProfile,
  provisions: Provisions,
  onDate: string,
): WsfGroupDerivation {
  const lookups = feeLookupsFor(provisions);
  const groups = provisions.wsfGroups.groups;
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const reasons: ProvisionReason[] = [];
  const result = (
    group: WsfGroup,
    reason: ProvisionReason,
    ...more: ProvisionReason[]
  ): WsfGroupDerivation => ({
    outcome: 'group',
    group: group.letter as WsfGroupLetter,
    groupKey: group.key,
    reasons: [...reasons, reason, ...more],
  });
  const onDateText = formatLongDate(onDate);

  // a: Dutch nationals.
  const dutch = groups.find((g) => g.key === 'dutch-national');
  if (dutch && profile.nationalities.includes(NETHERLANDS)) {
    return result(dutch, {
      article: `App II ${dutch.letter}`,
      text: `The student is a Dutch national, and so belongs to group ${dutch.letter}.`,
    });
  }
  // b, c, e: nationals of the countries the group lists (d only under special conditions, below).
  const associationDecision = byKey.get(GROUP_KEY_OF_PERMIT['association-decision-1-80'] ?? '');
  for (const group of groups) {
    if (!group.countryCodes || group === associationDecision) continue;
    const code = profile.nationalities.find((c) => group.countryCodes?.includes(c));
    if (code === undefined) continue;
    return result(group, {
      article: `App II ${group.letter}`,
      text: `The student is a national of ${countryText(lookups, code)}, one of the countries group ${group.letter} lists, and so belongs to group ${group.letter}.`,
    });
  }

  // The footnote to group b: British nationals resident in the Netherlands before 31 December 2020.
  const footnote = provisions.wsfGroups.unitedKingdomFootnote;
  const british = profile.nationalities.find((c) => lookups.unitedKingdomCountries.has(c));
  if (british !== undefined) {
    const since = profile.registeredInBrp ? profile.brpRegisteredSince : null;
    const footnoteGroup = groups.find((g) => g.letter === footnote.attachedToGroup);
    // Ambiguity (App II footnote): residence "before 31 December 2020" qualifies; the day itself does not.
    if (since !== null && since < footnote.residentBeforeDate && footnoteGroup) {
      return result(footnoteGroup, {
        article: 'App II footnote',
        text: `The student is a British national registered in the BRP without interruption since ${formatLongDate(since)}, before ${formatLongDate(footnote.residentBeforeDate)}, and so under the withdrawal agreement is treated as group ${footnoteGroup.letter}.`,
      });
    }
    reasons.push({
      article: 'App II footnote',
      text:
        since === null
          ? `The student is a British national not registered in the BRP since before ${formatLongDate(footnote.residentBeforeDate)}, and so is classed as a non-EU/EEA national whose group follows from the residence documents.`
          : `The student is a British national registered in the BRP only since ${formatLongDate(since)}, not before ${formatLongDate(footnote.residentBeforeDate)}, and so is classed as a non-EU/EEA national whose group follows from the residence documents.`,
    });
  }

  // d, f–j, l–n: the Dutch residence document, valid on the day.
  const permit = profile.residence.permit;
  const isPermitValid =
    permit.type !== 'none' &&
    (permit.validFrom === null || permit.validFrom <= onDate) &&
    (permit.validUntil === null || permit.validUntil >= onDate);
  const permitGroup = byKey.get(GROUP_KEY_OF_PERMIT[permit.type] ?? '');
  if (permitGroup) {
    const article = `App II ${permitGroup.letter}`;
    const words = permitWords(permit.type);
    if (!isPermitValid) {
      reasons.push({
        article,
        text: `The student’s residence document (${words}) is not valid on ${onDateText}, so it does not place the student in group ${permitGroup.letter}.`,
      });
    } else if (permitGroup === associationDecision) {
      const turkish = profile.nationalities.find((c) => permitGroup.countryCodes?.includes(c));
      if (turkish === undefined) {
        reasons.push({
          article,
          text: `Group ${permitGroup.letter} concerns Turkish nationals under Association Decision 1/80, and the student is not a national of ${(permitGroup.countryCodes ?? []).map((c) => countryText(lookups, c)).join(' or ')}.`,
        });
      } else {
        return result(permitGroup, {
          article,
          text: `The student is a national of ${countryText(lookups, turkish)} whose residence document shows the rights of Association Decision 1/80, and so belongs to group ${permitGroup.letter}.`,
        });
      }
    } else if (permitGroup.conditions && permit.groupMConditions.length === 0) {
      reasons.push({
        article,
        text: `The regular residence permit for a fixed period counts only if issued under one of the conditions 1°–7° of group ${permitGroup.letter}, and none is recorded.`,
      });
    } else if (permit.type === 'application-pending' && !permit.receivesStudentFinance) {
      reasons.push({
        article,
        text: `The student awaits a decision on a residence permit but does not already receive student finance, so does not belong to group ${permitGroup.letter}.`,
      });
    } else {
      const conditions = [...new Set(permit.groupMConditions)].sort((a, b) => a - b);
      return result(
        permitGroup,
        {
          article,
          text:
            permit.type === 'application-pending'
              ? `The student awaits a decision on a residence permit or its extension and already receives student finance, and so belongs to group ${permitGroup.letter}.`
              : `The student’s Dutch residence document (${words}) is valid on ${onDateText} and places the student in group ${permitGroup.letter}.`,
        },
        ...conditions.map((n) => ({
          article: `${article} ${n}°`,
          text: `The permit was issued under condition ${n}° of group ${permitGroup.letter}.`,
        })),
      );
    }
  }

  // k: long-term resident of another Member State (App III decision) with a valid Dutch residence permit.
  const groupK = byKey.get(LONG_TERM_RESIDENT_OTHER_STATE);
  const ltr = profile.residence.longTermResident;
  let isLongTermResidentUndecided = false;
  if (ltr && groupK) {
    const article = `App II ${groupK.letter}`;
    const stateText = countryText(lookups, ltr.memberState);
    const hasDutchPermit = isPermitValid && permit.type !== 'application-pending';
    if (ltr.memberState === NETHERLANDS) {
      reasons.push({
        article,
        text: `Group ${groupK.letter} concerns long-term residents of a Member State other than the Netherlands, whose own status is recorded as a residence document of group j.`,
      });
    } else if (ltr.decided === 'no-match') {
      reasons.push({
        article: provisions.longTermResidentTerms.article,
        text: `The wording on the residence document of ${stateText} matches none of the terms Appendix III lists for that state, so it does not show EU long-term resident status.`,
      });
    } else if (ltr.decided === 'needs-review' || ltr.decided === undefined) {
      isLongTermResidentUndecided = true;
      reasons.push({
        article: provisions.longTermResidentTerms.article,
        text:
          ltr.decided === undefined
            ? `The wording on the residence document of ${stateText} has not yet been checked against Appendix III, so group ${groupK.letter} cannot be decided yet.`
            : `The wording on the residence document of ${stateText} needs review against Appendix III before group ${groupK.letter} can be decided.`,
      });
    } else if (!hasDutchPermit) {
      reasons.push({
        article,
        text: `Long-term resident status of ${stateText} counts only with a valid Dutch residence permit, and none valid on ${onDateText} is recorded.`,
      });
    } else {
      const reviewed =
        ltr.reviewedBy !== null && ltr.reviewedOn !== null
          ? `, as ${ltr.reviewedBy} recorded on ${formatLongDate(ltr.reviewedOn)}`
          : '';
      return result(
        groupK,
        {
          article,
          text: `The student is a long-term resident of ${stateText} under Directive 2003/109/EC and holds a Dutch residence permit (${permitWords(permit.type)}) valid on ${onDateText}, and so belongs to group ${groupK.letter}.`,
        },
        {
          article: provisions.longTermResidentTerms.article,
          text: `The wording on the residence document of ${stateText} matches a term Appendix III lists for that state${reviewed}.`,
        },
      );
    }
  }

  // o: an earlier WTOS allowance.
  const groupO = byKey.get(FORMER_WTOS_ALLOWANCE);
  if (groupO && profile.residence.hasReceivedWtosAllowance) {
    return result(groupO, {
      article: `App II ${groupO.letter}`,
      text: `The student previously received an allowance under the WTOS, and so belongs to group ${groupO.letter}.`,
    });
  }

  const who =
    profile.nationalities.length === 0
      ? 'The student is stateless'
      : `The student is a national of ${profile.nationalities.map((c) => countryText(lookups, c)).join(' and ')}`;
  if (isLongTermResidentUndecided) {
    return { outcome: 'needs-review', group: null, groupKey: null, reasons };
  }
  if (isPermitValid && permit.type === 'other') {
    reasons.push({
      article: provisions.wsfGroups.article,
      text: `${who} with a Dutch residence permit of a kind Appendix II does not list, which is assessed case by case.`,
    });
    return { outcome: 'needs-review', group: null, groupKey: null, reasons };
  }
  reasons.push({
    article: provisions.wsfGroups.article,
    text:
      isPermitValid && permit.type === 'study'
        ? `${who} with a Dutch residence permit for study, which shows none of the groups of Appendix II, and no other ground for a group is recorded.`
        : `${who} and holds no residence document that places the student in a group of Appendix II.`,
  });
  return { outcome: 'no-group', group: null, groupKey: null, reasons };
}
