import type { Insertable, Transaction } from 'kysely';
import type {
  CourseRegistrationTable,
  Database,
  ExamAttemptTable,
  ExchangeStayTable,
} from '../../db/database';
import type { Provisions } from '../../provisions/provisions.schema';
import { feeFactsSchema } from '../../../shared/facts/fee-facts';
import { assessTuitionFee } from '../fees/tuition-fee.rules';
import {
  periodOf,
  periodsOfTerm,
  semesterDates,
  semesterKey,
  umAccountEndsOn,
  type SemesterTerm,
} from '../exchange/exchange-calendar';
import type { ExchangeGuide } from '../exchange/exchange-guide.schema';
import { loadExchangeGuide } from '../exchange/load-exchange-guide';
import type { SeededRandom } from './random';

/** A partner university of the demo with its agreement and names its students plausibly carry. */
interface DemoPartner {
  readonly name: string;
  readonly country: string;
  readonly agreement: string;
  readonly givenNames: readonly string[];
  readonly familyNames: readonly string[];
}

/** The demo's partner universities: Erasmus+ partners in Europe and bilateral ones beyond. */
export const demoPartners: readonly DemoPartner[] = [
  {
    name: 'Università Bocconi',
    country: 'IT',
    agreement: 'Erasmus+ SBE–Bocconi 2021-2027',
    givenNames: ['Giulia', 'Luca', 'Chiara', 'Marco', 'Francesca', 'Matteo'],
    familyNames: ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci'],
  },
  {
    name: 'Universität Mannheim',
    country: 'DE',
    agreement: 'Erasmus+ SBE–Mannheim 2021-2027',
    givenNames: ['Lena', 'Jonas', 'Hannah', 'Felix', 'Marie', 'Paul'],
    familyNames: ['Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Wagner'],
  },
  {
    name: 'ESADE Business School',
    country: 'ES',
    agreement: 'Erasmus+ SBE–ESADE 2021-2027',
    givenNames: ['Lucía', 'Pablo', 'Carmen', 'Javier', 'Marta', 'Álvaro'],
    familyNames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez'],
  },
  {
    name: 'Copenhagen Business School',
    country: 'DK',
    agreement: 'Erasmus+ SBE–CBS 2021-2027',
    givenNames: ['Freja', 'Mikkel', 'Ida', 'Rasmus', 'Sofie', 'Emil'],
    familyNames: ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen'],
  },
  {
    name: 'Université Paris Dauphine – PSL',
    country: 'FR',
    agreement: 'Erasmus+ SBE–Dauphine 2021-2027',
    givenNames: ['Camille', 'Louis', 'Léa', 'Hugo', 'Manon', 'Théo'],
    familyNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent'],
  },
  {
    name: 'University of Toronto',
    country: 'CA',
    agreement: 'Bilateral agreement SBE–Rotman 2020-2025',
    givenNames: ['Emily', 'Ethan', 'Olivia', 'Liam', 'Ava', 'Noah'],
    familyNames: ['Smith', 'Tremblay', 'Brown', 'Wilson', 'MacDonald', 'Campbell'],
  },
  {
    name: 'Seoul National University',
    country: 'KR',
    agreement: 'Bilateral agreement SBE–SNU 2019-2024',
    givenNames: ['Ji-woo', 'Min-jun', 'Seo-yeon', 'Do-hyun', 'Ha-eun', 'Ye-jin'],
    familyNames: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang'],
  },
  {
    name: 'Universidade de São Paulo',
    country: 'BR',
    agreement: 'Bilateral agreement SBE–FEA-USP 2021-2026',
    givenNames: ['Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Gabriel'],
    familyNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Almeida'],
  },
];

/** How many exchange students the demo has. */
export const demoExchangeStudents = 36;

/** Every this many exchange students, one has arrived without any course registered yet (the IRO's work). */
const withoutCoursesEvery = 12;

/** Grades of first sittings, in halves (Exchange guide, Grade conversion), weighted towards the middle. */
const demoGrades = [40, 50, 55, 60, 60, 65, 65, 70, 70, 70, 75, 75, 80, 80, 85, 90] as const;

type CourseRow = { id: number; period: number; ects: number; isSkillsTraining: number; faculty: string };

function coursesOfPeriod(courses: readonly CourseRow[], period: number, isSkillsTraining: boolean) {
  const ofPeriod = courses.filter(
    (c) => c.period === period && (c.isSkillsTraining === 1) === isSkillsTraining,
  );
  const sbe = ofPeriod.filter((c) => c.faculty === 'SBE');
  return sbe.length >= 4 ? sbe : ofPeriod;
}

/** The courses a student registers for in a period: one or two courses; in a skills period often a training. */
function demoCoursesOfPeriod(
  random: SeededRandom,
  guide: ExchangeGuide,
  courses: readonly CourseRow[],
  period: number,
): CourseRow[] {
  const isSkillsPeriod = guide.registration.skillsTrainingPeriods.periods.includes(period);
  if (isSkillsPeriod) {
    const roll = random.next();
    if (roll < 0.5) {
      const trainings = coursesOfPeriod(courses, period, true);
      return trainings.length ? [random.pick(trainings)] : [];
    }
    if (roll < 0.7) {
      const regular = coursesOfPeriod(courses, period, false);
      return regular.length ? [random.pick(regular)] : [];
    }
    return [];
  }
  const regular = coursesOfPeriod(courses, period, false);
  // The first course carries the minimum of 6.5 ECTS where the catalogue allows; now and then it does not.
  const full = regular.filter((c) => c.ects >= guide.registration.minCoursesPerPeriod.ects);
  const first = random.chance(0.9) && full.length ? random.pick(full) : random.pick(regular);
  if (random.chance(0.3)) return [first];
  const second = random.pick(regular.filter((c) => c.id !== first.id));
  return [first, second];
}

/**
 * Seeds incoming exchange students of 2022-23 (fall, spring, or both) with their exchange enrolment (no fee,
 * Art 10.4), the stay, course registrations per period and first-sitting results of the periods past,
 * with the automatic re-sit registration after an insufficient grade. Draws only from `random`, a stream of
 * its own, so every other demo figure stays as it was. Returns the new students' ids.
 */
export async function seedExchangeStudents(
  trx: Transaction<Database>,
  provisions: Provisions,
  random: SeededRandom,
  academicYear: string,
  at: string,
  by: string,
): Promise<number[]> {
  const guide = loadExchangeGuide(academicYear);
  const courses = await trx
    .selectFrom('courses')
    .select(['id', 'period', 'ects', 'isSkillsTraining', 'faculty'])
    .orderBy('id')
    .execute();
  const studentIds: number[] = [];
  for (let index = 0; index < demoExchangeStudents; index++) {
    const partner = random.pick(demoPartners);
    const roll = random.next();
    const terms: SemesterTerm[] = roll < 0.55 ? ['fall'] : roll < 0.85 ? ['spring'] : ['fall', 'spring'];
    const studentNumber = `i${String(6_200_000 + index * 3 + random.integer(0, 2))}`;
    const student = await trx
      .insertInto('students')
      .values({
        studentNumber,
        givenNames: random.pick(partner.givenNames),
        familyName: random.pick(partner.familyNames),
        email: `${studentNumber}@student.maastrichtuniversity.nl`,
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    studentIds.push(student.id);
    const firstTerm = terms[0] ?? 'fall';
    const lastTerm = terms.at(-1) ?? firstTerm;
    const startsOn = semesterDates(guide, firstTerm).startsOn;
    const endsOn = semesterDates(guide, lastTerm).endsOn;
    const facts = feeFactsSchema.parse({
      enrolmentKind: 'exchange',
      programmeCode: null,
      nationalities: [partner.country],
      startDate: startsOn,
    });
    const fee = assessTuitionFee(facts, provisions);
    const enrolment = await trx
      .insertInto('enrolments')
      .values({
        studentId: student.id,
        academicYear,
        programmeCode: null,
        enrolmentKind: 'exchange',
        mode: facts.mode,
        startDate: startsOn,
        status: 'enrolled',
        feeFactsJson: JSON.stringify(facts),
        feeKind: fee.kind,
        feeCents: fee.amountCents,
        feeReasonsJson: JSON.stringify(fee.reasons),
        createdAt: at,
        updatedAt: at,
        updatedBy: by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stay: Insertable<ExchangeStayTable> = {
      enrolmentId: enrolment.id,
      studentId: student.id,
      homeUniversity: partner.name,
      homeCountry: partner.country,
      agreement: partner.agreement,
      semestersJson: JSON.stringify(terms.map((term) => semesterKey(academicYear, term))),
      startsOn,
      endsOn,
      umAccountEndsOn: umAccountEndsOn(guide, endsOn),
      createdAt: at,
      updatedAt: at,
      updatedBy: by,
    };
    await trx.insertInto('exchangeStays').values(stay).execute();
    if (index % withoutCoursesEvery === withoutCoursesEvery - 1) continue;

    const registrations: Insertable<CourseRegistrationTable>[] = [];
    const attempts: Insertable<ExamAttemptTable>[] = [];
    for (const period of terms.flatMap((term) => periodsOfTerm(guide, term))) {
      const dates = periodOf(guide, period);
      for (const course of demoCoursesOfPeriod(random, guide, courses, period)) {
        registrations.push({
          studentId: student.id,
          courseId: course.id,
          academicYear,
          registeredAt: `${dates.registrationClosesOn}T10:00:00.000Z`,
        });
        // Results of periods 1, 2 and 4 are in; the others are still to be sat.
        const isGraded = [1, 2, 4].includes(period);
        const isNoGrade = isGraded && random.chance(0.06);
        const tenths = isGraded && !isNoGrade ? random.pick(demoGrades) : null;
        const attempt = {
          studentId: student.id,
          courseId: course.id,
          academicYear,
          createdAt: at,
          updatedAt: at,
          updatedBy: by,
        };
        attempts.push({
          ...attempt,
          sitting: 'first',
          status: isGraded ? 'graded' : 'registered',
          registeredHow: 'with-course',
          gradeTenths: tenths,
          isNoGrade: isNoGrade ? 1 : 0,
          gradedOn: isGraded ? dates.endsOn : null,
        });
        // Exchange guide, Re-sits: an insufficient first result registers the student for the re-sit.
        if (tenths !== null && tenths < guide.grading.passMark * 10) {
          const resitTenths = period === 1 && random.chance(0.6) ? random.pick(demoGrades) : null;
          attempts.push({
            ...attempt,
            sitting: 'resit',
            status: resitTenths === null ? 'registered' : 'graded',
            registeredHow: 'automatic',
            gradeTenths: resitTenths,
            isNoGrade: 0,
            gradedOn: resitTenths === null ? null : periodOf(guide, 3).endsOn,
          });
        }
      }
    }
    if (registrations.length) await trx.insertInto('courseRegistrations').values(registrations).execute();
    if (attempts.length) await trx.insertInto('examAttempts').values(attempts).execute();
  }
  return studentIds;
}
