import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../../src/core/context';
import { createDesk } from '../../src/core/desk';
import { familyNames, givenNames } from '../../src/core/modules/demo/demo-vocabulary';
import { SeededRandom } from '../../src/core/modules/demo/random';
import { addStaff } from '../../src/core/modules/staff/staff.service';

/** p50 and p95 of a list of durations in ms. */
function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

/**
 * Student search (students:search) through the whole call path on `count` students.
 *
 * The students are inserted lean (names, number, a small profile) straight into SQLite: the scale seed
 * with courses and enrolments is not what this measures. The FTS5 index is filled by its triggers.
 */
export async function benchStudentSearch(count: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'desk-bench-search-'));
  const desk = await createDesk({ databaseFile: join(folder, 'bench.sqlite') });
  try {
    const random = new SeededRandom(7);
    const at = new Date().toISOString();
    const seedStarted = performance.now();
    const insert = desk.database.sqlite.prepare(
      `insert into students (student_number, family_name, given_names, email, profile_json, contact_json,
         version, created_at, updated_at, updated_by)
       values (?, ?, ?, ?, ?, '{"addresses":[]}', 1, ?, ?, 'bench')`,
    );
    const nationalities = ['NL', 'DE', 'BE', 'IT', 'CN', 'IN', 'GR', 'PL'];
    desk.database.sqlite.transaction(() => {
      for (let index = 0; index < count; index++) {
        const number = `i${String(6_000_000 + index * 7 + random.integer(0, 6)).padStart(7, '0')}`;
        const profile = {
          dateOfBirth: `${random.integer(1995, 2004)}-0${random.integer(1, 9)}-1${random.integer(0, 9)}`,
          nationalities: [random.pick(nationalities)],
          residence: { countryOfResidence: 'NL' },
        };
        insert.run(
          number,
          random.pick(familyNames),
          random.chance(0.2)
            ? `${random.pick(givenNames)} ${random.pick(givenNames)}`
            : random.pick(givenNames),
          `${number}@student.maastrichtuniversity.nl`,
          JSON.stringify(profile),
          at,
          at,
        );
      }
    })();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `\nstudent search: ${count.toLocaleString('en-GB')} students inserted lean in ${seedSeconds.toFixed(1)} s`,
    );

    const ctx = { db: desk.database.db, clock: { now: () => new Date() }, actor: systemActor };
    const clerk = await addStaff(ctx, {
      username: 'bench',
      displayName: 'Bench Clerk',
      password: 'bench password',
      role: 'desk',
    });
    const token = desk.sessions.start(clerk.id);
    const search = async (query: string) => {
      const envelope = await desk.invoke(token, 'students:search', { query, limit: 20 });
      if (!envelope.ok) throw new Error(`students:search: ${envelope.error.message}`);
      return envelope.value as unknown[];
    };
    // What a clerk types, key by key: every prefix of these, as search-as-you-type sends them.
    const typed = [
      'Muller',
      'mül anna',
      'de vries',
      'i600123',
      '6004',
      'Παπαδ',
      'Иван',
      'lefevre e',
      'Ó Bri',
    ];
    const queries = typed.flatMap((text) =>
      Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1)),
    );
    for (const query of queries.slice(0, 10)) await search(query); // warm up
    const groups: [string, (query: string) => boolean][] = [
      ['every keystroke (1 character and more)', () => true],
      ['2 characters and more', (query) => query.trim().length >= 2],
      ['1 character only', (query) => query.trim().length === 1],
    ];
    const samples = new Map<string, number>();
    let hits = 0;
    for (let round = 0; round < 5; round++) {
      for (const query of queries) {
        const started = performance.now();
        hits += (await search(query)).length;
        const elapsed = performance.now() - started;
        samples.set(`${round}:${query}`, elapsed);
      }
    }
    console.log('call                                          p50 ms   p95 ms   (target p95 < 10 ms)');
    for (const [label, include] of groups) {
      const list = [...samples]
        .filter(([key]) => include(key.slice(key.indexOf(':') + 1)))
        .map(([, ms]) => ms);
      const { p50, p95 } = percentiles(list);
      console.log(
        `${`students:search, ${label}`.padEnd(44)} ${p50.toFixed(2).padStart(7)}  ${p95.toFixed(2).padStart(7)}   ${p95 < 10 ? 'ok' : 'OVER'}  (${list.length} searches)`,
      );
    }
    console.log(`(${hits.toLocaleString('en-GB')} hits returned in all)`);
  } finally {
    await desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
