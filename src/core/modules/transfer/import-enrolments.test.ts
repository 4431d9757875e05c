import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudentProfileInput } from '../../../shared/facts/student-profile';
import { csvBase64, openTransferTestBed, xlsxBase64, type TransferTestBed } from './transfer-test-support';

let bed: TransferTestBed;

/** A German national living in Maastricht, registered in the BRP. */
const EU_NATIONAL: StudentProfileInput = {
  dateOfBirth: '2003-05-01',
  nationalities: ['DE'],
  registeredInBrp: true,
  residence: { countryOfResidence: 'NL' },
  priorEducation: { country: 'DE', diploma: 'other' },
};

async function addStudent(number: string, profile: StudentProfileInput | null) {
  await bed.database.db
    .insertInto('students')
    .values({
      studentNumber: number,
      familyName: `Family ${number}`,
      givenNames: 'Alex',
      email: null,
      profileJson: profile === null ? null : JSON.stringify(profile),
      createdAt: '2022-05-01T08:00:00.000Z',
      updatedAt: '2022-05-01T08:00:00.000Z',
      updatedBy: 'seed',
    })
    .execute();
}

beforeEach(async () => {
  bed = await openTransferTestBed();
  bed.clock.set('2022-07-01T09:00:00.000Z');
  await addStudent('i6000001', EU_NATIONAL);
  await addStudent('i6000002', {
    dateOfBirth: '2000-02-10',
    nationalities: ['US'],
    residence: { countryOfResidence: 'US', permit: { type: 'study', validFrom: '2022-08-25' } },
    priorEducation: { country: 'US', diploma: 'bachelor-degree' },
  });
  await addStudent('i6000003', null);
  await addStudent('i6000004', {
    ...EU_NATIONAL,
    refusalFlags: { seriousFraudTermination: { terminatedOn: '2021-03-01' } },
  });
});
afterEach(async () => {
  await bed.close();
});

const header =
  'student_number,academic_year,programme_code,kind,mode,start_date,admission_status,interim_decision_date,interim_decision_reference,is_re_enrolment,first_dutch_he_enrolment_date';
const good1 = 'i6000001,2022-23,b-psychology,regular,full-time,2022-09-01,admitted,,,no,';
const good2 = 'i6000002,2022-23,b-psychology,regular,full-time,2022-09-01,pending,,,no,2021-09-01';

async function enrolmentCounts() {
  const count = async (table: 'enrolments' | 'ledgerEntries' | 'enrolmentDocuments' | 'auditLog') =>
    (
      await bed.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return {
    enrolments: await count('enrolments'),
    ledger: await count('ledgerEntries'),
    documents: await count('enrolmentDocuments'),
    audit: await count('auditLog'),
  };
}

const importEnrolments = (lines: readonly string[], options: { dryRun?: boolean } = {}) =>
  bed.importFile('enrolments', 'enrolments.csv', csvBase64(lines), options);

describe('importing enrolment applications', () => {
  it('records each row as enrolments:apply does: applied, fee charged, Art 13 documents requested', async () => {
    const result = await importEnrolments([header, good1, good2]);
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0, problems: [] });
    const enrolments = await bed.database.db.selectFrom('enrolments').selectAll().orderBy('id').execute();
    expect(enrolments.map((e) => [e.programmeCode, e.mode, e.status, e.startDate])).toEqual([
      ['b-psychology', 'full-time', 'applied', '2022-09-01'],
      ['b-psychology', 'full-time', 'applied', '2022-09-01'],
    ]);
    expect(enrolments.every((e) => e.feeCents > 0)).toBe(true);
    const facts = JSON.parse(enrolments[1]?.feeFactsJson ?? '{}') as {
      nationalities: string[];
      rodHo: { firstEnrolment: { startedOn: string } | null };
    };
    expect(facts.nationalities).toEqual(['US']);
    expect(facts.rodHo.firstEnrolment?.startedOn).toBe('2021-09-01');
    const counts = await enrolmentCounts();
    expect(counts.ledger).toBe(2);
    expect(counts.documents).toBeGreaterThan(0);
    const actions = await bed.database.db.selectFrom('auditLog').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['enrolment.apply', 'enrolment.apply', 'import.file']);
    expect(result.outcomes.map((o) => [o.row, o.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
    ]);
    expect(result.outcomes[0]?.detail).toMatch(
      /^applied from 2022-09-01; fee € ?[\d.,]+; documents .+ requested$/,
    );
  });

  it('lists every row in the dry run and writes nothing', async () => {
    const before = await enrolmentCounts();
    const result = await importEnrolments([header, good1, good2], { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 2, problems: [] });
    expect(result.outcomes).toHaveLength(2);
    expect(await enrolmentCounts()).toEqual(before);
  });

  it('counts an application that already stands as unchanged', async () => {
    await importEnrolments([header, good1]);
    const again = await importEnrolments([header, good1]);
    expect(again).toMatchObject({ created: 0, unchanged: 1, problems: [] });
    expect(again.outcomes[0]?.detail).toMatch(/^already applied \(enrolment \d+, applied\)$/);
  });

  it('reads XLSX as well, with a date cell and a TRUE cell', async () => {
    const content = await xlsxBase64([
      header.split(','),
      [
        'i6000001',
        '2022-23',
        'b-psychology',
        'regular',
        'full-time',
        new Date(Date.UTC(2022, 8, 1)),
        'admitted',
        null,
        null,
        false,
        null,
      ],
    ]);
    const result = await bed.importFile('enrolments', 'enrolments.xlsx', content);
    expect(result).toMatchObject({ created: 1, problems: [] });
  });
});

describe('a bad row stops the whole file, and names its row and column', () => {
  async function expectNothingWritten(lines: readonly string[]) {
    const before = await enrolmentCounts();
    const result = await importEnrolments(lines);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(await enrolmentCounts()).toEqual(before);
    return result;
  }

  it('names a student who is not in the database', async () => {
    const result = await expectNothingWritten([header, good1, good1.replace('i6000001', 'i6000099')]);
    expect(result.problems).toEqual([
      {
        row: 3,
        column: 'student_number',
        message:
          'student_number i6000099 is not a student in the database; import the student (with date_of_birth, nationalities and country_of_residence) first.',
      },
    ]);
    expect(result.outcomes.map((o) => o.action)).toEqual(['create', 'problem']);
  });

  it('names an unknown programme code', async () => {
    const result = await expectNothingWritten([header, good1.replace('b-psychology', 'b-astrology')]);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'programme_code',
        message:
          'programme_code b-astrology is not a programme of the 2022-23 provisions (App I, IV, VI); write a code such as b-psychology or m-economics.',
      },
    ]);
  });

  it('refuses a student without a profile, saying why', async () => {
    const result = await expectNothingWritten([header, good1.replace('i6000001', 'i6000003')]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 2, column: 'student_number' });
    expect(result.problems[0]?.message).toContain('Student i6000003 has no usable profile');
    expect(result.problems[0]?.message).toContain('Record the profile on the student file first.');
  });

  it('reports a refusal of Art 3 with its article, and rolls back the good rows before it', async () => {
    const result = await expectNothingWritten([header, good1, good1.replace('i6000001', 'i6000004')]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 3, column: 'student_number' });
    expect(result.problems[0]?.message).toMatch(/^The enrolment is refused: .*\(Art 3\.2\)/);
  });

  it('names an academic year without provisions', async () => {
    const result = await expectNothingWritten([header, good1.replace('2022-23', '2031-32')]);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'academic_year',
        message: 'academic_year 2031-32 has no enrolment provisions; write one of 2022-23.',
      },
    ]);
  });

  const cellCases: { column: string; value: string; message: string }[] = [
    {
      column: 'student_number',
      value: 'i-1',
      message: "student_number must be 5 to 12 letters or digits; found 'i-1'.",
    },
    {
      column: 'academic_year',
      value: '2022-24',
      message:
        "academic_year must be an academic year written like 2022-23 (the second part is the next year); found '2022-24'.",
    },
    {
      column: 'programme_code',
      value: 'b psychology',
      message:
        "programme_code must be a code of at most 100 characters without spaces; found 'b psychology'.",
    },
    {
      column: 'kind',
      value: 'visiting',
      message: "kind must be one of regular, external, exchange, subsidiary; found 'visiting'.",
    },
    {
      column: 'mode',
      value: 'evening',
      message: "mode must be one of full-time, part-time; found 'evening'.",
    },
    {
      column: 'start_date',
      value: '01-09-2022',
      message: "start_date must be a real date written YYYY-MM-DD (e.g. 2023-02-28); found '01-09-2022'.",
    },
    {
      column: 'admission_status',
      value: 'yes',
      message: "admission_status must be one of pending, admitted, refused; found 'yes'.",
    },
    {
      column: 'interim_decision_date',
      value: 'soon',
      message:
        "interim_decision_date must be a real date written YYYY-MM-DD (e.g. 2023-02-28); found 'soon'.",
    },
    {
      column: 'interim_decision_reference',
      value: 'r'.repeat(101),
      message: `interim_decision_reference must be text of at most 100 characters; found '${'r'.repeat(39)}…'.`,
    },
    {
      column: 'is_re_enrolment',
      value: 'perhaps',
      message: "is_re_enrolment must be yes or no (true/false and 1/0 work too); found 'perhaps'.",
    },
    {
      column: 'first_dutch_he_enrolment_date',
      value: '2021-02-30',
      message:
        "first_dutch_he_enrolment_date must be a real date written YYYY-MM-DD (e.g. 2023-02-28); found '2021-02-30'.",
    },
  ];

  it.each(cellCases)('names $column in row 3', async ({ column, value, message }) => {
    const cells = good1.split(',');
    cells[header.split(',').indexOf(column)] = value;
    const result = await expectNothingWritten([header, good2, cells.join(',')]);
    expect(result.problems).toEqual([{ row: 3, column, message }]);
  });

  it('names a decision reference without its date (Art 4.4)', async () => {
    const result = await expectNothingWritten([
      header,
      good1.replace('admitted,,,', 'admitted,,SSC-2022-17,'),
    ]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[2, 'interim_decision_date']]);
  });

  it('names the same application twice in a file', async () => {
    const result = await expectNothingWritten([header, good1, good1]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'student_number, academic_year, programme_code'],
    ]);
  });
});
