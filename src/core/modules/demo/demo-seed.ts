import { sql, type Insertable, type Transaction } from 'kysely';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type {
  CourseRegistrationTable,
  CourseTable,
  Database,
  EnrolmentTable,
  LedgerEntryTable,
  ProgrammeTable,
  StudentTable,
} from '../../db/database';
import type { ServiceContext } from '../../context';
import {
  coordinatorNames,
  courseTitlePatterns,
  facultyCourseVocabulary,
  familyNames,
  givenNames,
  skillsTrainingTitles,
} from './demo-vocabulary';
import { SeededRandom } from './random';
import { seedStudentFiles } from './demo-student-profiles';
import { seedApplicationFacts } from './demo-applications';
import { seedExchangeStudents } from './demo-exchange';
import { seedStudyProgress } from './demo-study-progress';
import { programmeSeedsFromProvisions } from './programme-seeds';
import type { Provisions } from '../../provisions/provisions.schema';
import { feeFactsSchema, type FeeFactsInput } from '../../../shared/facts/fee-facts';
import { assessTuitionFee, feeKindLabels } from '../fees/tuition-fee.rules';
import { reversal } from '../ledger/ledger.service';

/** Nationality mix of the demo students: Dutch, other EU, British, and non-EU on a study permit. */
const demoNationalities: readonly { weight: number; codes: readonly string[]; needsStudyPermit: boolean }[] =
  [
    { weight: 0.45, codes: ['NL'], needsStudyPermit: false },
    { weight: 0.3, codes: ['DE', 'BE', 'IT', 'PL', 'FR', 'ES', 'GR', 'BG'], needsStudyPermit: false },
    { weight: 0.05, codes: ['GB'], needsStudyPermit: true },
    { weight: 0.2, codes: ['CN', 'IN', 'US', 'TR', 'ID', 'BR', 'MA'], needsStudyPermit: true },
  ];

/** One paid enrolment in this many has a reversed direct debit in the demo data. */
const demoReversalEvery = 37;

/** Gives each student one enrolment with plausible fee facts, assesses the fee and books it; most have paid. */
async function seedEnrolmentsWithFees(
  trx: Transaction<Database>,
  provisions: Provisions,
  studentIds: readonly number[],
  random: SeededRandom,
  academicYear: string,
  at: string,
  by: string,
): Promise<number> {
  const programmes = provisions.programmes.filter((p) => !p.reEnrolmentOnly);
  const enrolments: Insertable<EnrolmentTable>[] = [];
  for (const studentId of studentIds) {
    const roll = random.next();
    let cumulative = 0;
    const group = demoNationalities.find((g) => (cumulative += g.weight) > roll) ?? demoNationalities[0];
    if (!group) continue;
    const facts: FeeFactsInput = {
      programmeCode: random.pick(programmes).code,
      nationalities: [random.pick(group.codes)],
      startDate: provisions.startDate,
      ...(group.needsStudyPermit ? { residencePermit: { purpose: 'study' as const } } : {}),
      ...(random.chance(0.5)
        ? {
            isReEnrolment: true,
            rodHo: { firstEnrolment: { startedOn: `${random.integer(2019, 2021)}-09-01` } },
          }
        : {}),
    };
    const parsed = feeFactsSchema.parse(facts);
    try {
      const fee = assessTuitionFee(parsed, provisions);
      enrolments.push({
        studentId,
        academicYear,
        programmeCode: parsed.programmeCode,
        enrolmentKind: parsed.enrolmentKind,
        mode: parsed.mode,
        startDate: parsed.startDate ?? provisions.startDate,
        status: 'enrolled',
        feeFactsJson: JSON.stringify(parsed),
        feeKind: fee.kind,
        feeCents: fee.amountCents,
        feeReasonsJson: JSON.stringify(fee.reasons),
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      });
    } catch (error) {
      // Facts the provisions refuse (the rules say why) simply give no demo enrolment.
      if (!(error instanceof DeskError)) throw error;
    }
  }
  await insertInChunks(trx, 'enrolments', enrolments);
  const rows = await trx
    .selectFrom('enrolments')
    .select(['id', 'studentId', 'feeKind', 'feeCents', 'feeReasonsJson', 'programmeCode'])
    .orderBy('id')
    .execute();
  const entries: Insertable<LedgerEntryTable>[] = [];
  for (const row of rows) {
    if (row.feeCents === 0) continue;
    const label = feeKindLabels[row.feeKind as keyof typeof feeKindLabels];
    entries.push({
      studentId: row.studentId,
      enrolmentId: row.id,
      entryKind: 'charge',
      amountCents: row.feeCents,
      bookedOn: at.slice(0, 10),
      description: `${label} ${academicYear}`,
      reasonsJson: row.feeReasonsJson,
      createdAt: at,
      createdBy: by,
    });
    if (random.chance(0.7)) {
      entries.push({
        studentId: row.studentId,
        enrolmentId: row.id,
        entryKind: 'payment',
        amountCents: -row.feeCents,
        bookedOn: at.slice(0, 10),
        description: 'Payment received',
        reasonsJson: null,
        createdAt: at,
        createdBy: by,
      });
      // A few direct debits come back, so that the arrears worklist has work on it; chosen by id so
      // the random sequence (and every other demo figure) stays as it was.
      if (row.id % demoReversalEvery === 0) {
        entries.push({
          studentId: row.studentId,
          enrolmentId: row.id,
          entryKind: 'reversal',
          amountCents: Math.round(row.feeCents / 8),
          bookedOn: at.slice(0, 10),
          description: reversal.description,
          reasonsJson: JSON.stringify(reversal.reasons),
          createdAt: at,
          createdBy: by,
        });
      }
    }
  }
  await insertInChunks(trx, 'ledgerEntries', entries);
  return rows.length;
}

/** A programme to seed, as the provisions data describe it. */
export interface ProgrammeSeed {
  readonly code: string;
  readonly name: string;
  readonly level: ProgrammeTable['level'];
  readonly faculty: string | null;
  readonly hasPartTimeVariant: boolean;
  readonly isSmallScaleIntensive: boolean;
}

/** How big a data set to make. */
export interface SeedSize {
  readonly students: number;
  readonly courses: number;
  /** Share of courses left without programme, 0–1. */
  readonly orphanShare: number;
  readonly registrationsPerStudent: number;
  readonly seed: number;
  readonly academicYear: string;
}

/** The demo data set: the real programmes, a few hundred courses, a few dozen orphans. */
export const demoSize: SeedSize = {
  students: 1200,
  courses: 480,
  orphanShare: 0.08,
  registrationsPerStudent: 4,
  seed: 2022,
  academicYear: '2022-23',
};

/** A university-scale data set for benchmarks: about 5,000 courses. */
export function scaleSize(students: number, seed: number): SeedSize {
  return {
    students,
    courses: 5000,
    orphanShare: 0.03,
    registrationsPerStudent: 8,
    seed,
    academicYear: '2022-23',
  };
}

async function insertInChunks<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  chunk = 400,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + chunk))
      .execute();
  }
}

/**
 * Fills an empty catalogue with a deterministic data set: the same seed gives the same rows.
 *
 * Refused when the database already has courses or students, so that nobody's work is mixed with demo data.
 */
export async function seedCatalogue(
  ctx: ServiceContext,
  provisions: Provisions,
  size: SeedSize,
): Promise<{
  programmes: number;
  courses: number;
  students: number;
  registrations: number;
  enrolments: number;
  exchangeStudents: number;
}> {
  const programmes = programmeSeedsFromProvisions(provisions);
  const random = new SeededRandom(size.seed);
  const at = ctx.clock.now().toISOString();
  const by = ctx.actor.name;
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectNoFrom([
        sql<number | string>`(select count(*) from courses)`.as('courses'),
        sql<number | string>`(select count(*) from students)`.as('students'),
      ])
      .executeTakeFirstOrThrow();
    if (Number(existing.courses) > 0 || Number(existing.students) > 0) {
      throw new DeskError(
        'refused',
        'The database already has courses or students; demo data is only loaded into an empty database.',
      );
    }

    const knownCodes = new Set(
      (await trx.selectFrom('programmes').select('code').execute()).map((p) => p.code),
    );
    const newProgrammes = programmes.filter((p) => !knownCodes.has(p.code));
    await insertInChunks(
      trx,
      'programmes',
      newProgrammes.map((p) => ({
        code: p.code,
        name: p.name,
        level: p.level,
        faculty: p.faculty,
        hasPartTimeVariant: p.hasPartTimeVariant ? 1 : 0,
        isSmallScaleIntensive: p.isSmallScaleIntensive ? 1 : 0,
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      })),
    );
    const programmeRows = await trx
      .selectFrom('programmes')
      .select(['id', 'faculty'])
      .orderBy('id')
      .execute();

    const faculties = Object.keys(facultyCourseVocabulary);
    const courses: Insertable<CourseTable>[] = [];
    const courseFaculty: string[] = [];
    const usedCodes = new Set<string>();
    for (let index = 0; index < size.courses; index++) {
      const faculty = faculties[index % faculties.length] ?? 'SBE';
      const vocabulary = facultyCourseVocabulary[faculty] ?? {
        prefixes: ['GEN'],
        subjects: ['General Studies'],
      };
      const period = random.integer(1, 6);
      const isSkillsTraining = (period === 3 || period === 6) && random.chance(0.35);
      let code: string;
      do
        code = `${random.pick(vocabulary.prefixes)}${random.integer(1, 4)}${String(random.integer(0, 999)).padStart(3, '0')}`;
      while (usedCodes.has(code));
      usedCodes.add(code);
      const subject = random.pick(vocabulary.subjects);
      const title = isSkillsTraining
        ? random.pick(skillsTrainingTitles)
        : random.pick(courseTitlePatterns)(subject, random.pick(vocabulary.subjects));
      courses.push({
        code,
        title,
        ects: isSkillsTraining ? random.pick([2, 2.5, 4]) : random.pick([5, 6, 6.5, 6.5, 6.5, 7.5, 12]),
        period,
        faculty,
        coordinator: random.chance(0.9) ? random.pick(coordinatorNames) : null,
        isSkillsTraining: isSkillsTraining ? 1 : 0,
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      });
      courseFaculty.push(faculty);
    }
    await insertInChunks(trx, 'courses', courses);
    const courseIds = (await trx.selectFrom('courses').select('id').orderBy('id').execute()).map((c) => c.id);

    const programmesByFaculty = new Map<string, number[]>();
    for (const p of programmeRows) {
      const key = p.faculty ?? '';
      programmesByFaculty.set(key, [...(programmesByFaculty.get(key) ?? []), p.id]);
    }
    const allProgrammeIds = programmeRows.map((p) => p.id);
    const links: { courseId: number; programmeId: number; linkedAt: string; linkedBy: string }[] = [];
    courseIds.forEach((courseId, index) => {
      if (random.chance(size.orphanShare) || allProgrammeIds.length === 0) return;
      const sameFaculty = programmesByFaculty.get(courseFaculty[index] ?? '') ?? [];
      const pool = sameFaculty.length > 0 ? sameFaculty : allProgrammeIds;
      for (const programmeId of random.sample(pool, random.integer(1, Math.min(3, pool.length)))) {
        links.push({ courseId, programmeId, linkedAt: at, linkedBy: by });
      }
    });
    await insertInChunks(trx, 'courseProgrammes', links);

    const students: Insertable<StudentTable>[] = [];
    for (let index = 0; index < size.students; index++) {
      const givenName = random.pick(givenNames);
      const familyName = random.pick(familyNames);
      const studentNumber = `i${String(6_000_000 + index * 7 + random.integer(0, 6)).padStart(7, '0')}`;
      students.push({
        studentNumber,
        familyName,
        givenNames: givenName,
        email: `${studentNumber}@student.maastrichtuniversity.nl`,
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      });
    }
    await insertInChunks(trx, 'students', students);
    const studentIds = (await trx.selectFrom('students').select('id').orderBy('id').execute()).map(
      (s) => s.id,
    );

    const registrations: Insertable<CourseRegistrationTable>[] = [];
    for (const studentId of studentIds) {
      const count = Math.max(1, Math.round(size.registrationsPerStudent * (0.5 + random.next())));
      for (const index of new Set(
        Array.from({ length: count }, () => random.integer(0, courseIds.length - 1)),
      )) {
        const courseId = courseIds[index];
        if (courseId !== undefined)
          registrations.push({ studentId, courseId, academicYear: size.academicYear, registeredAt: at });
      }
    }
    await insertInChunks(trx, 'courseRegistrations', registrations, 800);

    const enrolled = await seedEnrolmentsWithFees(
      trx,
      provisions,
      studentIds,
      random,
      size.academicYear,
      at,
      by,
    );
    // A stream of its own, so that every figure above stays as it was before student files existed.
    await seedStudentFiles(
      trx,
      studentIds,
      new SeededRandom(size.seed ^ 0x5f11e),
      Number(size.academicYear.slice(0, 4)),
    );

    // The application behind each enrolment, with its Art 13.1 documents verified (no randomness).
    await seedApplicationFacts(trx, provisions, size.academicYear, at);

    // Incoming exchange students: a stream of its own again, and seeded after everything above.
    const exchangeStudentIds = await seedExchangeStudents(
      trx,
      provisions,
      new SeededRandom(size.seed ^ 0xe8c4a),
      size.academicYear,
      at,
      by,
    );
    await seedStudentFiles(
      trx,
      exchangeStudentIds,
      new SeededRandom(size.seed ^ 0xe8c4b),
      Number(size.academicYear.slice(0, 4)),
    );

    // Credits of study-permit students for the study progress list: a stream of its own, seeded last.
    await seedStudyProgress(trx, new SeededRandom(size.seed ^ 0x57d9), size.academicYear, at, by);

    const counts = {
      programmes: newProgrammes.length,
      courses: courses.length,
      students: students.length,
      registrations: registrations.length,
      enrolments: enrolled,
      exchangeStudents: exchangeStudentIds.length,
    };
    await recordAudit(trx, ctx.actor, at, {
      action: 'demo.load',
      entity: 'database',
      entityId: 'catalogue',
      after: { ...counts, seed: size.seed },
    });
    return counts;
  });
}
