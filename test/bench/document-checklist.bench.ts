import {
  missingDocumentConsequence,
  requiredDocuments,
} from '../../src/core/modules/enrolments/document-checklist.rules';
import { loadProvisions } from '../../src/core/provisions/load-provisions';
import {
  enrolmentRequestSchema,
  studentProfileSchema,
  type StudentProfileInput,
} from '../../src/shared/facts/student-profile';

/** The Article 13 combinations of the rules tests: EU in the BRP, non-EU study permit, Belgium, Swiss, a minor. */
const profiles: StudentProfileInput[] = [
  {
    dateOfBirth: '2003-05-01',
    nationalities: ['DE'],
    registeredInBrp: true,
    residence: { countryOfResidence: 'NL' },
    priorEducation: { country: 'DE' },
  },
  {
    dateOfBirth: '2000-02-10',
    nationalities: ['US'],
    residence: { countryOfResidence: 'US', permit: { type: 'study', validFrom: '2022-08-25' } },
    priorEducation: { country: 'US', diploma: 'bachelor-degree' },
  },
  {
    dateOfBirth: '2001-07-12',
    nationalities: ['MA'],
    residence: { countryOfResidence: 'BE' },
    priorEducation: { country: 'BE' },
  },
  {
    dateOfBirth: '2002-01-30',
    nationalities: ['CH'],
    residence: { countryOfResidence: 'CH' },
    priorEducation: { country: 'CH' },
  },
  {
    dateOfBirth: '2005-10-01',
    nationalities: ['IN'],
    residence: { countryOfResidence: 'IN' },
    priorEducation: { country: 'IN' },
  },
];

/** Checklist computations (Art 13.1 a–g with deadlines, and the Art 13.3 consequence) per second. */
export function benchDocumentChecklist(iterations: number): { perSecond: number } {
  const provisions = loadProvisions('2022-23');
  const parsed = profiles.map((p) => studentProfileSchema.parse(p));
  const request = enrolmentRequestSchema.parse({
    academicYear: '2022-23',
    programmeCode: 'b-psychology',
    startDate: '2022-09-01',
    admission: { status: 'admitted' },
    nonEuEnrolmentDeadline: '2022-05-01',
  });
  let sink = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      const profile = parsed[i % parsed.length];
      if (!profile) continue;
      const checklist = requiredDocuments(profile, request, provisions, '2022-06-01');
      sink += missingDocumentConsequence(checklist, ['g'], request, provisions, '2022-09-01').missing.length;
    }
  };
  run(2_000); // warm up
  const started = performance.now();
  run(iterations);
  const seconds = (performance.now() - started) / 1000;
  if (sink < 0) console.log(sink);
  return { perSecond: iterations / seconds };
}
