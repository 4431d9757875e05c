import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeFile } from '../../../shared/api/exchange.contract';
import { loadProvisions } from '../../provisions/load-provisions';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { demoExchangeStudents } from './demo-exchange';
import { demoSize, seedCatalogue } from './demo-seed';

interface OverviewRow {
  studentId: number;
  homeUniversity: string;
  semesters: string[];
  courses: string[];
  violations: { period: number; article: string }[];
}

let t: TestDesk;
let items: OverviewRow[];
beforeAll(async () => {
  t = await createTestDesk();
  await seedCatalogue(t.contextOf('system'), loadProvisions(), demoSize);
  items = (await t.call<{ items: OverviewRow[] }>('iro', 'exchange:overview', {})).items;
});
afterAll(async () => {
  await t.close();
});

describe('demo exchange students', () => {
  it('seeds a few dozen exchange students of fall and spring 2022-23 from several home universities', () => {
    expect(items).toHaveLength(demoExchangeStudents);
    expect(new Set(items.map((i) => i.homeUniversity)).size).toBeGreaterThanOrEqual(5);
    const fall = items.filter((i) => i.semesters.includes('2022-fall'));
    const spring = items.filter((i) => i.semesters.includes('2023-spring'));
    expect(fall.length).toBeGreaterThan(10);
    expect(spring.length).toBeGreaterThan(5);
    expect(items.some((i) => i.semesters.length === 2)).toBe(true);
  });

  it('registers most for one or two courses per period, and leaves a few without courses for the IRO', () => {
    const withoutCourses = items.filter((i) => i.courses.length === 0);
    expect(withoutCourses).toHaveLength(3);
    const withCourses = items.filter((i) => i.courses.length > 0);
    // A few fall short of 6.5 ECTS in a period; never more than two courses per period.
    expect(withCourses.filter((i) => i.violations.length === 0).length).toBeGreaterThan(
      withCourses.length / 2,
    );
    expect(items.flatMap((i) => i.violations).filter((v) => v.article.includes('two courses'))).toEqual([]);
  });

  it('has results of the periods past, with the automatic re-sit after an insufficient grade', async () => {
    const files = await Promise.all(
      items.map((i) => t.call<ExchangeFile>('iro', 'exchange:file', { studentId: i.studentId })),
    );
    const attempts = files.flatMap((f) => f.attempts);
    const insufficient = attempts.filter(
      (a) => a.sitting === 'first' && a.isPass === false && a.grade !== 'NG',
    );
    expect(insufficient.length).toBeGreaterThan(0);
    for (const first of insufficient) {
      const file = files.find((f) => f.attempts.includes(first));
      expect(
        file?.attempts.find((a) => a.courseId === first.courseId && a.sitting === 'resit'),
      ).toMatchObject({
        registeredHow: 'automatic',
      });
    }
    expect(attempts.some((a) => a.description === 'Good')).toBe(true);
  });

  it('charges exchange students no tuition fee (Art 10.4)', async () => {
    const fees = await t.desk.database.db
      .selectFrom('enrolments')
      .select(['feeCents', 'feeKind'])
      .where('enrolmentKind', '=', 'exchange')
      .execute();
    expect(fees).toHaveLength(demoExchangeStudents);
    expect(new Set(fees.map((f) => f.feeCents))).toEqual(new Set([0]));
  });
});
