import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';

let folder: string;
let db: string;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'desk-cli-'));
  db = join(folder, 'desk.sqlite');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the desk CLI on a temporary --db', () => {
  it('seeds the demo data deterministically and refuses to seed twice', async () => {
    const seeded = await run('seed', '--demo', '--db', db, '--json');
    expect(seeded.code).toBe(0);
    const counts = JSON.parse(seeded.out) as { programmes: number; courses: number; students: number };
    expect(counts.courses).toBe(480);
    expect(counts.students).toBe(1200);
    expect(counts.programmes).toBeGreaterThan(60);
    const again = await run('seed', '--demo', '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toContain('only loaded into an empty database');

    const other = join(folder, 'other.sqlite');
    await run('seed', '--demo', '--db', other);
    const [a, b] = await Promise.all([
      run('orphans', '--db', db, '--json'),
      run('orphans', '--db', other, '--json'),
    ]);
    const content = (out: string) =>
      (JSON.parse(out) as { code: string; title: string; period: number; registeredStudents: number }[]).map(
        (c) => [c.code, c.title, c.period, c.registeredStudents],
      );
    expect(content(a.out)).toEqual(content(b.out));
    expect(content(a.out).length).toBeGreaterThan(20);
  });

  it('lists the courses without programme', async () => {
    const listed = await run('orphans', '--db', db, '--json');
    const orphans = JSON.parse(listed.out) as { code: string; registeredStudents: number }[];
    expect(orphans.length).toBeGreaterThan(20);
    expect(orphans.every((o) => typeof o.registeredStudents === 'number')).toBe(true);
  });

  it('checks the database', async () => {
    const checked = await run('check', '--db', db);
    expect(checked).toMatchObject({ code: 0, out: 'ok: integrity check passed, no foreign key violations.' });
    expect(JSON.parse((await run('check', '--db', db, '--json')).out)).toEqual({ ok: true, problems: [] });
  });

  it('backs the database up to a file that opens with the same data', async () => {
    const target = join(folder, 'backup.sqlite');
    const backedUp = await run('backup', target, '--db', db);
    expect(backedUp.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const original = JSON.parse((await run('orphans', '--db', db, '--json')).out) as unknown[];
    const copy = JSON.parse((await run('orphans', '--db', target, '--json')).out) as unknown[];
    expect(copy).toEqual(original);
    expect((await run('check', '--db', target)).code).toBe(0);
  });

  it('adds staff from DESK_PASSWORD and lists them', async () => {
    process.env['DESK_PASSWORD'] = 'correct horse battery';
    try {
      const added = await run(
        'staff',
        'add',
        '--username',
        'ada',
        '--name',
        'Ada Admin',
        '--role',
        'admin',
        '--db',
        db,
      );
      expect(added).toMatchObject({ code: 0, out: 'Added ada (admin).' });
      const bad = await run('staff', 'add', '--username', 'bo', '--name', 'Bo', '--role', 'boss', '--db', db);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain('error: role: Invalid option');
    } finally {
      delete process.env['DESK_PASSWORD'];
    }
    expect((await run('staff', 'list', '--db', db)).out).toContain('ada');
  });

  it('explains usage mistakes with exit code 2', async () => {
    expect((await run('seed', '--db', db)).code).toBe(2);
    expect((await run('seed', '--scale', 'many', '--db', db)).err).toContain('--scale takes a whole number');
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('check', '--nonsense', '--db', db)).code).toBe(2);
  });

  it('quotes a fee from a facts file as JSON with the articles', async () => {
    const quoted = await run(
      'fee',
      'quote',
      '--facts',
      'docs/fee-facts/first-year-eu-bachelor.json',
      '--db',
      db,
    );
    expect(quoted.code).toBe(0);
    const result = JSON.parse(quoted.out) as {
      tuition: { kind: string; amountCents: number; reasons: { article: string }[] };
    };
    expect(result.tuition).toMatchObject({ kind: 'low-statutory', amountCents: 110500 });
    expect(result.tuition.reasons.map((r) => r.article)).toContain('Art 17.1');
  });

  it('computes a refund from a facts file: €9,200 paid, termination requested in January → €5,366.67', async () => {
    const refunded = await run(
      'fee',
      'refund',
      '--facts',
      'docs/refund-facts/january-request-institutional-fee.json',
      '--db',
      db,
    );
    expect(refunded.code).toBe(0);
    expect(JSON.parse(refunded.out)).toMatchObject({
      effectiveDate: '2023-02-01',
      monthsRemaining: 7,
      refundCents: 536667,
      netRefundCents: 536667,
    });
  });

  it('refuses facts that do not parse, naming the field, as JSON', async () => {
    const folder2 = mkdtempSync(join(tmpdir(), 'desk-facts-'));
    const file = join(folder2, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ programmeCode: 'b-econometrics-and-operations-research', nationalities: ['Germany'] }),
    );
    const refused = await run('fee', 'quote', '--facts', file, '--db', db);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'facts.nationalities.0' },
    });
    writeFileSync(file, '{ not json');
    expect((await run('fee', 'quote', '--facts', file, '--db', db)).err).toContain(
      'is not a readable JSON file',
    );
    expect((await run('fee', 'estimate', '--facts', file, '--db', db)).code).toBe(2);
    rmSync(folder2, { recursive: true, force: true });
  });

  it('checks the wording of a long-term resident permit: desk ltr check --country DE --text … (App III)', async () => {
    const checked = await run(
      'ltr',
      'check',
      '--country',
      'DE',
      '--text',
      'Daueraufenthalt-EU',
      '--json',
      '--db',
      db,
    );
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.out)).toMatchObject({
      outcome: 'match',
      matchedTerm: { state: 'DE', term: 'Daueraufenthalt – EG', former: false },
    });
    const plain = await run('ltr', 'check', '--country', 'FR', '--text', 'Daueraufenthalt – EG', '--db', db);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^needs review: compare with “Daueraufenthalt – EG”/);
    expect(plain.out).toContain('App III');
    expect(
      (await run('ltr', 'check', '--country', 'IE', '--text', 'Long-term resident – EU', '--db', db)).out,
    ).toMatch(/^no match\n {2}App III {3}Ireland has not implemented Directive 2003\/109\/EC/);
    const refused = await run('ltr', 'check', '--country', 'US', '--text', 'x', '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('memberState: United States (US) is not a Member State of the EU');
    expect((await run('ltr', 'check', '--text', 'x', '--db', db)).code).toBe(2);
    expect((await run('ltr', 'verify', '--country', 'DE', '--text', 'x', '--db', db)).code).toBe(2);
  });

  it('lists every contract call with its roles', async () => {
    const calls = JSON.parse((await run('calls', '--json', '--db', db)).out) as { name: string }[];
    expect(calls.map((c) => c.name)).toContain('catalogue:linkCourses');
  });
});

describe('desk import of students and enrolments', () => {
  const students = [
    'student_number,family_name,given_names,email,date_of_birth,nationalities,registered_in_brp,country_of_residence',
    'i7000001,Müller,Anna,a.muller@student.example.nl,2004-02-28,DE,yes,NL',
    'i7000002,Jansen,Piet,,2003-31-01,NL,yes,NL',
  ];
  const enrolments = [
    'student_number,academic_year,programme_code,kind,mode,start_date,admission_status,is_re_enrolment',
    'i7000001,2022-23,b-psychology,regular,full-time,2022-09-01,admitted,no',
  ];

  it('checks a students file, names the bad row and column, then imports the fixed file', async () => {
    const fresh = join(folder, 'import.sqlite');
    const file = join(folder, 'students.csv');
    writeFileSync(file, `${students.join('\n')}\n`);
    const bad = await run('import', '--kind', 'students', file, '--dry-run', '--db', fresh);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('row 3, column date_of_birth:');
    expect(bad.err).toContain("found '2003-31-01'");

    writeFileSync(file, `${students.join('\n').replace('2003-31-01', '2003-01-31')}\n`);
    const dry = await run('import', '--kind', 'students', file, '--dry-run', '--db', fresh);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain('Dry run: would create 2, update 0, unchanged 0 (2 rows).');
    expect(dry.out).toContain('row 2: create student number i7000001 (with profile)');
    const real = await run('import', '--kind', 'students', file, '--db', fresh);
    expect(real).toMatchObject({ code: 0, out: 'Created 2, updated 0, unchanged 0 (2 rows).' });

    const enrolmentFile = join(folder, 'enrolments.csv');
    writeFileSync(enrolmentFile, `${enrolments.join('\n')}\n`);
    const checked = await run('import', '--kind', 'enrolments', enrolmentFile, '--dry-run', '--db', fresh);
    expect(checked.err).toBe('');
    expect(checked.out).toMatch(
      /row 2: create the application of i7000001 for b-psychology in 2022-23 \(applied from 2022-09-01; fee/,
    );
    const imported = await run('import', '--kind', 'enrolments', enrolmentFile, '--db', fresh, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ created: 1, problems: [] });
  });
});
