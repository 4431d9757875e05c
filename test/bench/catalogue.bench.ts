import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../../src/core/context';
import { createDesk } from '../../src/core/desk';
import { scaleSize, seedCatalogue } from '../../src/core/modules/demo/demo-seed';
import { addStaff } from '../../src/core/modules/staff/staff.service';
import { loadProvisions } from '../../src/core/provisions/load-provisions';
import { assessTuitionFee } from '../../src/core/modules/fees/tuition-fee.rules';
import type { FeeFacts } from '../../src/shared/facts/fee-facts';
import { formatCents } from '../../src/shared/money';

/** p50 and p95 of a list of durations in ms. */
function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

async function time(
  runs: number,
  work: (index: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await work(i); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

/** Benchmarks the catalogue's interactive calls on a university-scale database, through the whole call path. */
export async function benchCatalogue(students: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const desk = await createDesk({ databaseFile: join(folder, 'bench.sqlite') });
  try {
    const ctx = { db: desk.database.db, clock: { now: () => new Date() }, actor: systemActor };
    const seedStarted = performance.now();
    const counts = await seedCatalogue(ctx, loadProvisions(), scaleSize(students, 1));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `seed --scale ${students}: ${counts.courses} courses, ${counts.students} students, ${counts.registrations} registrations, ${counts.enrolments} enrolments with fees in ${seedSeconds.toFixed(1)} s`,
    );

    const clerk = await addStaff(ctx, {
      username: 'bench',
      displayName: 'Bench Clerk',
      password: 'bench password',
      role: 'desk',
    });
    const token = desk.sessions.start(clerk.id);
    const call = async (name: string, input: unknown) => {
      const envelope = await desk.invoke(token, name, input);
      if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
      return envelope.value;
    };
    const orphans = (await call('catalogue:listOrphanCourses', {})) as { id: number }[];
    const programmes = (await call('catalogue:listProgrammes', {})) as { id: number }[];
    const words = [
      'econ',
      'law',
      'introduction',
      'advanced',
      'health',
      'EBC1',
      'data',
      'psych',
      'Hendriks',
      'topics in',
    ];
    const programmeWords = ['econ', 'M ', 'law', 'health', 'data science', 'euro', 'psy', 'B Lib'];

    const results: [string, { p50: number; p95: number }][] = [
      [
        `orphan-course list (${orphans.length} rows)`,
        await time(200, () => call('catalogue:listOrphanCourses', {})),
      ],
      [
        'course search (page of 50)',
        await time(300, (i) => call('catalogue:listCourses', { search: words[i % words.length], limit: 50 })),
      ],
      [
        'course list sorted by registrations',
        await time(100, () =>
          call('catalogue:listCourses', { sortBy: 'registeredStudents', sortDirection: 'desc', limit: 50 }),
        ),
      ],
      [
        'programme-picker search',
        await time(300, (i) =>
          call('catalogue:searchProgrammes', { query: programmeWords[i % programmeWords.length], limit: 20 }),
        ),
      ],
      [
        'link call (1 course → 1 programme, audited)',
        await time(Math.min(150, orphans.length - 5), (i) => {
          const course = orphans[i % orphans.length];
          const programme = programmes[i % programmes.length];
          return call('catalogue:linkCourses', { courseIds: [course?.id], programmeIds: [programme?.id] });
        }),
      ],
    ];
    // Every enrolment of the database assessed again from its stored facts (Art 16–30), reads included.
    const assessStarted = performance.now();
    const rows = await desk.database.db
      .selectFrom('enrolments')
      .select(['feeFactsJson', 'academicYear'])
      .execute();
    const provisions = loadProvisions();
    let total = 0;
    for (const row of rows)
      total += assessTuitionFee(JSON.parse(row.feeFactsJson) as FeeFacts, provisions).amountCents;
    const assessSeconds = (performance.now() - assessStarted) / 1000;
    console.log(
      `re-assessed all ${rows.length} enrolments (read, parse, assess) in ${assessSeconds.toFixed(2)} s (target under 2 s); fees total ${formatCents(total)}`,
    );
    console.log('\ncall                                          p50 ms   p95 ms   (target p95 < 20 ms)');
    for (const [name, { p50, p95 }] of results) {
      console.log(
        `${name.padEnd(44)} ${p50.toFixed(2).padStart(7)}  ${p95.toFixed(2).padStart(7)}   ${p95 < 20 ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    await desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
