import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/errors';
import { columnLetter, maxListedProblems } from './import-file';
import {
  courseLines,
  csvBase64,
  openTransferTestBed,
  programmeLines,
  seedCatalogue,
  studentLines,
  testActor,
  xlsxBase64,
  type TransferTestBed,
} from './transfer-test-support';

let bed: TransferTestBed;

beforeEach(async () => {
  bed = await openTransferTestBed();
});
afterEach(async () => {
  await bed.close();
});

async function auditRows() {
  return bed.database.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
}

describe('importing each kind from CSV', () => {
  it('creates programmes with their level, faculty and yes/no flags', async () => {
    const result = await bed.importFile('programmes', 'programmes.csv', csvBase64(programmeLines));
    expect(result).toEqual({
      dryRun: false,
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      problems: [],
      outcomes: [
        { row: 2, action: 'create', record: 'programme code b-eor', detail: '' },
        { row: 3, action: 'create', record: 'programme code m-economics', detail: '' },
        { row: 4, action: 'create', record: 'programme code pre-dsdm', detail: '' },
      ],
      outcomesLeftOut: 0,
    });
    const rows = await bed.database.db.selectFrom('programmes').selectAll().orderBy('code').execute();
    expect(
      rows.map((r) => [r.code, r.level, r.faculty, r.hasPartTimeVariant, r.isSmallScaleIntensive]),
    ).toEqual([
      ['b-eor', 'bachelor', 'SBE', 0, 0],
      ['m-economics', 'master', 'SBE', 1, 0],
      ['pre-dsdm', 'pre-master', null, 0, 1],
    ]);
    expect(rows[0]).toMatchObject({
      version: 1,
      createdAt: '2023-03-14T10:00:00.000Z',
      updatedAt: '2023-03-14T10:00:00.000Z',
      updatedBy: 'Petra Desk',
    });
  });

  it('creates courses, reading a decimal comma and a quoted comma', async () => {
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(courseLines));
    expect(result).toMatchObject({ rows: 3, created: 3, problems: [] });
    const rows = await bed.database.db.selectFrom('courses').selectAll().orderBy('code').execute();
    expect(rows.map((r) => [r.code, r.ects, r.period, r.coordinator, r.isSkillsTraining])).toEqual([
      ['EBC1005', 6.5, 1, 'Dr. M. Hendriks', 0],
      ['EBC2011', 6.5, 2, null, 0],
      ['EBS1001', 4, 3, 'Jansen, P.', 1],
    ]);
  });

  it('creates students, with and without email', async () => {
    const result = await bed.importFile('students', 'students.csv', csvBase64(studentLines));
    expect(result).toMatchObject({ rows: 2, created: 2, problems: [] });
    const rows = await bed.database.db
      .selectFrom('students')
      .select(['studentNumber', 'familyName', 'givenNames', 'email'])
      .orderBy('studentNumber')
      .execute();
    expect(rows).toEqual([
      {
        studentNumber: 'i6000001',
        familyName: 'Müller',
        givenNames: 'Anna',
        email: 'a.muller@student.example.nl',
      },
      { studentNumber: 'i6000002', familyName: 'de Vries', givenNames: 'Jan Pieter', email: null },
    ]);
  });

  it('links courses to programmes by code and counts a link that exists as unchanged', async () => {
    await seedCatalogue(bed);
    const lines = ['course_code,programme_code', 'EBC1005,b-eor', 'EBC1005,m-economics', 'EBS1001,b-eor'];
    expect(await bed.importFile('links', 'links.csv', csvBase64(lines))).toMatchObject({
      rows: 3,
      created: 3,
      unchanged: 0,
      problems: [],
    });
    const again = await bed.importFile('links', 'links.csv', csvBase64([...lines, 'EBC2011,m-economics']));
    expect(again).toMatchObject({ rows: 4, created: 1, updated: 0, unchanged: 3, problems: [] });
    const links = await bed.database.db.selectFrom('courseProgrammes').selectAll().execute();
    expect(links).toHaveLength(4);
    expect(links[0]).toMatchObject({ linkedAt: '2023-03-14T10:00:00.000Z', linkedBy: 'Petra Desk' });
  });

  it('registers students for courses, on the given day or else at the time of the import', async () => {
    await seedCatalogue(bed);
    const lines = [
      'student_number,course_code,academic_year,registered_at',
      'i6000001,EBC1005,2022-23,2022-09-01',
      'i6000002,EBC1005,2022-23,',
      'i6000001,EBS1001,1999-00,1999-09-06',
    ];
    const result = await bed.importFile('registrations', 'registrations.csv', csvBase64(lines));
    expect(result).toMatchObject({ rows: 3, created: 3, problems: [] });
    const rows = await bed.database.db
      .selectFrom('courseRegistrations')
      .select(['academicYear', 'registeredAt'])
      .orderBy('registeredAt')
      .execute();
    expect(rows).toEqual([
      { academicYear: '1999-00', registeredAt: '1999-09-06' },
      { academicYear: '2022-23', registeredAt: '2022-09-01' },
      { academicYear: '2022-23', registeredAt: '2023-03-14T10:00:00.000Z' },
    ]);
  });
});

describe('importing each kind from XLSX', () => {
  it('reads programmes with TRUE/FALSE cells and headers in another case and order', async () => {
    const file = await xlsxBase64([
      ['Level', 'CODE', ' Name ', 'has_part_time_variant'],
      ['master', 'm-economics', 'M Economics', true],
      ['Bachelor', 'b-eor', 'B Econometrics', false],
    ]);
    const result = await bed.importFile('programmes', 'programmes.xlsx', file);
    expect(result).toMatchObject({ rows: 2, created: 2, problems: [] });
    const rows = await bed.database.db
      .selectFrom('programmes')
      .select(['code', 'level', 'hasPartTimeVariant', 'faculty'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'b-eor', level: 'bachelor', hasPartTimeVariant: 0, faculty: null },
      { code: 'm-economics', level: 'master', hasPartTimeVariant: 1, faculty: null },
    ]);
  });

  it('reads courses with number cells, rich text and a formula result', async () => {
    const file = await xlsxBase64([
      ['code', 'title', 'ects', 'period', 'faculty', 'coordinator', 'is_skills_training'],
      [
        'EBC1005',
        { richText: [{ text: 'Quantitative ' }, { text: 'Methods I', font: { bold: true } }] },
        6.5,
        1,
        'SBE',
        null,
        'yes',
      ],
      ['EBC2011', 'Microeconomics', { formula: '3+3', result: 6 }, 2, 'SBE', 'Dr. Smit', 0],
    ]);
    const result = await bed.importFile('courses', 'courses.xlsx', file);
    expect(result).toMatchObject({ rows: 2, created: 2, problems: [] });
    const rows = await bed.database.db
      .selectFrom('courses')
      .select(['code', 'title', 'ects', 'period', 'coordinator', 'isSkillsTraining'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      {
        code: 'EBC1005',
        title: 'Quantitative Methods I',
        ects: 6.5,
        period: 1,
        coordinator: null,
        isSkillsTraining: 1,
      },
      {
        code: 'EBC2011',
        title: 'Microeconomics',
        ects: 6,
        period: 2,
        coordinator: 'Dr. Smit',
        isSkillsTraining: 0,
      },
    ]);
  });

  it('reads students whose number is a number cell', async () => {
    const file = await xlsxBase64([
      ['student_number', 'family_name', 'given_names', 'email'],
      [
        6012345,
        'Bakker',
        'Sanne',
        { text: 's.bakker@student.example.nl', hyperlink: 'mailto:s.bakker@student.example.nl' },
      ],
    ]);
    expect(await bed.importFile('students', 'students.xlsx', file)).toMatchObject({
      created: 1,
      problems: [],
    });
    const row = await bed.database.db.selectFrom('students').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ studentNumber: '6012345', email: 's.bakker@student.example.nl' });
  });

  it('reads links', async () => {
    await seedCatalogue(bed);
    const file = await xlsxBase64([
      ['course_code', 'programme_code'],
      ['EBC2011', 'm-economics'],
    ]);
    expect(await bed.importFile('links', 'links.xlsx', file)).toMatchObject({ created: 1, problems: [] });
  });

  it('reads registrations whose date is a date cell', async () => {
    await seedCatalogue(bed);
    const file = await xlsxBase64([
      ['student_number', 'course_code', 'academic_year', 'registered_at'],
      ['i6000001', 'EBC2011', '2022-23', new Date(Date.UTC(2022, 8, 5))],
    ]);
    expect(await bed.importFile('registrations', 'registrations.xlsx', file)).toMatchObject({
      created: 1,
      problems: [],
    });
    const row = await bed.database.db.selectFrom('courseRegistrations').selectAll().executeTakeFirstOrThrow();
    expect(row.registeredAt).toBe('2022-09-05');
  });
});

describe('reading CSV', () => {
  it('reads a semicolon-separated file with a BOM, where a comma is the decimal separator', async () => {
    const lines = [
      'code;title;ects;period;faculty',
      'EBC1005;Quantitative Methods I;6,5;1;SBE',
      'EBC4100;"Topics; in ""Behavioural"" Economics";4;4;SBE',
    ];
    const result = await bed.importFile('courses', 'export-from-excel.CSV', csvBase64(lines, { bom: true }));
    expect(result).toMatchObject({ rows: 2, created: 2, problems: [] });
    const rows = await bed.database.db
      .selectFrom('courses')
      .select(['code', 'title', 'ects'])
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      { code: 'EBC1005', title: 'Quantitative Methods I', ects: 6.5 },
      { code: 'EBC4100', title: 'Topics; in "Behavioural" Economics', ects: 4 },
    ]);
  });

  it('skips blank rows but keeps counting them, so row numbers match the spreadsheet', async () => {
    const lines = [
      'code,title,ects,period,faculty',
      'EBC1005,Quantitative Methods I,6,1,SBE',
      '',
      ',,,,',
      'EBC2011,Microeconomics,6,9,SBE',
    ];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
    expect(result.rows).toBe(2);
    expect(result.problems).toEqual([
      { row: 5, column: 'period', message: "period must be a whole number from 1 to 6; found '9'." },
    ]);
  });
});

describe('the dry run', () => {
  it('reports what would be created, updated and unchanged, and writes nothing at all', async () => {
    await seedCatalogue(bed);
    const before = await bed.counts();
    const lines = [
      ...courseLines.slice(0, 3),
      'EBS1001,Academic Writing Skills (new),4,3,SBE,"Jansen, P.",yes',
      'EBC3001,Econometrics,6.5,4,SBE,,no',
    ];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines), { dryRun: true });
    expect(result).toMatchObject({
      dryRun: true,
      rows: 4,
      created: 1,
      updated: 1,
      unchanged: 2,
      problems: [],
    });
    expect(result.outcomes).toEqual([
      { row: 2, action: 'unchanged', record: 'course code EBC1005', detail: '' },
      { row: 3, action: 'unchanged', record: 'course code EBC2011', detail: '' },
      { row: 4, action: 'update', record: 'course code EBS1001', detail: 'title' },
      { row: 5, action: 'create', record: 'course code EBC3001', detail: '' },
    ]);
    expect(await bed.counts()).toEqual(before);
    const title = await bed.database.db
      .selectFrom('courses')
      .select('title')
      .where('code', '=', 'EBS1001')
      .executeTakeFirstOrThrow();
    expect(title.title).toBe('Academic Writing Skills');
  });

  it('lists the same problems as the real import would', async () => {
    const lines = ['code,title,ects,period,faculty', 'EBC1005,Quantitative Methods I,abc,1,SBE'];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines), { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 0, problems: [{ row: 2, column: 'ects' }] });
  });
});

describe('a file with a bad row among good ones is not imported at all', () => {
  async function expectNothingWritten(action: () => Promise<unknown>): Promise<void> {
    const before = await bed.counts();
    await action();
    expect(await bed.counts()).toEqual(before);
  }

  it('names period 7 in row 4', async () => {
    const lines = [...courseLines.slice(0, 3), 'EBC3001,Econometrics,6.5,7,SBE,,no'];
    await expectNothingWritten(async () => {
      const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
      expect(result).toEqual({
        dryRun: false,
        rows: 3,
        created: 0,
        updated: 0,
        unchanged: 0,
        problems: [
          { row: 4, column: 'period', message: "period must be a whole number from 1 to 6; found '7'." },
        ],
        outcomes: [
          { row: 2, action: 'create', record: 'course code EBC1005', detail: '' },
          { row: 3, action: 'create', record: 'course code EBC2011', detail: '' },
          { row: 4, action: 'problem', record: 'course code EBC3001', detail: '1 problem (period)' },
        ],
        outcomesLeftOut: 0,
      });
    });
  });

  it("names ECTS 'abc', ECTS 0 and ECTS 61, each in its row", async () => {
    const lines = [
      'code,title,ects,period,faculty',
      'A1001,One,abc,1,SBE',
      'A1002,Two,0,1,SBE',
      'A1003,Three,61,1,SBE',
      'A1004,Four,"60,0",1,SBE',
    ];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'ects'],
      [3, 'ects'],
      [4, 'ects'],
    ]);
    expect(result.problems[0]?.message).toBe(
      "ects must be a number greater than 0 and at most 60, with a comma or a dot for decimals (e.g. 6,5); found 'abc'.",
    );
    expect(await bed.counts()).toMatchObject({ courses: 0, audit: 0 });
  });

  it('names the impossible date 2023-02-30', async () => {
    await seedCatalogue(bed);
    const lines = [
      'student_number,course_code,academic_year,registered_at',
      'i6000001,EBC1005,2022-23,2023-02-28',
      'i6000002,EBC1005,2022-23,2023-02-30',
    ];
    await expectNothingWritten(async () => {
      const result = await bed.importFile('registrations', 'registrations.csv', csvBase64(lines));
      expect(result.problems).toEqual([
        {
          row: 3,
          column: 'registered_at',
          message:
            "registered_at must be a real date written YYYY-MM-DD (e.g. 2023-02-28); found '2023-02-30'.",
        },
      ]);
    });
  });

  it('names an academic year whose parts do not follow each other', async () => {
    await seedCatalogue(bed);
    const lines = [
      'student_number,course_code,academic_year',
      'i6000001,EBC1005,2022-24',
      'i6000001,EBC1005,22-23',
    ];
    const result = await bed.importFile('registrations', 'registrations.csv', csvBase64(lines));
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'academic_year'],
      [3, 'academic_year'],
    ]);
  });

  it('names an unknown programme code in a links file', async () => {
    await seedCatalogue(bed);
    const lines = ['course_code,programme_code', 'EBC1005,b-eor', 'EBC2011,m-econometrics', 'XXX9999,b-eor'];
    await expectNothingWritten(async () => {
      const result = await bed.importFile('links', 'links.csv', csvBase64(lines));
      expect(result.problems).toEqual([
        {
          row: 3,
          column: 'programme_code',
          message:
            'programme_code m-econometrics is not a programme in the catalogue; add or import the programme first.',
        },
        {
          row: 4,
          column: 'course_code',
          message: 'course_code XXX9999 is not a course in the catalogue; add or import the course first.',
        },
      ]);
      expect(result.created).toBe(0);
    });
  });

  it('names an unknown student and course in a registrations file', async () => {
    await seedCatalogue(bed);
    const lines = [
      'student_number,course_code,academic_year',
      'i9999999,EBC1005,2022-23',
      'i6000001,NOPE1,2022-23',
    ];
    const result = await bed.importFile('registrations', 'registrations.csv', csvBase64(lines));
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'student_number'],
      [3, 'course_code'],
    ]);
  });

  it('names a course code that appears in rows 3 and 5', async () => {
    const lines = [...courseLines, 'EBC2011,Microeconomics again,6,2,SBE,,no'];
    await expectNothingWritten(async () => {
      const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
      expect(result.problems).toEqual([
        {
          row: 5,
          column: 'code',
          message: 'Course code EBC2011 appears in rows 3 and 5; it may appear only once in a file.',
        },
      ]);
    });
  });

  it('names a link pair that appears twice', async () => {
    await seedCatalogue(bed);
    const lines = ['course_code,programme_code', 'EBC1005,b-eor', 'EBC1005,m-economics', 'EBC1005,b-eor'];
    const result = await bed.importFile('links', 'links.csv', csvBase64(lines));
    expect(result.problems).toEqual([
      {
        row: 4,
        column: 'course_code, programme_code',
        message:
          'The link of course EBC1005 to programme b-eor appears in rows 2 and 4; it may appear only once in a file.',
      },
    ]);
  });

  it('reports every problem of every row, not only the first', async () => {
    const lines = [
      'code,name,level,faculty,has_part_time_variant',
      'b-eor,,doctorate,SBE,maybe',
      'b eor,B Econometrics,bachelor,SBE,no',
    ];
    const result = await bed.importFile('programmes', 'programmes.csv', csvBase64(lines));
    expect(result.problems).toEqual([
      { row: 2, column: 'name', message: 'name is empty; it must be text of at most 200 characters.' },
      {
        row: 2,
        column: 'level',
        message: "level must be one of bachelor, master, pre-master, professional-master; found 'doctorate'.",
      },
      {
        row: 2,
        column: 'has_part_time_variant',
        message: "has_part_time_variant must be yes or no (true/false and 1/0 work too); found 'maybe'.",
      },
      {
        row: 3,
        column: 'code',
        message: "code must be a code of at most 100 characters without spaces; found 'b eor'.",
      },
    ]);
  });

  it('names a bad student number and a bad email', async () => {
    const lines = [
      'student_number,family_name,given_names,email',
      'i60,Jansen,Piet,piet@example.nl',
      'i6000003,Jansen,Piet,piet-at-example.nl',
    ];
    const result = await bed.importFile('students', 'students.csv', csvBase64(lines));
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'student_number',
        message: "student_number must be 5 to 12 letters or digits; found 'i60'.",
      },
      {
        row: 3,
        column: 'email',
        message: "email must be an email address such as name@example.org; found 'piet-at-example.nl'.",
      },
    ]);
  });

  it('lists at most 1000 problems and says how many there were', async () => {
    const lines = [
      'code,title,ects,period,faculty',
      ...Array.from({ length: 1200 }, (_, i) => `C${i},Course ${i},6,0,SBE`),
    ];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
    expect(result.problems).toHaveLength(maxListedProblems + 1);
    expect(result.problems[maxListedProblems - 1]?.row).toBe(1001);
    expect(result.problems[maxListedProblems]).toEqual({
      row: 1002,
      column: '',
      message:
        'There are 1200 problems in all; only the first 1000 are listed. Fix them and check the file again.',
    });
  });
});

describe('the header row', () => {
  it('names unknown columns', async () => {
    const lines = [
      'code,title,ects,period,faculty,credits,Remarks',
      'EBC1005,Quantitative Methods I,6,1,SBE,6,none',
    ];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
    expect(result.problems).toEqual([
      {
        row: 1,
        column: 'credits',
        message:
          'Unknown column credits: a courses file has the columns code, title, ects, period, faculty, coordinator, is_skills_training (programme_codes may be present and is ignored).',
      },
      expect.objectContaining({ row: 1, column: 'Remarks' }),
    ]);
    expect(result.created).toBe(0);
  });

  it('names missing required columns, and still checks the cells of the others', async () => {
    const lines = ['code,title,faculty', 'EBC1005,,SBE'];
    const result = await bed.importFile('courses', 'courses.csv', csvBase64(lines));
    expect(result.problems).toEqual([
      {
        row: 1,
        column: 'ects',
        message:
          'The required column ects is missing: a courses file needs code, title, ects, period, faculty.',
      },
      {
        row: 1,
        column: 'period',
        message:
          'The required column period is missing: a courses file needs code, title, ects, period, faculty.',
      },
      { row: 2, column: 'title', message: 'title is empty; it must be text of at most 200 characters.' },
    ]);
  });

  it('names a column that appears twice and values under no header', async () => {
    await seedCatalogue(bed);
    const lines = [
      'course_code,programme_code,Course_Code',
      'EBC1005,b-eor,EBC1005',
      'EBC1005,m-economics,,stray',
    ];
    const result = await bed.importFile('links', 'links.csv', csvBase64(lines));
    expect(result.problems).toEqual([
      {
        row: 1,
        column: 'Course_Code',
        message: 'The column course_code appears twice in the header row (columns A and C); keep one.',
      },
      {
        row: 3,
        column: 'column D',
        message:
          'Column D has values but no name in the header row; name it (course_code, programme_code) or delete it.',
      },
    ]);
  });

  it('accepts and ignores the programme_codes column of a course export', async () => {
    const lines = [
      'code,title,ects,period,faculty,programme_codes',
      'EBC1005,Quantitative Methods I,6,1,SBE,b-eor;nonsense',
    ];
    expect(await bed.importFile('courses', 'courses.csv', csvBase64(lines))).toMatchObject({
      created: 1,
      problems: [],
    });
    expect(await bed.counts()).toMatchObject({ links: 0 });
  });

  it('reports an empty file, and a file with only a header', async () => {
    const empty = await bed.importFile('students', 'students.csv', '');
    expect(empty.problems).toEqual([
      {
        row: 1,
        column: '',
        message:
          'The file is empty. A students file starts with a header row naming its columns: student_number, family_name, given_names, email, date_of_birth, nationalities, brp_nationality, registered_in_brp, country_of_residence, residence_permit_type, residence_permit_valid_until, prior_education_country, prior_education_diploma, home_address_lines, home_address_postcode, home_address_city, home_address_country.',
      },
    ]);
    const blank = await bed.importFile('students', 'students.xlsx', await xlsxBase64([]));
    expect(blank.problems).toHaveLength(1);
    const headerOnly = await bed.importFile(
      'students',
      'students.csv',
      csvBase64([studentLines[0], ',,,', '']),
    );
    expect(headerOnly.problems).toEqual([
      {
        row: 1,
        column: '',
        message: 'The file has a header row but no data rows below it; there is nothing to import.',
      },
    ]);
  });
});

describe('files that cannot be read', () => {
  /** The DeskError an import is refused with. */
  async function refusalOf(attempt: Promise<unknown>): Promise<DeskError> {
    const error = await attempt.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DeskError);
    return error as DeskError;
  }

  it('refuses a file name that is neither .csv nor .xlsx, saying which formats work', async () => {
    const error = await refusalOf(bed.importFile('courses', 'courses.xls', csvBase64(courseLines)));
    expect(error).toMatchObject({ kind: 'validation', field: 'fileName' });
    expect(error.message).toContain('CSV (.csv) and Excel workbooks (.xlsx)');
  });

  it('refuses an .xlsx file that is not a workbook', async () => {
    const error = await refusalOf(bed.importFile('courses', 'courses.xlsx', csvBase64(courseLines)));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('not an Excel workbook that can be read');
  });

  it('refuses a workbook named .csv', async () => {
    const error = await refusalOf(bed.importFile('courses', 'courses.csv', await xlsxBase64([['code']])));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('give it the .xlsx extension');
  });

  it('refuses CSV that is not UTF-8, and CSV with an unclosed quote, naming the row', async () => {
    const latin1 = Buffer.from(
      'code,title,ects,period,faculty\r\nEBC1005,Caf\xe9 Economics,6,1,SBE\r\n',
      'latin1',
    ).toString('base64');
    const notUtf8 = await refusalOf(bed.importFile('courses', 'courses.csv', latin1));
    expect(notUtf8.message).toContain('not UTF-8');
    const unclosed = csvBase64([
      'code,title,ects,period,faculty',
      'EBC1005,Quantitative Methods I,6,1,SBE',
      'EBC2011,"Micro,6,2,SBE',
    ]);
    const error = await refusalOf(bed.importFile('courses', 'courses.csv', unclosed));
    expect(error).toMatchObject({
      kind: 'validation',
      message:
        'The CSV file cannot be read: in row 3, a quoted field starts here but its closing quote (") is missing. Nothing was imported.',
      details: [{ row: 3 }],
    });
    expect(await bed.counts()).toMatchObject({ courses: 0, audit: 0 });
  });

  it('refuses content that is not base64', async () => {
    await expect(bed.importFile('courses', 'courses.csv', 'not base64!')).rejects.toMatchObject({
      kind: 'validation',
      field: 'contentBase64',
    });
  });
});

describe('importing again', () => {
  it('counts every row of the same file as unchanged and adds only the summary to the audit trail', async () => {
    await bed.importFile('courses', 'courses.csv', csvBase64(courseLines));
    const before = await bed.counts();
    bed.clock.advanceMinutes(30);
    const again = await bed.importFile('courses', 'courses.csv', csvBase64(courseLines));
    expect(again).toMatchObject({
      dryRun: false,
      rows: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
      problems: [],
    });
    expect(again.outcomes.map((o) => o.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await bed.counts()).toEqual({ ...before, audit: before.audit + 1 });
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({ action: 'import.file', entity: 'import', entityId: 'courses.csv' });
    const versions = await bed.database.db.selectFrom('courses').select(['version', 'updatedAt']).execute();
    expect(versions.every((v) => v.version === 1 && v.updatedAt === '2023-03-14T10:00:00.000Z')).toBe(true);
  });

  it('updates a changed course: version + 1, who and when, and the audit row holds before and after', async () => {
    await bed.importFile('courses', 'courses.csv', csvBase64(courseLines));
    bed.clock.set('2023-03-15T08:30:00.000Z');
    const changed = [
      ...courseLines.slice(0, 2),
      'EBC2011,Microeconomics,7.5,2,SBE,Dr. Smit,false',
      courseLines[3],
    ];
    const result = await bed.importFile('courses', 'courses-v2.csv', csvBase64(changed));
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 2, problems: [] });
    const row = await bed.database.db
      .selectFrom('courses')
      .selectAll()
      .where('code', '=', 'EBC2011')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      ects: 7.5,
      coordinator: 'Dr. Smit',
      version: 2,
      createdAt: '2023-03-14T10:00:00.000Z',
      updatedAt: '2023-03-15T08:30:00.000Z',
      updatedBy: 'Petra Desk',
    });
    const update = (await auditRows()).find((a) => a.action === 'course.import-update');
    expect(update).toMatchObject({
      entity: 'course',
      entityId: 'EBC2011',
      at: '2023-03-15T08:30:00.000Z',
      actorName: 'Petra Desk',
      reason: 'Imported from courses-v2.csv',
    });
    expect(JSON.parse(update!.beforeJson ?? '')).toEqual({
      code: 'EBC2011',
      title: 'Microeconomics',
      ects: 6.5,
      period: 2,
      faculty: 'SBE',
      coordinator: null,
      isSkillsTraining: false,
      version: 1,
    });
    expect(JSON.parse(update!.afterJson ?? '')).toEqual({
      code: 'EBC2011',
      title: 'Microeconomics',
      ects: 7.5,
      period: 2,
      faculty: 'SBE',
      coordinator: 'Dr. Smit',
      isSkillsTraining: false,
      version: 2,
    });
  });

  it('leaves optional fields alone when the file has no column for them', async () => {
    await bed.importFile('courses', 'courses.csv', csvBase64(courseLines));
    const lines = ['code,title,ects,period,faculty', 'EBS1001,Academic Writing,4,3,SBE'];
    expect(await bed.importFile('courses', 'courses.csv', csvBase64(lines))).toMatchObject({ updated: 1 });
    const row = await bed.database.db
      .selectFrom('courses')
      .selectAll()
      .where('code', '=', 'EBS1001')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: 'Academic Writing', coordinator: 'Jansen, P.', isSkillsTraining: 1 });
  });

  it('clears an optional field whose cell is blank', async () => {
    await bed.importFile('students', 'students.csv', csvBase64(studentLines));
    const result = await bed.importFile(
      'students',
      'students.csv',
      csvBase64([studentLines[0], 'i6000001,Müller,Anna,']),
    );
    expect(result).toMatchObject({ updated: 1, unchanged: 0 });
    const row = await bed.database.db
      .selectFrom('students')
      .selectAll()
      .where('studentNumber', '=', 'i6000001')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email: null, version: 2 });
  });

  it('updates a registration only when the file gives another day', async () => {
    await seedCatalogue(bed);
    const header = 'student_number,course_code,academic_year,registered_at';
    await bed.importFile(
      'registrations',
      'r.csv',
      csvBase64([header, 'i6000001,EBC1005,2022-23,', 'i6000002,EBC1005,2022-23,2022-09-01']),
    );
    const again = await bed.importFile(
      'registrations',
      'r.csv',
      csvBase64([header, 'i6000001,EBC1005,2022-23,2023-03-14', 'i6000002,EBC1005,2022-23,2022-09-02']),
    );
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const audit = (await auditRows()).find((a) => a.action === 'registration.import-update');
    expect(audit).toMatchObject({ entity: 'registration', entityId: 'i6000002/EBC1005/2022-23' });
    expect(JSON.parse(audit!.beforeJson!)).toMatchObject({ registeredAt: '2022-09-01' });
    expect(JSON.parse(audit!.afterJson!)).toMatchObject({ registeredAt: '2022-09-02' });
  });
});

describe('the audit trail of a real import', () => {
  it('records one row per created record and one summary row, as the member of staff, at the clock time', async () => {
    await bed.importFile('programmes', 'programmes.csv', csvBase64(programmeLines));
    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.entity, r.entityId])).toEqual([
      ['programme.import-create', 'programme', 'b-eor'],
      ['programme.import-create', 'programme', 'm-economics'],
      ['programme.import-create', 'programme', 'pre-dsdm'],
      ['import.file', 'import', 'programmes.csv'],
    ]);
    expect(
      rows.every(
        (r) =>
          r.actorId === testActor.id &&
          r.actorName === 'Petra Desk' &&
          r.actorRole === 'desk' &&
          r.at === '2023-03-14T10:00:00.000Z',
      ),
    ).toBe(true);
    expect(JSON.parse(rows[2]?.afterJson ?? '')).toEqual({
      code: 'pre-dsdm',
      name: "Pre-master's Data Science",
      level: 'pre-master',
      faculty: null,
      hasPartTimeVariant: false,
      isSmallScaleIntensive: true,
      version: 1,
    });
    expect(rows[2]?.beforeJson).toBeNull();
    expect(JSON.parse(rows[3]?.afterJson ?? '')).toEqual({
      kind: 'programmes',
      rows: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
  });

  it('records a link as linking by hand does: course.link on the course, naming the programme', async () => {
    await seedCatalogue(bed);
    await bed.importFile(
      'links',
      'links.csv',
      csvBase64(['course_code,programme_code', 'EBS1001,m-economics']),
    );
    const link = (await auditRows()).find((r) => r.action === 'course.link');
    expect(link).toMatchObject({ entity: 'course', entityId: 'EBS1001', beforeJson: null });
    expect(JSON.parse(link!.afterJson!)).toEqual({
      course: 'EBS1001 Academic Writing Skills',
      programme: 'M Economics',
      programmeCode: 'm-economics',
    });
  });

  it('writes no audit rows for a dry run or for a file with problems', async () => {
    await bed.importFile('programmes', 'programmes.csv', csvBase64(programmeLines), { dryRun: true });
    await bed.importFile('programmes', 'programmes.csv', csvBase64([...programmeLines, 'x,y,z']));
    expect(await auditRows()).toEqual([]);
  });
});

describe('at university scale', () => {
  it(
    'imports 5,000 courses and 100,000 registrations in a few seconds each',
    { timeout: 120_000 },
    async () => {
      const courses = [
        'code,title,ects,period,faculty',
        ...Array.from({ length: 5000 }, (_, i) => `C${10000 + i},Course ${i},6,${(i % 6) + 1},SBE`),
      ];
      const students = [
        'student_number,family_name,given_names',
        ...Array.from({ length: 10_000 }, (_, i) => `i${6_000_000 + i},Family ${i},Given`),
      ];
      const registrations = [
        'student_number,course_code,academic_year,registered_at',
        ...Array.from(
          { length: 100_000 },
          (_, i) => `i${6_000_000 + (i % 10_000)},C${10000 + Math.floor(i / 20)},2022-23,2022-09-01`,
        ),
      ];
      let started = performance.now();
      expect(await bed.importFile('courses', 'courses.csv', csvBase64(courses))).toMatchObject({
        created: 5000,
        problems: [],
      });
      const coursesSeconds = (performance.now() - started) / 1000;
      expect(await bed.importFile('students', 'students.csv', csvBase64(students))).toMatchObject({
        created: 10_000,
        problems: [],
      });
      started = performance.now();
      expect(
        await bed.importFile('registrations', 'registrations.csv', csvBase64(registrations)),
      ).toMatchObject({ created: 100_000, problems: [] });
      const registrationsSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      expect(
        await bed.importFile('registrations', 'registrations.csv', csvBase64(registrations), {
          dryRun: true,
        }),
      ).toMatchObject({ unchanged: 100_000 });
      const recheckSeconds = (performance.now() - started) / 1000;
      expect(await bed.counts()).toMatchObject({
        courses: 5000,
        students: 10_000,
        registrations: 100_000,
        audit: 5000 + 10_000 + 100_000 + 3,
      });
      expect(coursesSeconds).toBeLessThan(5);
      expect(registrationsSeconds).toBeLessThan(30);
      expect(recheckSeconds).toBeLessThan(10);
    },
  );
});

describe('column letters', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
