import type { MoneyFeeKey } from '../../provisions/provisions.schema';
import { documentDeadline, isInTime } from './enrolment-timing.rules';
import type { AnnualFee, StatutoryFee, TuitionFeeContext } from './fee-assessment';
import type { OtherEnrolment } from '../../../shared/facts/fee-facts';
import type { ResolvedProgramme } from './fee-lookups';
import { dateText, euroText, type FeeReason } from './fee-reasons';

/** Fee kinds a BBC can show that count as "the statutory tuition fee" (Art 14.6, 20.5, 21.4, 30.5). */
export const STATUTORY_BBC_KINDS: ReadonlySet<OtherEnrolment['feeKind']> = new Set([
  'statutory',
  'low-statutory',
  'high-statutory',
]);

/**
 * Art 19.3, 20.3–20.5, 21.3–21.4, 30.1–30.4, 30.6–30.7: what the student's other enrolments of the year
 * (`others`, those not yet completed) exempt from or take off the statutory fee `base` of this programme.
 * The most favourable basis is taken; when none qualifies the fee stands, with the reasons why.
 */
export function applySimultaneousEnrolments(
  context: TuitionFeeContext,
  base: StatutoryFee,
  others: readonly OtherEnrolment[],
  isLowFeeMonth: boolean,
  isFirstEnrolment: boolean,
): AnnualFee {
  if (others.length === 0) return base;
  const { fees } = context.lookups.provisions;
  const name = context.programme.printedName;
  const reasons = [...base.reasons];
  const isTwoFirstBachelors = isLowFeeMonth && isFirstEnrolment && others.some((o) => o.level === 'bachelor');
  if (isTwoFirstBachelors) {
    reasons.push({
      article: 'Art 19.3',
      text: 'The student enrols for the first time in higher education in two bachelor’s programmes simultaneously, so the low statutory fee applies to both.',
    });
  }
  // Art 30.7 excludes claims under 16.2 from every exemption; Art 30.1 (and the joint fees "pursuant to"
  // it) also asks that ROD HO records no bachelor's or master's degree since 1991.
  const healthcareGate: FeeReason | null =
    context.paragraph1a.via === 'healthcare-or-teaching'
      ? {
          article: 'Art 30.7',
          text: 'The student claims the statutory fee on the grounds of Article 16.2 (a first degree in healthcare or teaching), so is not exempt from it for another simultaneous enrolment.',
        }
      : null;
  const gate: FeeReason | null =
    healthcareGate ??
    (context.paragraph1a.hasDegreeSince1991
      ? {
          article: 'Art 30.1',
          text: 'ROD HO records a bachelor’s or master’s degree obtained since 1991, so paragraph 1 gives no exemption for simultaneous programmes.',
        }
      : null);

  const choice: { best: { annualCents: number; reasons: FeeReason[] } | null } = { best: null };
  const notes: FeeReason[] = [];
  const consider = (annualCents: number, candidateReasons: FeeReason[]) => {
    if (choice.best === null || annualCents < choice.best.annualCents) {
      choice.best = { annualCents, reasons: candidateReasons };
    }
  };
  const supplementReasons = (): FeeReason[] =>
    base.supplementCents > 0
      ? [
          {
            article: 'Art 30.2',
            text: `${name} has a high statutory fee, so the surcharge for small-scale and intensive education, ${euroText(base.supplementCents)}, remains due.`,
          },
        ]
      : [];
  const generic = (other: OtherEnrolment, label: string, extra: FeeReason[]) => {
    if (gate) {
      notes.push(gate);
      return;
    }
    const full = fees.statutoryTuitionFeeCents.amountCents;
    const paid = other.feePaidCents;
    const isLowAtUmForBoth =
      base.kind === 'low-statutory' && other.institution === 'um' && other.feeKind === 'low-statutory';
    if (isLowAtUmForBoth) {
      consider(0, [
        ...extra,
        {
          article: 'Art 30.1',
          text: `The student pays for ${label}, so is exempt from the statutory fee for this programme.`,
        },
        {
          article: 'Art 30.3',
          text: 'Both enrolments at UM carry the low statutory fee without a surcharge for small-scale and intensive education, so no difference with the full statutory fee is due.',
        },
      ]);
      return;
    }
    const difference = Math.max(0, full - paid);
    const part = Math.min(base.statutoryPartCents, difference);
    const text =
      difference === 0
        ? `The fee of ${euroText(paid)} paid or owing for ${label} is not lower than the full statutory fee of ${euroText(full)}, so the student is exempt from the statutory fee for this programme.`
        : part < base.statutoryPartCents
          ? `The fee of ${euroText(paid)} paid or owing for ${label} is lower than the full statutory fee of ${euroText(full)}, so the student pays the difference: ${euroText(part)}.`
          : `The fee of ${euroText(paid)} paid or owing for ${label} leaves a difference with the full statutory fee of ${euroText(full)} not smaller than the fee of this programme, so no reduction results.`;
    consider(part + base.supplementCents, [...extra, { article: 'Art 30.1', text }, ...supplementReasons()]);
  };

  for (const other of others) {
    if (other.institution === 'course-fee-programme') {
      if (healthcareGate) {
        notes.push(healthcareGate);
        continue;
      }
      const part = Math.max(0, base.statutoryPartCents - other.feePaidCents);
      consider(part + base.supplementCents, [
        {
          article: 'Art 30.4',
          text:
            part === 0
              ? `The student pays a course fee of ${euroText(other.feePaidCents)} for a publicly funded programme, not less than the statutory fee of ${euroText(base.statutoryPartCents)}, so is exempt from the tuition fee at UM.`
              : `The student pays a course fee of ${euroText(other.feePaidCents)} for a publicly funded programme, so pays UM the difference with the statutory fee of ${euroText(base.statutoryPartCents)}: ${euroText(part)}.`,
        },
        ...supplementReasons(),
      ]);
      continue;
    }
    if (other.level === 'other') {
      notes.push({
        article: 'Art 30.1',
        text: 'The other enrolment is not in a bachelor’s or initial master’s programme, so it gives no exemption.',
      });
      continue;
    }
    const levelText = other.level === 'bachelor' ? 'bachelor’s' : 'initial master’s';
    if (other.institution === 'um') {
      const otherProgramme = other.programmeCode
        ? context.lookups.programmes.get(other.programmeCode)
        : undefined;
      const label = otherProgramme
        ? `${otherProgramme.printedName} at UM`
        : `the other ${levelText} programme at UM`;
      const joint = jointUmFeeKey(context, base, otherProgramme, isLowFeeMonth);
      if (joint) {
        if (gate) {
          notes.push(gate);
          continue;
        }
        const together = fees[joint];
        const annual = Math.min(base.annualCents, Math.max(0, together.amountCents - other.feePaidCents));
        consider(annual, [
          {
            article: together.article,
            text: `The student is also enrolled in ${label}; for both programmes together UM charges ${euroText(together.amountCents)}, of which ${euroText(other.feePaidCents)} is paid or owing there, leaving ${euroText(annual)} for this programme.`,
          },
          {
            article: 'Art 30.1',
            text: `The joint fee applies on the basis of paying for the other UM enrolment.`,
          },
        ]);
        continue;
      }
      generic(other, label, []);
      continue;
    }
    // Another institution: an original BBC for the statutory fee, submitted in time (Art 14.6).
    const where =
      other.institution === 'open-university' ? 'the Open University' : 'another Dutch institution';
    if (other.bbcSubmittedOn === null) {
      notes.push({
        article: 'Art 14.6',
        text: `No BBC of ${where} has been submitted, so the enrolment there gives no exemption.`,
      });
      continue;
    }
    if (!STATUTORY_BBC_KINDS.has(other.feeKind)) {
      notes.push({
        article: 'Art 14.6',
        text: `The BBC of ${where} shows no statutory tuition fee, so it gives no exemption.`,
      });
      continue;
    }
    // Ambiguity (Art 14.6): the deadline is written for Art 30.1–30.2; it is applied to every BBC exemption.
    const deadline = documentDeadline(
      context.timing,
      context.facts.isReEnrolment
        ? fees.bbcOtherInstitutionReEnrolmentDate
        : fees.bbcOtherInstitutionSeptemberDate,
      fees.bbcOtherInstitutionFebruaryDate,
    );
    const deadlineText = `${deadline.isInclusive ? 'by' : 'before'} ${dateText(deadline.date)}`;
    if (!isInTime(other.bbcSubmittedOn, deadline)) {
      notes.push({
        article: 'Art 14.6',
        text: `The BBC of ${where} was submitted on ${dateText(other.bbcSubmittedOn)}, not ${deadlineText}, so it gives no exemption.`,
      });
      continue;
    }
    const bbcReason: FeeReason = {
      article: 'Art 14.6',
      text: `An original BBC of ${where} for the statutory fee of a ${levelText} programme was submitted on ${dateText(other.bbcSubmittedOn)}, ${deadlineText}.`,
    };
    const regime = base.regime;
    const isSameLevel = other.level === context.level;
    if (regime && isSameLevel) {
      const entry = fees[regime.feeKeys.supplementOnlyWithBbc];
      consider(Math.min(base.annualCents, entry.amountCents), [
        bbcReason,
        {
          article: entry.article,
          text: `The student follows ${name} together with a ${levelText} programme elsewhere in the Netherlands and submitted its BBC, so pays UM only the additional fee for small-scale and intensive education: ${euroText(entry.amountCents)}.`,
        },
      ]);
      continue;
    }
    if (other.institution === 'open-university') {
      notes.push(bbcReason, {
        article: 'Art 30.1',
        text: 'Paragraph 1 excludes the Open University, so the enrolment there gives no exemption.',
      });
      continue;
    }
    generic(other, `the ${levelText} programme at another Dutch institution`, [bbcReason]);
  }

  const chosen = choice.best;
  if (chosen === null) {
    return {
      ...base,
      reasons: [
        ...reasons,
        ...notes,
        {
          article: 'Art 30.6',
          text: 'The student meets none of the conditions of paragraphs 1 to 5, so the other enrolment gives no reduction or exemption.',
        },
      ],
    };
  }
  if (isTwoFirstBachelors) {
    reasons.push({
      article: 'Art 19.4',
      text: 'Pursuant to Article 30, the student of paragraph 3 is exempted from, or pays a reduced, (low) statutory fee for the second programme.',
    });
  }
  return {
    kind: chosen.annualCents === 0 ? 'none' : base.kind,
    annualCents: chosen.annualCents,
    isStatutory: true,
    reasons: [...reasons, ...chosen.reasons],
  };
}

/** Art 20.3, 20.4, 21.3: the fee key UM charges for this programme and another UM programme together, or null. */
function jointUmFeeKey(
  context: TuitionFeeContext,
  base: StatutoryFee,
  other: ResolvedProgramme | undefined,
  isLowFeeMonth: boolean,
): MoneyFeeKey | null {
  if (context.isPartTime || !other?.initial || other.code === context.programme.code) return null;
  // The regime charged: none for the legacy cohort of Art 20.7, which is charged "contrary to paragraphs 1 to 6".
  const regime = base.regime;
  const otherRegime = other.regime;
  if (regime && otherRegime && regime.id === otherRegime.id) {
    // Art 20.3: a student of Art 17.1 at both UCM and MSP. Ambiguity (Art 20.4): "another UM bachelor's
    // programme" is read as one outside Liberal Arts and Sciences, so a student not of Art 17.1 at both
    // UCM and MSP pays the surcharge twice under Art 30.1–30.2.
    return isLowFeeMonth ? regime.feeKeys.highLowStatutoryBothProgrammes : null;
  }
  if (other.level !== context.programme.level) return null;
  if (regime && !otherRegime) return regime.feeKeys.withOtherUmProgramme;
  if (!regime && otherRegime) return otherRegime.feeKeys.withOtherUmProgramme;
  return null;
}
