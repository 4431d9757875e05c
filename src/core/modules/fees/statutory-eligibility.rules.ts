import { DeskError } from '../../../shared/errors';
import type { DutchDegreeType, FeeFacts } from '../../../shared/facts/fee-facts';
import { NETHERLANDS, firstDayOfMonthIndex, monthIndexOf, type FeeLookups } from './fee-lookups';
import { checkLongTermResidentWording } from '../residence/long-term-resident.rules';
import { documentDeadline, isInTime, type EnrolmentTiming } from './enrolment-timing.rules';
import { countriesText, countryText, dateText, type FeeReason } from './fee-reasons';

/*
 * Paragraphs 1a and 1b of Article 16 (and 18), with what the provisions attach to them: the groups of
 * Appendix II and the terms of Appendix III, the United Kingdom footnote, dual nationality (16.6), the
 * permit deadline (14.5), eligibility during the year (16.5), the degree definitions (16.2–16.4) and the
 * exception for simultaneous programmes (19.1–19.2).
 */

/** Paragraph 1b: whether and from which month of the year the student belongs to a WSF group (or is a Suriname national). */
export interface Paragraph1bAssessment {
  /** First month (0 = September) from which paragraph 1b is met; null when not met this year. */
  fromIndex: number | null;
  reasons: FeeReason[];
}

/** Paragraph 1a: no Dutch degree of the level since 1991, or an exception (16.2, Art 19). */
export interface Paragraph1aAssessment {
  isMet: boolean;
  /** How it is met: no degree (1a), the healthcare/teaching exception (16.2 / 18.2) or simultaneous programmes (Art 19). */
  via: 'no-degree' | 'healthcare-or-teaching' | 'simultaneous-programmes' | null;
  /** Art 30.1: ROD HO records a bachelor's or master's degree (or equivalent) obtained since 1991 before this enrolment. */
  hasDegreeSince1991: boolean;
  reasons: FeeReason[];
}

/** Degree types that count as a bachelor's degree (Art 16.3, 16.4) and as a master's degree (Art 16.4). */
const COUNTS_AS_BACHELOR: ReadonlySet<DutchDegreeType> = new Set([
  'bachelor',
  'hbo-final-examination-168-credits',
  'university-final-examination-art-7-8',
  'final-examination-art-18-15',
]);
const COUNTS_AS_MASTER: ReadonlySet<DutchDegreeType> = new Set([
  'master',
  'university-final-examination-art-7-8',
  'final-examination-art-18-15',
]);

/** The paragraph of Art 16.3 / 16.4 that makes a degree type count, for the reasons. */
function definitionArticle(type: DutchDegreeType, level: 'bachelor' | 'initial-master'): string | null {
  if (type === 'hbo-final-examination-168-credits') return 'Art 16.3';
  if (type === 'university-final-examination-art-7-8') return level === 'bachelor' ? 'Art 16.3' : 'Art 16.4';
  if (type === 'final-examination-art-18-15') return 'Art 16.4';
  return null;
}

const DEGREE_TYPE_TEXT: Readonly<Record<DutchDegreeType, string>> = {
  bachelor: 'a bachelor’s degree',
  master: 'a master’s degree',
  'hbo-final-examination-168-credits': 'the final examination of a 168-credit higher vocational programme',
  'university-final-examination-art-7-8':
    'the final examination of a university programme under Article 7.8 WHW',
  'final-examination-art-18-15': 'a final examination under Article 18.15 WHW',
};

/** Art 16.6: the nationalities that determine the fee (the BRP nationality for an EU/EEA + non-EU/EEA national). */
export function determiningNationalities(
  facts: FeeFacts,
  lookups: FeeLookups,
  reasons: FeeReason[],
): string[] {
  const euEea = facts.nationalities.filter((c) => lookups.euEeaCountries.has(c));
  if (euEea.length === 0 || euEea.length === facts.nationalities.length) return facts.nationalities;
  const others = facts.nationalities.filter((c) => !lookups.euEeaCountries.has(c));
  if (facts.brpNationality === null) {
    throw new DeskError(
      'validation',
      `The student is a national of ${countriesText(lookups, euEea)} (EU/EEA) and of ${countriesText(lookups, others)}: record the nationality registered in the BRP, which determines the fee (Art 16.6).`,
      { field: 'brpNationality' },
    );
  }
  reasons.push({
    article: 'Art 16.6',
    text: `The student is a national of ${countriesText(lookups, euEea)}, an EU/EEA country, and of ${countriesText(lookups, others)}; the nationality registered in the BRP, ${countryText(lookups, facts.brpNationality)}, determines the fee.`,
  });
  return [facts.brpNationality];
}

/**
 * Paragraph 1b of Art 16 (or 18): a group of Article 2.2 WSF 2000 (Appendix II) or Suriname nationality,
 * and from which month of the year (Art 16.5). `paragraph` is 'Art 16.1b' or 'Art 18.1b';
 * `appliesPermitDeadline` is false for examination fees, which Art 14.5 does not name.
 */
export function assessParagraph1b(
  facts: FeeFacts,
  lookups: FeeLookups,
  timing: EnrolmentTiming,
  paragraph: 'Art 16.1b' | 'Art 18.1b',
  appliesPermitDeadline: boolean,
): Paragraph1bAssessment {
  const result = assessGroupMembership(facts, lookups, timing, paragraph, appliesPermitDeadline);
  // Art 18.3: paragraphs 5 and 6 of Article 16 apply to the part-time programme through Article 18.3.
  if (
    paragraph === 'Art 18.1b' &&
    result.reasons.some((r) => r.article === 'Art 16.5' || r.article === 'Art 16.6')
  ) {
    result.reasons.push(PART_TIME_ACCORDINGLY);
  }
  return result;
}

/** Art 18.3, cited whenever a paragraph of Art 16.3–16.6 decides a part-time enrolment. */
export const PART_TIME_ACCORDINGLY: FeeReason = {
  article: 'Art 18.3',
  text: 'Article 16 paragraphs 3 to 6 apply accordingly to the part-time programme.',
};

function assessGroupMembership(
  facts: FeeFacts,
  lookups: FeeLookups,
  timing: EnrolmentTiming,
  paragraph: 'Art 16.1b' | 'Art 18.1b',
  appliesPermitDeadline: boolean,
): Paragraph1bAssessment {
  const reasons: FeeReason[] = [];
  const nationalities = determiningNationalities(facts, lookups, reasons);
  const { provisions } = lookups;

  // Groups a, b, c and e: by nationality; Art 14.5 asks no residence permit of EU/EEA or Swiss nationals.
  if (nationalities.includes(NETHERLANDS)) {
    reasons.push({
      article: 'App II a',
      text: 'The student is a Dutch national and so belongs to a group of Article 2.2 WSF 2000.',
    });
    return { fromIndex: 0, reasons };
  }
  for (const code of nationalities) {
    const group = lookups.nationalityGroups.get(code);
    if (!group) continue;
    const what =
      group.key === 'eu-national'
        ? 'an EU Member State'
        : group.key === 'eea-national'
          ? 'an EEA country that is not an EU Member State'
          : `whose nationals group ${group.letter} names`;
    reasons.push({
      article: `App II ${group.letter}`,
      text: `The student is a national of ${countryText(lookups, code)}, ${what}, and so belongs to a group of Article 2.2 WSF 2000.`,
    });
    return { fromIndex: 0, reasons };
  }
  for (const code of nationalities) {
    if (!lookups.surinameCountries.has(code)) continue;
    // Ambiguity (Art 14.5 / 16.1b): 14.5 asks every non-EU/EEA/Swiss national for a WSF-group permit, but
    // 16.1b admits Suriname nationals as such; the specific rule of 16.1b is followed.
    reasons.push({
      article: paragraph,
      text: `The student is a national of ${countryText(lookups, code)}; paragraph 1b admits Suriname nationals to the statutory fee by nationality, without a residence permit of a WSF group.`,
    });
    return { fromIndex: 0, reasons };
  }
  const footnote = provisions.wsfGroups.unitedKingdomFootnote;
  for (const code of nationalities) {
    if (!lookups.unitedKingdomCountries.has(code)) continue;
    const since = facts.brpRegisteredSince;
    // Ambiguity (App II footnote): residence "before 31 December 2020" qualifies and moves "after" do not;
    // the day itself is in neither, and by the letter it does not qualify.
    if (since !== null && since < footnote.residentBeforeDate) {
      reasons.push({
        article: 'App II footnote',
        text: `The student is a British national registered in the BRP without interruption since ${dateText(since)}, before ${dateText(footnote.residentBeforeDate)}, and so remains eligible for the statutory fee under the withdrawal agreement.`,
      });
      return { fromIndex: 0, reasons };
    }
    reasons.push({
      article: 'App II footnote',
      text:
        since === null
          ? `The student is a British national without a BRP registration since before ${dateText(footnote.residentBeforeDate)}, and so is classed as a non-EU/EEA national: only a residence permit of a WSF group can qualify.`
          : `The student is a British national registered in the BRP since ${dateText(since)}, not before ${dateText(footnote.residentBeforeDate)}, and so is classed as a non-EU/EEA national: only a residence permit of a WSF group can qualify.`,
    });
  }

  // Groups d, f–o: by residence permit (Art 14.5); group k with Appendix III.
  const permit = facts.residencePermit;
  let groupLetter: string | null = null;
  const groupReasons: FeeReason[] = [];
  if (permit?.wsfGroup) {
    const group = lookups.wsfGroupsByLetter.get(permit.wsfGroup);
    if (permit.wsfGroup === 'd' && !nationalities.some((c) => lookups.associationDecisionCountries.has(c))) {
      reasons.push({
        article: 'App II d',
        text: `Group d concerns Turkish nationals under Association Decision 1/80; the student’s nationality (${countriesText(lookups, nationalities) || 'none'}) is not Turkish.`,
      });
    } else if (permit.wsfGroup === 'm' && permit.groupMConditions.length === 0) {
      reasons.push({
        article: 'App II m',
        text: 'The fixed-period regular residence permit counts only if issued under one of the conditions 1°–7° of group m, and none is recorded.',
      });
    } else if (group) {
      groupLetter = group.letter;
      groupReasons.push({
        article: `App II ${group.letter}`,
        text:
          group.letter === 'd'
            ? `The student is a Turkish national whose residence permit shows the rights of Association Decision 1/80, and so belongs to group d of Article 2.2 WSF 2000.`
            : `The student’s Dutch residence permit shows group ${group.letter} of Article 2.2 WSF 2000 (${group.key.replaceAll('-', ' ')}).`,
      });
      if (group.letter === 'm') {
        for (const condition of [...new Set(permit.groupMConditions)].sort((a, b) => a - b)) {
          groupReasons.push({
            article: `App II m ${condition}°`,
            text: `The permit was issued under condition ${condition}° of group m.`,
          });
        }
      }
    }
  } else if (facts.euLongTermResidence) {
    const ltr = facts.euLongTermResidence;
    const state = lookups.longTermResidentStates.get(ltr.memberState);
    const stateText = countryText(lookups, ltr.memberState);
    if (ltr.memberState === NETHERLANDS) {
      reasons.push({
        article: 'App II k',
        text: 'Group k concerns long-term residents of a Member State other than the Netherlands; Dutch EU long-term resident status is group j of the residence permit.',
      });
    } else if (!state) {
      reasons.push({
        article: 'App III',
        text: `${stateText} is not a Member State listed in Appendix III, so its residence status cannot place the student in group k.`,
      });
    } else if (state.neverMatches) {
      reasons.push({
        article: 'App III',
        text: `${stateText} has not implemented Directive 2003/109/EC and issues no EU long-term resident status, so the student is not in group k.`,
      });
    } else if (!permit) {
      reasons.push({
        article: 'App II k',
        text: `Long-term resident status of ${stateText} counts only in combination with a valid Dutch residence permit, and none is recorded.`,
      });
    } else {
      // App III: the wording on the document, matched by the residence module's checker.
      const check = checkLongTermResidentWording(provisions, {
        memberState: ltr.memberState,
        wording: ltr.permitTerm,
      });
      if (check.outcome !== 'match' || !check.matchedTerm) {
        reasons.push({
          article: 'App III',
          text:
            check.outcome === 'needs-review'
              ? `The term “${ltr.permitTerm}” needs review against the terms Appendix III lists for ${stateText}, so the long-term resident status is not shown until staff confirm it: ${check.reasons[0].text}`
              : `The term “${ltr.permitTerm}” is not among the terms Appendix III lists for ${stateText}, so the long-term resident status is not shown.`,
        });
      } else {
        groupLetter = 'k';
        groupReasons.push({
          article: 'App II k',
          text: `The student is a long-term resident of ${stateText} under Directive 2003/109/EC and holds a valid Dutch residence permit (${permit.purpose === 'study' ? 'for study' : 'of another purpose'}), and so belongs to group k of Article 2.2 WSF 2000.`,
        });
        groupReasons.push({
          article: 'App III',
          text: `The residence document of ${stateText} bears “${ltr.permitTerm}”, which Appendix III lists as “${check.matchedTerm.term}”${check.matchedTerm.former ? ' (a former term)' : ''}.`,
        });
      }
    }
  }

  if (groupLetter !== null && permit) {
    const validFrom = permit.validFrom;
    if (validFrom !== null && validFrom > timing.effectiveStart) {
      // Art 16.5: conditions met during the year → statutory fee from the following month, on request.
      const fromIndex = monthIndexOf(lookups.calendar, validFrom) + 1;
      reasons.push(...groupReasons);
      if (fromIndex >= 12) {
        reasons.push({
          article: 'Art 16.5',
          text: `The permit places the student in group ${groupLetter} only from ${dateText(validFrom)}, so no month of this academic year follows the month in which paragraph 1b is met.`,
        });
        return { fromIndex: null, reasons };
      }
      reasons.push({
        article: 'Art 16.5',
        text: `The permit places the student in group ${groupLetter} from ${dateText(validFrom)}, during the academic year, so on the student’s request the statutory fee is charged from the following month, ${dateText(firstDayOfMonthIndex(lookups.calendar, fromIndex))}.`,
      });
      return { fromIndex, reasons };
    }
    if (appliesPermitDeadline) {
      const deadline = documentDeadline(
        timing,
        provisions.fees.residencePermitForStatutoryFeeSeptemberDate,
        provisions.fees.residencePermitForStatutoryFeeFebruaryDate,
      );
      const submittedOn = permit.submittedOn;
      const deadlineText = `${deadline.isInclusive ? 'by' : 'before'} ${dateText(deadline.date)}`;
      if (submittedOn !== null && !isInTime(submittedOn, deadline)) {
        reasons.push(...groupReasons);
        reasons.push({
          article: 'Art 14.5',
          text: `The residence permit was submitted on ${dateText(submittedOn)}, not ${deadlineText}, so the student is not eligible for the statutory fee on its basis.`,
        });
        return { fromIndex: null, reasons };
      }
      reasons.push(...groupReasons);
      reasons.push({
        article: 'Art 14.5',
        text: `The residence permit showing group ${groupLetter} was submitted ${submittedOn === null ? 'in time' : `on ${dateText(submittedOn)}`}, ${deadlineText}.`,
      });
      return { fromIndex: 0, reasons };
    }
    reasons.push(...groupReasons);
    return { fromIndex: 0, reasons };
  }

  const nationalityText =
    nationalities.length === 0 ? 'stateless' : `a national of ${countriesText(lookups, nationalities)}`;
  const permitText = !permit
    ? 'holds no Dutch residence permit of a group of Appendix II'
    : permit.wsfGroup === null
      ? `holds a Dutch residence permit${permit.purpose === 'study' ? ' for study' : ''} that shows no group of Appendix II`
      : 'holds no residence permit that places them in a group of Appendix II';
  reasons.push({
    article: paragraph,
    text: `The student is ${nationalityText}, not of an EU/EEA country, Switzerland or Suriname, and ${permitText}, so paragraph 1b is not met.`,
  });
  return { fromIndex: null, reasons };
}

/**
 * Paragraph 1a of Art 16 (or 18.1a for part-time): no Dutch degree of the level in ROD HO since
 * 1 September 1991 before this enrolment, with the definitions of 16.3–16.4, the healthcare/teaching
 * exception of 16.2 (18.2) and, where `allowsSimultaneousProgrammes`, the exception of Art 19.1–19.2.
 */
export function assessParagraph1a(
  facts: FeeFacts,
  lookups: FeeLookups,
  timing: EnrolmentTiming,
  level: 'bachelor' | 'initial-master',
  isPartTime: boolean,
  allowsSimultaneousProgrammes: boolean,
): Paragraph1aAssessment {
  const reasons: FeeReason[] = [];
  const since = lookups.provisions.fees.rodHoRecordsSinceDate.date;
  const counts = level === 'bachelor' ? COUNTS_AS_BACHELOR : COUNTS_AS_MASTER;
  const degreeName = level === 'bachelor' ? 'bachelor’s' : 'master’s';
  const paragraph = isPartTime ? 'Art 18.1a' : 'Art 16.1a';
  const exceptionParagraph = isPartTime ? 'Art 18.2' : 'Art 16.2';

  const blocking: FeeFacts['rodHo']['degrees'] = [];
  const predating: FeeFacts['rodHo']['degrees'] = [];
  let hasDegreeSince1991 = false;
  for (const degree of facts.rodHo.degrees) {
    if (degree.awardedOn >= timing.effectiveStart) continue; // not obtained prior to this enrolment
    if (degree.awardedOn < since) {
      predating.push(degree);
      continue;
    }
    hasDegreeSince1991 = true;
    if (counts.has(degree.type)) blocking.push(degree);
  }
  const predatingText =
    predating.length > 0
      ? ` (the degree of ${dateText(predating[0].awardedOn)} predates those records and does not count)`
      : '';

  if (blocking.length === 0) {
    reasons.push({
      article: paragraph,
      text: `ROD HO records since ${dateText(since)} show no Dutch ${degreeName} degree obtained before this enrolment${predatingText}, so paragraph 1a is met.`,
    });
    return { isMet: true, via: 'no-degree', hasDegreeSince1991, reasons };
  }

  const first = blocking[0];
  const degreeText = `${DEGREE_TYPE_TEXT[first.type]} obtained on ${dateText(first.awardedOn)}`;
  const definition = definitionArticle(first.type, level);
  const definitionReasons: FeeReason[] = [];
  if (definition !== null) {
    definitionReasons.push({
      article: definition,
      text: `ROD HO records ${degreeText}, which counts as a ${degreeName} degree for paragraph 1a.`,
    });
    if (isPartTime) definitionReasons.push(PART_TIME_ACCORDINGLY);
  }

  if (facts.isFirstDegreeInHealthcareOrTeaching) {
    reasons.push(...definitionReasons, {
      article: exceptionParagraph,
      text: `The student holds ${degreeText}, but this programme is, per CROHO, the student’s first degree in healthcare or teaching, so paragraph 1a does not apply.`,
    });
    return { isMet: true, via: 'healthcare-or-teaching', hasDegreeSince1991, reasons };
  }

  if (allowsSimultaneousProgrammes && facts.programmeFirstEnrolledOn !== null) {
    const enrolledOn = facts.programmeFirstEnrolledOn;
    const isBeforeNotification = blocking.every((d) => enrolledOn < (d.graduationNotifiedOn ?? d.awardedOn));
    if (isBeforeNotification && facts.followsProgrammeInConsecutiveYears) {
      reasons.push(...definitionReasons, {
        article: 'Art 19.1',
        text: `The student enrolled in this programme on ${dateText(enrolledOn)}, while following the programme of ${degreeText} and before obtaining it, so the statutory fee applies to this programme.`,
      });
      reasons.push({
        article: 'Art 19.2',
        text: `The enrolment preceded the graduation notification to the Minister (${dateText(first.graduationNotifiedOn ?? first.awardedOn)}) and the student follows this programme in consecutive academic years.`,
      });
      return { isMet: true, via: 'simultaneous-programmes', hasDegreeSince1991, reasons };
    }
    reasons.push({
      article: 'Art 19.2',
      text: isBeforeNotification
        ? 'The student does not follow this programme in consecutive academic years, so Article 19 does not keep the statutory fee.'
        : `The student enrolled in this programme on ${dateText(enrolledOn)}, not before the graduation notification of ${dateText(first.graduationNotifiedOn ?? first.awardedOn)}, so Article 19 does not keep the statutory fee.`,
    });
  }

  reasons.push(...definitionReasons, {
    article: paragraph,
    text: `ROD HO records ${degreeText}, before this enrolment in a ${degreeName} programme, so paragraph 1a is not met.`,
  });
  return { isMet: false, via: null, hasDegreeSince1991, reasons };
}

/** Art 25.1 / 26.1: how the refugee facts read in a reason ('is regarded in the Netherlands as a recognised refugee'). */
export function refugeeStatusText(facts: FeeFacts): string {
  const refugee = facts.refugee;
  if (!refugee) return '';
  const status =
    refugee.status === 'recognised-refugee'
      ? 'is regarded in the Netherlands as a recognised refugee'
      : 'holds a valid W-document (Article 8f Aliens Act)';
  return refugee.isUafSupported ? `${status}, supported by the UAF` : status;
}
