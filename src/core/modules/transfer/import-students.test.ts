import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { studentContactSchema } from '../../../shared/api/students.contract';
import { studentProfileSchema } from '../../../shared/facts/student-profile';
import { exportTable } from './export-table';
import { csvBase64, openTransferTestBed, xlsxBase64, type TransferTestBed } from './transfer-test-support';

let bed: TransferTestBed;

beforeEach(async () => {
  bed = await openTransferTestBed();
});
afterEach(async () => {
  await bed.close();
});

/** The header of a registrar's export: names, e-mail, the profile and one home address. */
const header =
  'student_number,family_name,given_names,email,date_of_birth,nationalities,brp_nationality,registered_in_brp,country_of_residence,residence_permit_type,residence_permit_valid_until,prior_education_country,prior_education_diploma,home_address_lines,home_address_postcode,home_address_city,home_address_country';

const anna =
  'i6000001,Müller,Anna,a.muller@student.example.nl,2004-02-29,DE,DE,yes,NL,none,,DE,other,Tongersestraat 53;Room 2.04,6211 LM,Maastricht,NL';
const chen = 'i6000002,Chen,Wei,,2001-11-12,CN;US,,no,CN,study,2024-08-31,CN,bachelor-degree,,,,';

async function studentFile(number: string) {
  const row = await bed.database.db
    .selectFrom('students')
    .selectAll()
    .where('studentNumber', '=', number)
    .executeTakeFirstOrThrow();
  return {
    ...row,
    profile: row.profileJson === null ? null : studentProfileSchema.parse(JSON.parse(row.profileJson)),
    contact: studentContactSchema.parse(JSON.parse(row.contactJson)),
  };
}

async function importStudents(lines: readonly string[], options: { dryRun?: boolean } = {}) {
  return bed.importFile('students', 'students.csv', csvBase64(lines), options);
}

describe('importing students with their profile', () => {
  it('records the profile and the home address of each row', async () => {
    const result = await importStudents([header, anna, chen]);
    expect(result).toMatchObject({ created: 2, updated: 0, problems: [] });
    const müller = await studentFile('i6000001');
    expect(müller.profile).toMatchObject({
      dateOfBirth: '2004-02-29',
      nationalities: ['DE'],
      brpNationality: 'DE',
      registeredInBrp: true,
      residence: { countryOfResidence: 'NL', permit: { type: 'none', validUntil: null } },
      priorEducation: { country: 'DE', diploma: 'other' },
    });
    expect(müller.contact.addresses).toEqual([
      {
        kind: 'home',
        lines: ['Tongersestraat 53', 'Room 2.04'],
        postcode: '6211 LM',
        city: 'Maastricht',
        country: 'NL',
      },
    ]);
    const chenFile = await studentFile('i6000002');
    expect(chenFile.profile).toMatchObject({
      nationalities: ['CN', 'US'],
      registeredInBrp: false,
      residence: { countryOfResidence: 'CN', permit: { type: 'study', validUntil: '2024-08-31' } },
      priorEducation: { country: 'CN', diploma: 'bachelor-degree' },
    });
    expect(chenFile.contact.addresses).toEqual([]);
  });

  it('keeps accepting the short file of names and e-mail, without a profile', async () => {
    const result = await importStudents(['student_number,family_name,given_names', 'i6000003,Jansen,Piet']);
    expect(result).toMatchObject({ created: 1, problems: [] });
    expect((await studentFile('i6000003')).profile).toBeNull();
  });

  it('says in the dry run which rows create and which update, and writes nothing', async () => {
    await importStudents([header, anna]);
    const before = await bed.counts();
    const moved = anna.replace(
      'Tongersestraat 53;Room 2.04,6211 LM,Maastricht',
      'Kapoenstraat 2,6211 KW,Maastricht',
    );
    const result = await importStudents([header, moved, chen], { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 1, updated: 1, unchanged: 0, problems: [] });
    expect(result.outcomes).toEqual([
      {
        row: 2,
        action: 'update',
        record: 'student number i6000001',
        detail: 'home_address_lines, home_address_postcode',
      },
      { row: 3, action: 'create', record: 'student number i6000002', detail: 'with profile' },
    ]);
    expect(await bed.counts()).toEqual(before);
  });

  it('updates an existing student: version + 1, audited before and after, fields without a column kept', async () => {
    await importStudents([header, anna]);
    bed.clock.advanceMinutes(60);
    const result = await importStudents([
      'student_number,family_name,given_names,country_of_residence,residence_permit_type',
      'i6000001,Müller,Anna,BE,none',
    ]);
    expect(result).toMatchObject({ created: 0, updated: 1, problems: [] });
    const file = await studentFile('i6000001');
    expect(file).toMatchObject({
      version: 2,
      updatedAt: '2023-03-14T11:00:00.000Z',
      updatedBy: 'Petra Desk',
    });
    expect(file.profile).toMatchObject({
      dateOfBirth: '2004-02-29',
      registeredInBrp: true,
      residence: { countryOfResidence: 'BE' },
    });
    expect(file.email).toBe('a.muller@student.example.nl');
    expect(file.contact.addresses).toHaveLength(1);
    const audit = await bed.database.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'student.import-update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.beforeJson ?? '')).toMatchObject({
      version: 1,
      profile: { residence: { countryOfResidence: 'NL' } },
    });
    expect(JSON.parse(audit.afterJson ?? '')).toMatchObject({
      version: 2,
      profile: { residence: { countryOfResidence: 'BE' } },
    });
    expect(audit.reason).toBe('Imported from students.csv');
  });

  it('counts the same file imported again as unchanged', async () => {
    await importStudents([header, anna, chen]);
    const again = await importStudents([header, anna, chen]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('reads the same profile from XLSX, with date cells and a TRUE cell', async () => {
    const content = await xlsxBase64([
      header.split(','),
      [
        'i6000001',
        'Müller',
        'Anna',
        null,
        new Date(Date.UTC(2004, 1, 29)),
        'de',
        'DE',
        true,
        'NL',
        'study',
        new Date(Date.UTC(2025, 7, 31)),
        'DE',
        'vwo',
        'Tongersestraat 53',
        '6211 LM',
        'Maastricht',
        'NL',
      ],
    ]);
    const result = await bed.importFile('students', 'students.xlsx', content);
    expect(result).toMatchObject({ created: 1, problems: [] });
    expect((await studentFile('i6000001')).profile).toMatchObject({
      dateOfBirth: '2004-02-29',
      nationalities: ['DE'],
      registeredInBrp: true,
      residence: { permit: { type: 'study', validUntil: '2025-08-31' } },
      priorEducation: { diploma: 'vwo' },
    });
  });

  it('exports students with their profile columns, and the export imports back unchanged', async () => {
    await importStudents([header, anna, chen]);
    const exported = await exportTable(bed.ctx, { table: 'students', format: 'csv' });
    const text = Buffer.from(exported.contentBase64, 'base64').toString('utf8');
    expect(text).toContain(header);
    const result = await bed.importFile('students', exported.fileName, exported.contentBase64);
    expect(result).toMatchObject({ unchanged: 2, created: 0, updated: 0, problems: [] });
  });
});

describe('a bad profile cell names its row, its column and what to write', () => {
  /** One bad cell in row 3 (the second student), the first row good. */
  const cases: { column: string; value: string; message: string }[] = [
    {
      column: 'date_of_birth',
      value: '31-02-2004',
      message: "date_of_birth must be a real date written YYYY-MM-DD (e.g. 2023-02-28); found '31-02-2004'.",
    },
    {
      column: 'nationalities',
      value: 'German',
      message:
        "nationalities must be two-letter ISO country codes separated by ';' such as DE;TR (or stateless); found 'German'.",
    },
    {
      column: 'brp_nationality',
      value: 'NLD',
      message: "brp_nationality must be a two-letter ISO country code such as NL, DE or TR; found 'NLD'.",
    },
    {
      column: 'registered_in_brp',
      value: 'maybe',
      message: "registered_in_brp must be yes or no (true/false and 1/0 work too); found 'maybe'.",
    },
    {
      column: 'country_of_residence',
      value: 'Netherlands',
      message:
        "country_of_residence must be a two-letter ISO country code such as NL, DE or TR; found 'Netherlands'.",
    },
    {
      column: 'residence_permit_type',
      value: 'student',
      message: `residence_permit_type must be one of none, study, association-decision-1-80, eu-family-member, asylum-fixed-period, asylum-indefinite-period, regular-indefinite-period, eu-long-term-resident-netherlands, withdrawal-agreement-permanent, regular-fixed-period, application-pending, other; found 'student'.`,
    },
    {
      column: 'residence_permit_valid_until',
      value: '2024-13-01',
      message:
        "residence_permit_valid_until must be a real date written YYYY-MM-DD (e.g. 2023-02-28); found '2024-13-01'.",
    },
    {
      column: 'prior_education_country',
      value: '1',
      message:
        "prior_education_country must be a two-letter ISO country code such as NL, DE or TR; found '1'.",
    },
    {
      column: 'prior_education_diploma',
      value: 'abitur',
      message: `prior_education_diploma must be one of european-baccalaureate, international-baccalaureate, vwo, swiss-maturity, other, uk-qualifications, vwo-caribbean, vwo-suriname, bachelor-degree, master-degree; found 'abitur'.`,
    },
    {
      column: 'email',
      value: 'anna-at-example',
      message: "email must be an email address such as name@example.org; found 'anna-at-example'.",
    },
    {
      column: 'home_address_lines',
      value: 'a;b;c;d;e',
      message:
        "home_address_lines must be one to four address lines separated by ';' (e.g. Tongersestraat 53;Room 2.04); found 'a;b;c;d;e'.",
    },
    {
      column: 'home_address_postcode',
      value: 'x'.repeat(21),
      message: `home_address_postcode must be text of at most 20 characters; found '${'x'.repeat(21)}'.`,
    },
    {
      column: 'home_address_city',
      value: 'y'.repeat(101),
      message: `home_address_city must be text of at most 100 characters; found '${'y'.repeat(39)}…'.`,
    },
    {
      column: 'home_address_country',
      value: 'Holland',
      message:
        "home_address_country must be a two-letter ISO country code such as NL, DE or TR; found 'Holland'.",
    },
  ];

  it.each(cases)('names $column in row 3 and imports nothing', async ({ column, value, message }) => {
    const columns = header.split(',');
    const cells = anna.split(',');
    cells[0] = 'i6000009';
    cells[columns.indexOf(column)] = value.includes(',') ? `"${value}"` : value;
    const before = await bed.counts();
    const result = await importStudents([header, chen, cells.join(',')]);
    expect(result.problems).toEqual([{ row: 3, column, message }]);
    expect(result).toMatchObject({ created: 0, updated: 0 });
    expect(result.outcomes.map((o) => o.action)).toEqual(['create', 'problem']);
    expect(await bed.counts()).toEqual(before);
  });

  it('names the profile columns a new profile cannot do without', async () => {
    const result = await importStudents([
      'student_number,family_name,given_names,date_of_birth,nationalities,country_of_residence',
      'i6000001,Müller,Anna,2004-02-29,,',
    ]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'nationalities'],
      [2, 'country_of_residence'],
    ]);
    expect(result.problems[0]?.message).toContain(
      "a student's profile needs date_of_birth, nationalities and country_of_residence",
    );
  });

  it('names a BRP nationality that is not one of the nationalities (Art 16.6)', async () => {
    const result = await importStudents([header, anna.replace('2004-02-29,DE,DE', '2004-02-29,DE,NL')]);
    expect(result.problems).toEqual([
      {
        row: 2,
        column: 'brp_nationality',
        message:
          'brp_nationality: The BRP nationality must be one of the nationalities of the student (Art 16.6).',
      },
    ]);
  });

  it('names a home address without its city', async () => {
    const result = await importStudents([header, anna.replace(',Maastricht,NL', ',,NL')]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([[2, 'home_address_city']]);
  });
});
