import { DeskError } from '../../../shared/errors';
import { feeFactsSchema, priorEducationDiplomaSchema, type FeeFacts } from '../../../shared/facts/fee-facts';
import type { EnrolmentRequest, StudentProfile } from '../../../shared/facts/student-profile';
import type { ServiceContext } from '../../context';
import { feeResidenceFactsFromProfile } from '../residence/residence-fee-facts';
import { parseProfile } from './enrolments.repo';

/*
 * The fee facts of an application, prefilled from the student's profile and the enrolment request so
 * that the desk only completes or corrects what the file does not know (other enrolments, BBCs,
 * exemptions) before `enrolments:apply`. Nothing is stored here: staff see the facts and decide.
 */

const feeDiplomas = new Set<string>(priorEducationDiplomaSchema.options);

/**
 * The fee facts that the profile and the request show: the enrolment (programme, kind, mode, start,
 * Art 4.4 decision), nationality and residence (`feeResidenceFactsFromProfile`), ROD HO (Art 16.1a, 17),
 * re-enrolment at UM (Art 1n, 19.2a) and the prior education of the handling fee (Art 15).
 */
export function feeFactsFromProfile(profile: StudentProfile, request: EnrolmentRequest): FeeFacts {
  const earlier = [...profile.dutchHigherEducation.enrolments].sort((a, b) =>
    a.startedOn.localeCompare(b.startedOn),
  );
  const atUm = earlier.filter((e) => e.institution === 'um' && e.startedOn < request.startDate);
  const first = earlier[0] ?? null;
  const sameProgramme = atUm.find(
    (e) => e.programmeCode !== null && e.programmeCode === request.programmeCode,
  );
  const diploma = profile.priorEducation.diploma;
  return feeFactsSchema.parse({
    programmeCode: request.programmeCode,
    mode: request.mode,
    enrolmentKind: request.kind,
    startDate: request.startDate,
    isInterimEnrolmentPermitted: request.interimStartDecision !== null,
    // Art 1n: enrolled at UM in an earlier academic year.
    isReEnrolment: atUm.some((e) => e.academicYear < request.academicYear),
    programmeFirstEnrolledOn: sameProgramme?.startedOn ?? null,
    ...feeResidenceFactsFromProfile(profile),
    rodHo: {
      // Art 17.1: the first enrolment in Dutch higher education since 1 September 1991.
      firstEnrolment:
        first !== null && first.startedOn >= '1991-09-01' ? { startedOn: first.startedOn } : null,
      degrees: profile.dutchHigherEducation.degrees,
    },
    priorEducation: {
      country: profile.priorEducation.country,
      // Art 15.4g–i name only some diplomas; the others count as 'other' for the handling fee.
      diploma: feeDiplomas.has(diploma) ? diploma : 'other',
    },
    handlingFee: { wasPreviouslyEnrolledAtUm: atUm.length > 0 },
  });
}

/** The prefilled fee facts of an application for a student on file; refused when no profile is recorded. */
export async function feeFactsForApplication(
  ctx: ServiceContext,
  input: { studentId: number; request: EnrolmentRequest },
): Promise<FeeFacts> {
  const student = await ctx.db
    .selectFrom('students')
    .select('profileJson')
    .where('id', '=', input.studentId)
    .executeTakeFirst();
  if (!student) {
    throw new DeskError('not_found', `No student with id ${input.studentId}; search for the student again.`);
  }
  const { profile, problem } = parseProfile(student.profileJson);
  if (!profile) throw new DeskError('refused', problem ?? 'The profile is not recorded.');
  return feeFactsFromProfile(profile, input.request);
}
