import { afterAll, describe, expect, it } from 'vitest';
import {
  enrolmentRequestSchema,
  studentProfileSchema,
  type EnrolmentRequestInput,
  type StudentProfileInput,
} from '../../../shared/facts/student-profile';
import { findProvisionText, loadProvisions } from '../../provisions/load-provisions';
import type { ProvisionReason } from '../payments/provision-reason';
import {
  missingDocumentConsequence,
  requiredDocuments,
  type DocumentId,
  type RequiredDocumentDecision,
} from './document-checklist.rules';

const provisions = loadProvisions('2022-23');
const produced: ProvisionReason[] = [];
const TODAY = '2022-06-01';

function checklist(
  profile: StudentProfileInput,
  enrolment: Partial<EnrolmentRequestInput> = {},
  today = TODAY,
): Record<DocumentId, RequiredDocumentDecision> {
  const documents = requiredDocuments(
    studentProfileSchema.parse(profile),
    enrolmentRequest(enrolment),
    provisions,
    today,
  );
  for (const d of documents) produced.push(...d.reasons);
  return Object.fromEntries(documents.map((d) => [d.document, d])) as Record<
    DocumentId,
    RequiredDocumentDecision
  >;
}

function enrolmentRequest(enrolment: Partial<EnrolmentRequestInput> = {}) {
  return enrolmentRequestSchema.parse({
    academicYear: '2022-23',
    programmeCode: 'b-psychology',
    startDate: '2022-09-01',
    admission: { status: 'admitted' },
    ...enrolment,
  });
}

const SEPTEMBER_DEADLINE: ProvisionReason = {
  article: 'Art 13.1',
  text: 'The student enrols for the first time as of 1 September 2022, so the document is due before 31 August 2022.',
};

/** A German national living in Maastricht, registered in the BRP, with a German Abitur. */
const EU_NATIONAL_IN_BRP: StudentProfileInput = {
  dateOfBirth: '2003-05-01',
  nationalities: ['DE'],
  registeredInBrp: true,
  brpRegisteredSince: '2021-08-20',
  residence: { countryOfResidence: 'NL' },
  priorEducation: { country: 'DE', diploma: 'other' },
};

/** A US national who will live in Maastricht on a study residence permit UM applies for. */
const NON_EU_STUDY_PERMIT: StudentProfileInput = {
  dateOfBirth: '2000-02-10',
  nationalities: ['US'],
  residence: { countryOfResidence: 'US', permit: { type: 'study', validFrom: '2022-08-25' } },
  priorEducation: { country: 'US', diploma: 'bachelor-degree' },
};

describe('the documents of Art 13.1 for a first-time enrolment', () => {
  it('asks an EU national in the BRP for a, b and g only, before 31 August (Art 13.1)', () => {
    const docs = checklist(EU_NATIONAL_IN_BRP);
    expect(Object.values(docs).map((d) => `${d.document}:${d.required}`)).toEqual([
      'a:true',
      'b:true',
      'c:false',
      'd:false',
      'e:false',
      'f:false',
      'g:true',
    ]);
    expect(docs.a).toMatchObject({
      label: 'Diploma and grades transcript',
      deadline: '2022-08-31',
      deadlineRelation: 'before',
      deadlineKind: 'first-enrolment',
      isPastDeadline: false,
    });
    expect(docs.a.reasons).toEqual([
      {
        article: 'Art 13.1a',
        text: 'Every student enrolling for the first time must submit a certified copy of the diploma that gives admission to the programme, with its grades transcript.',
      },
      SEPTEMBER_DEADLINE,
      {
        article: 'Art 13.1a',
        text: 'The prior education took place in DE (Germany), an EU/EEA country, so the earlier deadline for diplomas from outside the EU/EEA does not apply.',
      },
    ]);
    expect(docs.b.reasons).toEqual([
      {
        article: 'Art 13.1b',
        text: 'Every student enrolling for the first time must prove proficiency in Dutch and/or English as the language requirements of the programme stipulate.',
      },
      SEPTEMBER_DEADLINE,
    ]);
    expect(docs.c).toMatchObject({ required: false, deadline: null, deadlineRelation: null });
    expect(docs.c.reasons).toEqual([
      {
        article: 'Art 13.1c',
        text: 'No deficiencies in the prior education required for the programme are recorded, so no documents on eliminating them are required.',
      },
    ]);
    expect(docs.d.reasons).toEqual([
      {
        article: 'Art 13.1d',
        text: 'The student is registered with a Dutch municipality and so recorded in the BRP, so no copy of a passport or identity card is required.',
      },
    ]);
    expect(docs.e.reasons).toEqual([
      {
        article: 'Art 13.1e',
        text: 'The student is a national of DE (Germany), and nationals of the EU/EEA or Switzerland need not prove lawful residence.',
      },
    ]);
    expect(docs.f.reasons).toEqual([
      {
        article: 'Art 13.1f',
        text: 'The student is a national of DE (Germany), and the statement on de-registration from the IND is asked only of students who are not nationals of the EU/EEA or Switzerland.',
      },
    ]);
    expect(docs.g.reasons).toEqual([
      {
        article: 'Art 13.1g',
        text: 'Every student enrolling for the first time must submit a digital passport photo for the UM card.',
      },
      SEPTEMBER_DEADLINE,
    ]);
  });

  it('asks a non-EU national on a Dutch study permit for the passport, the permit and the IND statement, with the earlier diploma deadline (Art 13.1a, d, e, f)', () => {
    const docs = checklist(NON_EU_STUDY_PERMIT, {
      programmeCode: 'm-economics',
      nonEuEnrolmentDeadline: '2022-05-01',
    });
    expect(Object.values(docs).map((d) => `${d.document}:${d.required}`)).toEqual([
      'a:true',
      'b:true',
      'c:false',
      'd:true',
      'e:true',
      'f:true',
      'g:true',
    ]);
    expect(docs.a).toMatchObject({
      deadline: '2022-05-01',
      deadlineRelation: 'before',
      deadlineKind: 'non-eu-prior-education',
      isPastDeadline: true,
    });
    expect(docs.a.reasons[1]).toEqual({
      article: 'Art 13.1a',
      text: 'The prior education took place in US, outside the EU/EEA, so the diploma and transcript are due immediately after enrolling and before 1 May 2022, the programme’s earlier enrolment deadline of Art 12.3, or the enrolment is denied.',
    });
    expect(docs.d.reasons).toEqual([
      {
        article: 'Art 13.1d',
        text: 'The student is not recorded in the BRP, so a copy of a passport or identity card valid on 1 September 2022, the start of the programme, is required.',
      },
      SEPTEMBER_DEADLINE,
    ]);
    expect(docs.e).toMatchObject({ variant: 'dutch-residence-permit', deadline: '2022-08-31' });
    expect(docs.e.reasons[0]).toEqual({
      article: 'Art 13.1e',
      text: 'The student is a national of US, an adult and not a national of the EU/EEA or Switzerland, so a copy of the Dutch residence permit is required as proof of lawful residence in the Netherlands.',
    });
    expect(docs.f).toMatchObject({ required: true, renewEveryAcademicYear: true, deadline: '2022-08-31' });
    expect(docs.f.reasons[0]).toEqual({
      article: 'Art 13.1f',
      text: 'The student is a national of US who lives or will live in the Netherlands on a residence permit for study, so the signed statement on UM’s duty to de-register the student from the IND is required, re-signed every academic year.',
    });
  });

  it('shows no diploma deadline while the programme’s earlier enrolment deadline is not recorded (Art 13.1a)', () => {
    const docs = checklist(NON_EU_STUDY_PERMIT, { programmeCode: 'm-economics' });
    expect(docs.a).toMatchObject({ required: true, deadline: null, isPastDeadline: false });
    expect(docs.a.reasons[1]).toEqual({
      article: 'Art 13.1a',
      text: 'The prior education took place in US, outside the EU/EEA, so the diploma and transcript are due immediately after enrolling and before the programme’s earlier enrolment deadline of Art 12.3, which is not recorded, or the enrolment is denied.',
    });
  });

  it('keeps the regular deadline when the earlier one recorded for the programme is later (Art 13.1a)', () => {
    const docs = checklist(NON_EU_STUDY_PERMIT, {
      programmeCode: 'm-economics',
      nonEuEnrolmentDeadline: '2022-09-15',
    });
    expect(docs.a.deadline).toBe('2022-08-31');
  });

  it('asks a non-EU national living in Belgium for proof of residence there, without the IND statement (Art 13.1e, f)', () => {
    const docs = checklist({
      dateOfBirth: '2001-03-03',
      nationalities: ['IN'],
      residence: { countryOfResidence: 'BE' },
      priorEducation: { country: 'BE' },
    });
    expect(docs.e).toMatchObject({ required: true, variant: 'residence-in-neighbouring-country' });
    expect(docs.e.reasons).toEqual([
      {
        article: 'Art 13.1e',
        text: 'The student is a national of IN, an adult who lives in BE (Belgium), so proof of lawful residence there with proof of municipal registration, and written confirmation of not living in the Netherlands during the programme, is required.',
      },
      SEPTEMBER_DEADLINE,
    ]);
    expect(docs.f.required).toBe(false);
    expect(docs.f.reasons).toEqual([
      {
        article: 'Art 13.1f',
        text: 'The student is a national of IN without a Dutch residence permit for study, so the statement on de-registration from the IND is not required.',
      },
    ]);
    expect(docs.d.required).toBe(true);
    expect(docs.a.deadline).toBe('2022-08-31');
  });

  it('asks a Swiss national no residence proof nor IND statement, but applies the earlier deadline to a Swiss diploma (Art 13.1a, e, f)', () => {
    const docs = checklist(
      {
        dateOfBirth: '2003-11-30',
        nationalities: ['CH'],
        residence: { countryOfResidence: 'CH' },
        priorEducation: { country: 'CH', diploma: 'swiss-maturity' },
      },
      { nonEuEnrolmentDeadline: '2022-05-01' },
      '2022-04-01',
    );
    expect(docs.e.reasons).toEqual([
      {
        article: 'Art 13.1e',
        text: 'The student is a national of CH (Switzerland), and nationals of the EU/EEA or Switzerland need not prove lawful residence.',
      },
    ]);
    expect(docs.f.reasons).toEqual([
      {
        article: 'Art 13.1f',
        text: 'The student is a national of CH (Switzerland), and the statement on de-registration from the IND is asked only of students who are not nationals of the EU/EEA or Switzerland.',
      },
    ]);
    expect(docs.a).toMatchObject({
      deadline: '2022-05-01',
      deadlineKind: 'non-eu-prior-education',
      isPastDeadline: false,
    });
    expect(docs.a.reasons[1].text).toBe(
      'The prior education took place in CH (Switzerland), outside the EU/EEA, so the diploma and transcript are due immediately after enrolling and before 1 May 2022, the programme’s earlier enrolment deadline of Art 12.3, or the enrolment is denied.',
    );
    expect(docs.d.required).toBe(true);
  });

  it('asks a minor no proof of lawful residence, but still the IND statement on a study permit (Art 13.1e, f)', () => {
    const docs = checklist({
      dateOfBirth: '2004-10-01',
      nationalities: ['CN'],
      residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
      priorEducation: { country: 'NL', diploma: 'vwo' },
    });
    expect(docs.e).toMatchObject({ required: false, variant: null });
    expect(docs.e.reasons).toEqual([
      {
        article: 'Art 13.1e',
        text: 'The student is 17 on 1 September 2022, when the programme starts, and as a minor need not prove lawful residence.',
      },
    ]);
    expect(docs.f.required).toBe(true);
  });

  it('treats a student who turns 18 on the start date as an adult (Art 13.1e)', () => {
    const docs = checklist({
      dateOfBirth: '2004-09-01',
      nationalities: ['CN'],
      residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
    });
    expect(docs.e.required).toBe(true);
  });

  it('asks a dual national with an EU nationality no residence proof (Art 13.1e)', () => {
    const docs = checklist({
      dateOfBirth: '1999-01-01',
      nationalities: ['US', 'IE'],
      residence: { countryOfResidence: 'NL' },
    });
    expect(docs.e.reasons[0].text).toBe(
      'The student is a national of IE (Ireland), and nationals of the EU/EEA or Switzerland need not prove lawful residence.',
    );
  });

  it('asks for the documents on deficiencies when the admission found them (Art 13.1c)', () => {
    const docs = checklist(EU_NATIONAL_IN_BRP, { admission: { status: 'admitted', hasDeficiencies: true } });
    expect(docs.c.required).toBe(true);
    expect(docs.c.reasons).toEqual([
      {
        article: 'Art 13.1c',
        text: 'The student does not yet meet the prior education requirements of the programme on the documents submitted, so documents showing that the deficiencies were eliminated in time are required.',
      },
      SEPTEMBER_DEADLINE,
    ]);
  });

  it('says when the country of prior education is not recorded (Art 13.1a)', () => {
    const docs = checklist({ ...EU_NATIONAL_IN_BRP, priorEducation: {} });
    expect(docs.a.deadline).toBe('2022-08-31');
    expect(docs.a.reasons[2]).toEqual({
      article: 'Art 13.1a',
      text: 'The country of the prior education is not recorded, so the regular deadline is shown, although a diploma from outside the EU/EEA is due before the earlier enrolment deadline of Art 12.3.',
    });
  });
});

describe('deadlines of Art 13.1 and 13.3', () => {
  it('sets 31 January for the February intake (Art 13.1)', () => {
    const docs = checklist(EU_NATIONAL_IN_BRP, { startDate: '2023-02-01' }, '2023-01-31');
    expect(docs.g).toMatchObject({
      deadline: '2023-01-31',
      deadlineRelation: 'before',
      isPastDeadline: true,
    });
    expect(docs.g.reasons[1]).toEqual({
      article: 'Art 13.1',
      text: 'The student enrols for the first time as of 1 February 2023, so the document is due before 31 January 2023.',
    });
  });

  it('is not yet past a “before 31 August” deadline on 30 August (Art 13.1)', () => {
    expect(checklist(EU_NATIONAL_IN_BRP, {}, '2022-08-30').g.isPastDeadline).toBe(false);
    expect(checklist(EU_NATIONAL_IN_BRP, {}, '2022-08-31').g.isPastDeadline).toBe(true);
  });

  it('asks the documents before the start of an interim enrolment (Art 13.3)', () => {
    const docs = checklist(EU_NATIONAL_IN_BRP, {
      startDate: '2022-11-14',
      interimStartDecision: { decidedOn: '2022-11-01' },
    });
    expect(docs.a).toMatchObject({ deadline: '2022-11-14', deadlineKind: 'start-of-programme' });
    expect(docs.a.reasons[1]).toEqual({
      article: 'Art 13.3',
      text: 'The enrolment starts on 14 November 2022, for which Art 13.1 sets no date, and a document missing at the start stops the enrolment, so it is due before that day.',
    });
  });

  it('asks the documents before the start of a pre-master’s with its own date (Art 13.3)', () => {
    const docs = checklist(EU_NATIONAL_IN_BRP, {
      programmeCode: 'pm-european-studies',
      startDate: '2022-10-01',
    });
    expect(docs.b).toMatchObject({ deadline: '2022-10-01', deadlineKind: 'start-of-programme' });
  });
});

describe('re-enrolment (Art 1n, 13.1f)', () => {
  const reEnrolling: StudentProfileInput = {
    ...NON_EU_STUDY_PERMIT,
    residence: { countryOfResidence: 'NL', permit: { type: 'study', validUntil: '2023-09-30' } },
    dutchHigherEducation: {
      enrolments: [
        { institution: 'um', programmeCode: 'm-economics', academicYear: '2021-22', startedOn: '2021-09-01' },
      ],
    },
  };

  it('asks only the IND statement again, re-signed before the start of the programme', () => {
    const docs = checklist(reEnrolling, { programmeCode: 'm-economics' });
    expect(
      Object.values(docs)
        .filter((d) => d.required)
        .map((d) => d.document),
    ).toEqual(['f']);
    expect(docs.a.reasons).toEqual([
      {
        article: 'Art 13.1',
        text: 'The student was enrolled at UM in 2021-22, so this is a re-enrolment (Art 1n), which does not ask again for the documents of a first-time enrolment.',
      },
    ]);
    expect(docs.f).toMatchObject({
      deadline: '2022-09-01',
      deadlineRelation: 'before',
      deadlineKind: 'start-of-programme',
    });
    expect(docs.f.reasons).toEqual([
      {
        article: 'Art 13.1f',
        text: 'The student is a national of US who lives or will live in the Netherlands on a residence permit for study, so the signed statement on UM’s duty to de-register the student from the IND is required, re-signed every academic year.',
      },
      {
        article: 'Art 13.3',
        text: 'A document missing at the start of the programme on 1 September 2022 stops the re-enrolment, so it is due before that day.',
      },
    ]);
  });

  it('asks an EU national nothing on re-enrolment', () => {
    const docs = checklist({
      ...EU_NATIONAL_IN_BRP,
      dutchHigherEducation: reEnrolling.dutchHigherEducation,
    });
    expect(Object.values(docs).some((d) => d.required)).toBe(false);
  });
});

describe('a document missing at the start (Art 13.3)', () => {
  function consequence(
    profile: StudentProfileInput,
    submitted: DocumentId[],
    today: string,
    enrolment: Partial<EnrolmentRequestInput> = {},
  ) {
    const request = enrolmentRequest(enrolment);
    const list = requiredDocuments(studentProfileSchema.parse(profile), request, provisions, today);
    const result = missingDocumentConsequence(list, submitted, request, provisions, today);
    produced.push(...result.reasons);
    return result;
  }

  it('is complete when every required document was received', () => {
    const result = consequence(EU_NATIONAL_IN_BRP, ['a', 'b', 'g'], '2022-09-01');
    expect(result).toEqual({
      outcome: 'complete',
      missing: [],
      decisiveDate: '2022-09-01',
      reasons: [
        {
          article: 'Art 13.1',
          text: 'Every document Article 13 requires of this enrolment has been received.',
        },
      ],
    });
  });

  it('waits before the start, warning that a missing diploma then means denial', () => {
    const result = consequence(EU_NATIONAL_IN_BRP, ['b'], '2022-08-15');
    expect(result.outcome).toBe('awaiting-documents');
    expect(result.missing).toEqual(['a', 'g']);
    expect(result.reasons).toEqual([
      {
        article: 'Art 13.3',
        text: 'The documents a and g of Article 13.1 are still missing before the start on 1 September 2022, and if the diploma and grades transcript (a) is still missing then the enrolment is denied.',
      },
    ]);
  });

  it('waits before the start, warning of the administrative hold for other documents', () => {
    const result = consequence(EU_NATIONAL_IN_BRP, ['a', 'b'], '2022-08-15');
    expect(result.reasons).toEqual([
      {
        article: 'Art 13.3',
        text: 'The document g of Article 13.1 is still missing before the start on 1 September 2022, and if still missing then the student is not enrolled and may be placed on an administrative hold.',
      },
    ]);
  });

  it('places an administrative hold when a photo or passport copy is missing at the start', () => {
    const result = consequence(NON_EU_STUDY_PERMIT, ['a', 'b', 'e', 'f'], '2022-09-01', {
      programmeCode: 'm-economics',
    });
    expect(result).toEqual({
      outcome: 'administrative-hold',
      missing: ['d', 'g'],
      decisiveDate: '2022-09-01',
      reasons: [
        {
          article: 'Art 13.3',
          text: 'The documents d and g of Article 13.1 are missing on 1 September 2022, the start of the programme, so UM does not enrol the student and may deny access to its facilities by an administrative hold.',
        },
      ],
    });
  });

  it('denies the enrolment when proof of legal residence is missing at the start', () => {
    const result = consequence(NON_EU_STUDY_PERMIT, ['a', 'b', 'd', 'f', 'g'], '2022-09-02', {
      programmeCode: 'm-economics',
    });
    expect(result.outcome).toBe('denied');
    expect(result.reasons).toEqual([
      {
        article: 'Art 13.3',
        text: 'On 1 September 2022, the start of the programme, UM had not received the proof of lawful residence (e), so the enrolment is denied.',
      },
    ]);
  });

  it('denies the enrolment when the diploma is missing on 1 February (a rejected scan counts as missing)', () => {
    const result = consequence(EU_NATIONAL_IN_BRP, ['b', 'g'], '2023-02-01', { startDate: '2023-02-01' });
    expect(result.outcome).toBe('denied');
    expect(result.reasons[0].text).toBe(
      'On 1 February 2023, the start of the programme, UM had not received the diploma and grades transcript (a), so the enrolment is denied.',
    );
  });

  it('denies the enrolment before the start when a diploma from outside the EU/EEA misses its earlier deadline (Art 13.1a)', () => {
    const result = consequence(NON_EU_STUDY_PERMIT, ['b', 'd', 'e', 'f', 'g'], '2022-05-01', {
      programmeCode: 'm-economics',
      nonEuEnrolmentDeadline: '2022-05-01',
    });
    expect(result).toMatchObject({ outcome: 'denied', missing: ['a'] });
    expect(result.reasons).toEqual([
      {
        article: 'Art 13.1a',
        text: 'The diploma and transcript of prior education outside the EU/EEA were not received before 1 May 2022, the programme’s earlier enrolment deadline, so the enrolment is denied.',
      },
    ]);
  });

  it('places a re-enrolling student without the re-signed IND statement on hold', () => {
    const result = consequence(
      {
        ...NON_EU_STUDY_PERMIT,
        residence: { countryOfResidence: 'NL', permit: { type: 'study' } },
        dutchHigherEducation: {
          enrolments: [
            {
              institution: 'um',
              programmeCode: 'm-economics',
              academicYear: '2021-22',
              startedOn: '2021-09-01',
            },
          ],
        },
      },
      [],
      '2022-09-05',
      { programmeCode: 'm-economics' },
    );
    expect(result).toMatchObject({ outcome: 'administrative-hold', missing: ['f'] });
  });
});

afterAll(() => {
  // Every reason names an article the provisions contain and says why in one sentence.
  for (const reason of produced) {
    expect(findProvisionText(provisions, reason.article), reason.article).toBeDefined();
    expect(reason.text, reason.text).toMatch(/^[A-Z].*\.$/);
    expect(reason.text, reason.text).not.toMatch(/\.\s+[A-Z]/);
  }
  expect(new Set(produced.map((r) => r.article))).toEqual(
    new Set([
      'Art 13.1',
      'Art 13.1a',
      'Art 13.1b',
      'Art 13.1c',
      'Art 13.1d',
      'Art 13.1e',
      'Art 13.1f',
      'Art 13.1g',
      'Art 13.3',
    ]),
  );
});
