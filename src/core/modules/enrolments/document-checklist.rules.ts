import type { EnrolmentRequest, StudentProfile } from '../../../shared/facts/student-profile';
import type { DateEntry, Provisions, RequiredDocument } from '../../provisions/provisions.schema';
import { feeLookupsFor } from '../fees/fee-lookups';
import { countryText } from '../fees/fee-reasons';
import { formatLongDate, parseIsoDate } from '../payments/calendar-dates';
import type { ProvisionReason } from '../payments/provision-reason';
import {
  ageOn,
  countriesWithTreatment,
  enrolmentRound,
  interimStartAllowed,
  nationalityText,
} from './eligibility.rules';

/*
 * Article 13: which of the documents a–g an enrolment needs, by when, and what a document still missing
 * at the start of the programme means (13.3). Who is exempt is read from the provisions: the `appliesTo`
 * of each document and the country groups to which Art 13.1a, 13.1e and 13.1f attach a treatment.
 */

/** A document of Art 13.1, by its letter. */
export type DocumentId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

/** Art 13.1e: which proof of lawful residence is asked. */
export type ResidenceProofVariant = 'dutch-residence-permit' | 'residence-in-neighbouring-country';

/** Whether one document of Art 13.1 is required for an enrolment, by when, and why. */
export interface RequiredDocumentDecision {
  document: DocumentId;
  /** Machine-readable key from the provisions, e.g. 'passport-or-identity-card'. */
  key: string;
  label: string;
  /** The item of Art 13.1, e.g. 'Art 13.1d'. */
  article: string;
  required: boolean;
  /** The deadline; null when not required, or when it depends on a date not recorded (Art 12.3). */
  deadline: string | null;
  /** 'before': at the latest the day before `deadline` (the provisions say "before 31 August"). */
  deadlineRelation: 'before' | 'by' | null;
  /** Which rule sets the deadline: Art 13.1, the earlier one of Art 13.1a for prior education outside the EU/EEA, or the start of the programme (Art 13.3). */
  deadlineKind: 'first-enrolment' | 'non-eu-prior-education' | 'start-of-programme' | null;
  /** Whether `today` is past the deadline. */
  isPastDeadline: boolean;
  /** Art 13.1e: the proof asked; null for the other documents or when not required. */
  variant: ResidenceProofVariant | null;
  /** Art 13.1f: to be signed again every academic year. */
  renewEveryAcademicYear: boolean;
  reasons: ProvisionReason[];
}

/** What the documents still missing mean for the enrolment (Art 13.1a, 13.3). */
export interface MissingDocumentConsequence {
  /**
   * 'complete': nothing required is missing; 'awaiting-documents': missing, the programme has not
   * started; 'administrative-hold': started, the student is not enrolled and UM may deny access to its
   * facilities; 'denied': the enrolment is denied (prior education or legal residence missing).
   */
  outcome: 'complete' | 'awaiting-documents' | 'administrative-hold' | 'denied';
  /** The required documents not received (or rejected), in the order of Art 13.1. */
  missing: DocumentId[];
  /** The day from which a missing document stops the enrolment: the start of the programme. */
  decisiveDate: string;
  reasons: ProvisionReason[];
}

interface Deadline {
  date: string | null;
  relation: 'before' | 'by';
  kind: NonNullable<RequiredDocumentDecision['deadlineKind']>;
  reasons: ProvisionReason[];
}

/** The deadline of Art 13.1 for a first-time enrolment, or the start of the programme for other dates and for re-enrolment. */
function regularDeadline(
  enrolment: EnrolmentRequest,
  provisions: Provisions,
  isReEnrolment: boolean,
): Deadline {
  const startText = formatLongDate(enrolment.startDate);
  if (!isReEnrolment) {
    const { intake } = interimStartAllowed(enrolment, provisions);
    const entry: DateEntry | null =
      intake === 'september'
        ? provisions.enrolment.documentsSeptemberIntakeDate
        : intake === 'february'
          ? provisions.enrolment.documentsFebruaryIntakeDate
          : null;
    if (entry) {
      return {
        date: entry.date,
        relation: entry.relation === 'by' ? 'by' : 'before',
        kind: 'first-enrolment',
        reasons: [
          {
            article: entry.article,
            text: `The student enrols for the first time as of ${startText}, so the document is due ${entry.relation === 'by' ? 'by' : 'before'} ${formatLongDate(entry.date)}.`,
          },
        ],
      };
    }
  }
  // Ambiguity (Art 13.1, 13.3): Art 13.1 dates only the September and February intakes; for another start
  // date, and for a statement re-signed on re-enrolment, the document must be there before the start.
  return {
    date: enrolment.startDate,
    relation: 'before',
    kind: 'start-of-programme',
    reasons: [
      {
        article: 'Art 13.3',
        text: isReEnrolment
          ? `A document missing at the start of the programme on ${startText} stops the re-enrolment, so it is due before that day.`
          : `The enrolment starts on ${startText}, for which Art 13.1 sets no date, and a document missing at the start stops the enrolment, so it is due before that day.`,
      },
    ],
  };
}

/** Art 13.1a NB: the earlier deadline for diplomas of prior education outside the EU/EEA. */
function priorEducationDeadline(
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
  provisions: Provisions,
  regular: Deadline,
): Deadline {
  const country = profile.priorEducation.country;
  const rule = provisions.enrolment.nonEuPriorEducationDiplomaRule;
  if (country === null) {
    return {
      ...regular,
      reasons: [
        ...regular.reasons,
        {
          article: rule.article,
          text: 'The country of the prior education is not recorded, so the regular deadline is shown, although a diploma from outside the EU/EEA is due before the earlier enrolment deadline of Art 12.3.',
        },
      ],
    };
  }
  const countryName = countryText(feeLookupsFor(provisions), country);
  if (
    countriesWithTreatment(provisions, rule.article, 'prior-education', 'regular-diploma-deadline').has(
      country,
    )
  ) {
    return {
      ...regular,
      reasons: [
        ...regular.reasons,
        {
          article: rule.article,
          text: `The prior education took place in ${countryName}, an EU/EEA country, so the earlier deadline for diplomas from outside the EU/EEA does not apply.`,
        },
      ],
    };
  }
  const earlier = enrolment.nonEuEnrolmentDeadline;
  const date = earlier !== null && regular.date !== null && regular.date < earlier ? regular.date : earlier;
  return {
    date,
    relation: 'before',
    kind: 'non-eu-prior-education',
    reasons: [
      {
        article: rule.article,
        text:
          date === null
            ? `The prior education took place in ${countryName}, outside the EU/EEA, so the diploma and transcript are due immediately after enrolling and before the programme’s earlier enrolment deadline of Art 12.3, which is not recorded, or the enrolment is denied.`
            : `The prior education took place in ${countryName}, outside the EU/EEA, so the diploma and transcript are due immediately after enrolling and before ${formatLongDate(date)}, the programme’s earlier enrolment deadline of Art 12.3, or the enrolment is denied.`,
      },
    ],
  };
}

/** Why a document applies to everyone, as one sentence per item. */
function everyoneReason(document: RequiredDocument): string {
  switch (document.id) {
    case 'a':
      return 'Every student enrolling for the first time must submit a certified copy of the diploma that gives admission to the programme, with its grades transcript.';
    case 'b':
      return 'Every student enrolling for the first time must prove proficiency in Dutch and/or English as the language requirements of the programme stipulate.';
    case 'g':
      return 'Every student enrolling for the first time must submit a digital passport photo for the UM card.';
    default:
      return `Every student enrolling for the first time must submit the document “${document.label}”.`;
  }
}

/** Whether a document applies to this student, with the reason (Art 13.1 a–g, read through `appliesTo`). */
function applicability(
  document: RequiredDocument,
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
  provisions: Provisions,
): { required: boolean; variant: ResidenceProofVariant | null; reason: ProvisionReason } {
  const article = document.article;
  const lookups = feeLookupsFor(provisions);
  const startText = formatLongDate(enrolment.startDate);
  // Art 13.1e and 13.1f exempt nationals of the EU/EEA and Switzerland: the groups given that treatment.
  const exemptNationality = profile.nationalities.find((c) =>
    countriesWithTreatment(provisions, article, 'nationality').has(c),
  );
  const who = `The student is ${nationalityText(provisions, profile.nationalities)}`;
  switch (document.appliesTo) {
    case 'all':
      return { required: true, variant: null, reason: { article, text: everyoneReason(document) } };
    case 'with-deficiencies':
      return enrolment.admission.hasDeficiencies
        ? {
            required: true,
            variant: null,
            reason: {
              article,
              text: 'The student does not yet meet the prior education requirements of the programme on the documents submitted, so documents showing that the deficiencies were eliminated in time are required.',
            },
          }
        : {
            required: false,
            variant: null,
            reason: {
              article,
              text: 'No deficiencies in the prior education required for the programme are recorded, so no documents on eliminating them are required.',
            },
          };
    case 'not-in-brp':
      return profile.registeredInBrp
        ? {
            required: false,
            variant: null,
            reason: {
              article,
              text: 'The student is registered with a Dutch municipality and so recorded in the BRP, so no copy of a passport or identity card is required.',
            },
          }
        : {
            required: true,
            variant: null,
            reason: {
              article,
              text: `The student is not recorded in the BRP, so a copy of a passport or identity card valid on ${startText}, the start of the programme, is required.`,
            },
          };
    case 'adult-non-eu-eea-swiss': {
      const age = ageOn(profile.dateOfBirth, enrolment.startDate);
      const adultAge = provisions.enrolment.adultAgeYears.years;
      if (age < adultAge) {
        return {
          required: false,
          variant: null,
          reason: {
            article,
            text: `The student is ${age} on ${startText}, when the programme starts, and as a minor need not prove lawful residence.`,
          },
        };
      }
      if (exemptNationality !== undefined) {
        return {
          required: false,
          variant: null,
          reason: {
            article,
            text: `The student is a national of ${countryText(lookups, exemptNationality)}, and nationals of the EU/EEA or Switzerland need not prove lawful residence.`,
          },
        };
      }
      const residence = profile.residence.countryOfResidence;
      if (
        countriesWithTreatment(provisions, article, 'residence', 'lawful-residence-abroad-accepted').has(
          residence,
        )
      ) {
        return {
          required: true,
          variant: 'residence-in-neighbouring-country',
          reason: {
            article,
            text: `${who}, an adult who lives in ${countryText(lookups, residence)}, so proof of lawful residence there with proof of municipal registration, and written confirmation of not living in the Netherlands during the programme, is required.`,
          },
        };
      }
      return {
        required: true,
        variant: 'dutch-residence-permit',
        reason: {
          article,
          text: `${who}, an adult and not a national of the EU/EEA or Switzerland, so a copy of the Dutch residence permit is required as proof of lawful residence in the Netherlands.`,
        },
      };
    }
    case 'non-eu-eea-swiss-with-dutch-study-permit': {
      if (exemptNationality !== undefined) {
        return {
          required: false,
          variant: null,
          reason: {
            article,
            text: `The student is a national of ${countryText(lookups, exemptNationality)}, and the statement on de-registration from the IND is asked only of students who are not nationals of the EU/EEA or Switzerland.`,
          },
        };
      }
      return profile.residence.permit.type === 'study'
        ? {
            required: true,
            variant: null,
            reason: {
              article,
              text: `${who} who lives or will live in the Netherlands on a residence permit for study, so the signed statement on UM’s duty to de-register the student from the IND is required, re-signed every academic year.`,
            },
          }
        : {
            required: false,
            variant: null,
            reason: {
              article,
              text: `${who} without a Dutch residence permit for study, so the statement on de-registration from the IND is not required.`,
            },
          };
    }
  }
}

/**
 * The documents a–g of Art 13.1 for an enrolment: which are required and why, and by when (31 August or
 * 31 January; the earlier deadline of Art 13.1a for prior education outside the EU/EEA; the start of the
 * programme for other start dates). On re-enrolment (Art 1n) only the statement of 13.1f, re-signed every
 * academic year, is asked again. `today` decides `isPastDeadline`.
 */
export function requiredDocuments(
  profile: StudentProfile,
  enrolment: EnrolmentRequest,
  provisions: Provisions,
  today: string,
): RequiredDocumentDecision[] {
  parseIsoDate(today);
  const { round, previousUmYear } = enrolmentRound(profile, enrolment);
  const isReEnrolment = round === 're-enrolment';
  const regular = regularDeadline(enrolment, provisions, isReEnrolment);

  return provisions.enrolment.requiredDocuments.map((document) => {
    const base = {
      document: document.id as DocumentId,
      key: document.key,
      label: document.label,
      article: document.article,
      renewEveryAcademicYear: document.renewEveryAcademicYear,
    };
    if (isReEnrolment && !document.renewEveryAcademicYear) {
      return {
        ...base,
        required: false,
        deadline: null,
        deadlineRelation: null,
        deadlineKind: null,
        isPastDeadline: false,
        variant: null,
        reasons: [
          {
            article: 'Art 13.1',
            text: `The student was enrolled at UM in ${previousUmYear ?? 'an earlier academic year'}, so this is a re-enrolment (Art 1n), which does not ask again for the documents of a first-time enrolment.`,
          },
        ],
      };
    }
    const applies = applicability(document, profile, enrolment, provisions);
    if (!applies.required) {
      return {
        ...base,
        required: false,
        deadline: null,
        deadlineRelation: null,
        deadlineKind: null,
        isPastDeadline: false,
        variant: null,
        reasons: [applies.reason],
      };
    }
    const deadline =
      document.id === 'a' && !isReEnrolment
        ? priorEducationDeadline(profile, enrolment, provisions, regular)
        : regular;
    const isPastDeadline =
      deadline.date !== null &&
      (deadline.relation === 'before' ? today >= deadline.date : today > deadline.date);
    return {
      ...base,
      required: true,
      deadline: deadline.date,
      deadlineRelation: deadline.relation,
      deadlineKind: deadline.kind,
      isPastDeadline,
      variant: applies.variant,
      reasons: [applies.reason, ...deadline.reasons],
    };
  });
}

/** 'a', 'a and e', 'a, d and e'. */
function lettersText(ids: readonly string[]): string {
  return ids.length <= 1 ? ids.join('') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/**
 * Art 13.3 (with 13.1a): what the required documents still missing mean on `today`. `submitted` are the
 * documents received or verified; a rejected document counts as missing. Before the start a document of
 * prior education from outside the EU/EEA already past its earlier deadline means denial (13.1a); from
 * the start of the programme a missing diploma or proof of legal residence means denial and any other
 * missing document means no enrolment, with access to UM's facilities barred by an administrative hold.
 */
export function missingDocumentConsequence(
  checklist: readonly RequiredDocumentDecision[],
  submitted: Iterable<DocumentId>,
  enrolment: EnrolmentRequest,
  provisions: Provisions,
  today: string,
): MissingDocumentConsequence {
  parseIsoDate(today);
  const received = new Set(submitted);
  const missingDocuments = checklist.filter((d) => d.required && !received.has(d.document));
  const missing = missingDocuments.map((d) => d.document);
  const decisiveDate = enrolment.startDate;
  const startText = formatLongDate(decisiveDate);
  const rule = provisions.enrolment.missingDocumentsAtStart;

  if (missing.length === 0) {
    return {
      outcome: 'complete',
      missing,
      decisiveDate,
      reasons: [
        {
          article: 'Art 13.1',
          text: 'Every document Article 13 requires of this enrolment has been received.',
        },
      ],
    };
  }

  const lateForeignDiploma = missingDocuments.find(
    (d) => d.deadlineKind === 'non-eu-prior-education' && d.deadline !== null && today >= d.deadline,
  );
  if (lateForeignDiploma && lateForeignDiploma.deadline !== null) {
    return {
      outcome: 'denied',
      missing,
      decisiveDate,
      reasons: [
        {
          article: provisions.enrolment.nonEuPriorEducationDiplomaRule.article,
          text: `The diploma and transcript of prior education outside the EU/EEA were not received before ${formatLongDate(lateForeignDiploma.deadline)}, the programme’s earlier enrolment deadline, so the enrolment is denied.`,
        },
      ],
    };
  }

  const denying = missingDocuments.filter((d) => rule.deniedWhenMissing.includes(d.document));
  const isOne = missing.length === 1;
  const missingText = `${isOne ? 'document' : 'documents'} ${lettersText(missing)} of Article 13.1 ${isOne ? 'is' : 'are'}`;
  const denyingText = denying.map((d) => `the ${d.label.toLowerCase()} (${d.document})`).join(' or ');
  if (today < decisiveDate) {
    return {
      outcome: 'awaiting-documents',
      missing,
      decisiveDate,
      reasons: [
        {
          article: rule.article,
          text:
            denying.length > 0
              ? `The ${missingText} still missing before the start on ${startText}, and if ${denyingText} is still missing then the enrolment is denied.`
              : `The ${missingText} still missing before the start on ${startText}, and if still missing then the student is not enrolled and may be placed on an administrative hold.`,
        },
      ],
    };
  }
  if (denying.length > 0) {
    return {
      outcome: 'denied',
      missing,
      decisiveDate,
      reasons: [
        {
          article: rule.article,
          text: `On ${startText}, the start of the programme, UM had not received ${denyingText}, so the enrolment is denied.`,
        },
      ],
    };
  }
  return {
    outcome: 'administrative-hold',
    missing,
    decisiveDate,
    reasons: [
      {
        article: rule.article,
        text: `The ${missingText} missing on ${startText}, the start of the programme, so UM does not enrol the student and may deny access to its facilities by an administrative hold.`,
      },
    ],
  };
}
