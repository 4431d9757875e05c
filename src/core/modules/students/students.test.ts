import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnrolmentView, StudentFeeFile } from '../../../shared/api/ledger.contract';
import type { StudentFile, StudentSearchHit } from '../../../shared/api/students.contract';
import { createTestDesk, type TestDesk } from '../../testing/test-desk';
import { toStudentMatchQuery } from './students.repo';

let t: TestDesk;

const profile = {
  dateOfBirth: '2003-04-17',
  nationalities: ['DE'],
  residence: { countryOfResidence: 'NL' },
};

async function create(studentNumber: string, givenNames: string, familyName: string, extra: object = {}) {
  return t.call<StudentFile>('desk', 'students:create', { studentNumber, givenNames, familyName, ...extra });
}

async function search(query: string, limit?: number): Promise<string[]> {
  const hits = await t.call<StudentSearchHit[]>('iro', 'students:search', {
    query,
    ...(limit === undefined ? {} : { limit }),
  });
  return hits.map((hit) => hit.studentNumber);
}

beforeEach(async () => {
  t = await createTestDesk();
});
afterEach(async () => {
  await t.close();
});

describe('searching students as you type', () => {
  beforeEach(async () => {
    await create('i6000123', 'Anna', 'Müller', { profile });
    await create('i6000456', 'Jonas', 'Muller');
    await create('i6001234', 'Élodie', 'Lefèvre');
    await create('i6100001', 'Ελένη', 'Παπαδοπούλου');
    await create('i6200001', 'Anna', 'de Vries');
  });

  it('ignores accents and case: "Muller" and "muller" find "Müller" and "Muller"', async () => {
    expect((await search('Muller')).sort()).toEqual(['i6000123', 'i6000456']);
    expect((await search('muller')).sort()).toEqual(['i6000123', 'i6000456']);
    expect((await search('MÜLLER')).sort()).toEqual(['i6000123', 'i6000456']);
    expect(await search('lefevre elodie')).toEqual(['i6001234']);
  });

  it('matches the start of words only, in any script', async () => {
    expect((await search('mul')).sort()).toEqual(['i6000123', 'i6000456']);
    expect(await search('uller')).toEqual([]);
    expect(await search('Παπαδ')).toEqual(['i6100001']);
  });

  it('finds by a prefix of the student number, with or without the "i"', async () => {
    expect(await search('i6000123')).toEqual(['i6000123']);
    expect((await search('i600012')).sort()).toEqual(['i6000123']);
    expect((await search('i60001')).sort()).toEqual(['i6000123']);
    expect((await search('600045')).sort()).toEqual(['i6000456']);
    expect((await search('i600')).sort()).toEqual(['i6000123', 'i6000456', 'i6001234']);
    expect((await search('i6001')).sort()).toEqual(['i6001234']);
  });

  it('narrows with every further word', async () => {
    expect((await search('anna')).sort()).toEqual(['i6000123', 'i6200001']);
    expect(await search('anna mül')).toEqual(['i6000123']);
    expect(await search('mül anna')).toEqual(['i6000123']);
    expect(await search('anna vries')).toEqual(['i6200001']);
    expect(await search('anna nobody')).toEqual([]);
  });

  it('ranks a student number that starts with the number typed before a name match', async () => {
    await create('i6300001', 'Piet', 'i6000456'); // a name that looks like a number (bad import)
    expect(await search('i6000456')).toEqual(['i6000456', 'i6300001']);
  });

  it('never breaks on quotes, asterisks, parentheses or FTS5 operators in what was typed', async () => {
    for (const query of [
      '"',
      'Müller"',
      '"Müller',
      'Mül*',
      '*',
      '(Anna',
      'Anna)',
      'Anna OR',
      'NOT anna',
      'anna AND',
      'NEAR(anna müller)',
      'student_number:i6',
      '^anna',
      "d'Anna",
      '-',
      '+',
      '{a b}',
      '\\',
      '%',
      '_',
    ]) {
      const envelope = await t.attempt('desk', 'students:search', { query });
      expect(envelope.ok, `query ${query}`).toBe(true);
    }
    expect(await search('"Müller"')).toHaveLength(2);
    expect(await search('(anna) müll*')).toEqual(['i6000123']);
    expect(await search('NOT anna')).toEqual([]);
    expect(await search('*')).toEqual([]);
    expect(await search('')).toEqual([]);
  });

  it('returns at most the limit asked for', async () => {
    expect(await search('i6', 2)).toHaveLength(2);
    expect(await search('i6')).toHaveLength(5);
  });

  it('shows date of birth and nationalities when recorded', async () => {
    const [hit] = await t.call<StudentSearchHit[]>('desk', 'students:search', { query: 'i6000123' });
    expect(hit).toMatchObject({ givenNames: 'Anna', dateOfBirth: '2003-04-17', nationalities: ['DE'] });
    const [other] = await t.call<StudentSearchHit[]>('desk', 'students:search', { query: 'i6000456' });
    expect(other).toMatchObject({ dateOfBirth: null, nationalities: [] });
  });

  it('follows renames through the search index', async () => {
    const file = await t.call<StudentFile>('desk', 'students:file', { studentId: await findId('i6000456') });
    await t.call('desk', 'students:update', {
      studentId: file.id,
      expectedVersion: file.version,
      familyName: 'Schmidt',
      reason: 'Name changed at marriage',
    });
    expect(await search('muller')).toEqual(['i6000123']);
    expect(await search('schmidt')).toEqual(['i6000456']);
  });

  it('answers a broad query (over 200 matches) by name, and a bare number prefix in number order', async () => {
    const at = t.clock.now().toISOString();
    await t.desk.database.db
      .insertInto('students')
      .values(
        Array.from({ length: 250 }, (_, index) => ({
          studentNumber: `i7${String(index).padStart(6, '0')}`,
          familyName: `Muster ${String.fromCharCode(90 - (index % 26))}`,
          givenNames: 'Max',
          email: null,
          createdAt: at,
          updatedAt: at,
          updatedBy: 'seed',
        })),
      )
      .execute();
    const byName = await t.call<StudentSearchHit[]>('desk', 'students:search', { query: 'muster', limit: 5 });
    expect(byName).toHaveLength(5);
    expect(byName.map((hit) => hit.familyName)).toEqual([...byName.map((hit) => hit.familyName)].sort());
    expect(await search('i7', 3)).toEqual(['i7000000', 'i7000001', 'i7000002']);
    expect(await search('70001', 200)).toHaveLength(100);
    for (const number of await search('70001', 2)) expect(number).toMatch(/^i70001\d\d$/);
  });

  it('turns words into quoted prefix terms', () => {
    expect(toStudentMatchQuery('Mül "x" (y)*')).toEqual({
      match: '"Mül"* AND "x"* AND "y"*',
      numberPrefix: null,
    });
    expect(toStudentMatchQuery('60001')?.match).toBe('("60001"* OR "i60001"*)');
    expect(toStudentMatchQuery('I60001')?.numberPrefix).toBe('i60001');
    expect(toStudentMatchQuery(' *()" ')).toBeNull();
  });
});

async function findId(studentNumber: string): Promise<number> {
  const [hit] = await t.call<StudentSearchHit[]>('desk', 'students:search', { query: studentNumber });
  if (!hit) throw new Error(`no student ${studentNumber}`);
  return hit.id;
}

describe('creating a student', () => {
  it('records the file with contact and profile, parsed with their defaults, and audits it', async () => {
    const file = await create('i6000123', 'Анна', 'Иванова', {
      email: 'anna@example.org',
      contact: {
        phone: '+31 6 1234 5678',
        addresses: [
          {
            kind: 'term',
            lines: ['Tongersestraat 53'],
            postcode: '6211 LM',
            city: 'Maastricht',
            country: 'NL',
          },
        ],
      },
      profile,
    });
    expect(file).toMatchObject({
      studentNumber: 'i6000123',
      givenNames: 'Анна',
      version: 1,
      updatedBy: 'Test desk',
      contact: { phone: '+31 6 1234 5678', addresses: [{ kind: 'term', city: 'Maastricht' }] },
      profile: {
        dateOfBirth: '2003-04-17',
        registeredInBrp: false,
        residence: { countryOfResidence: 'NL', permit: { type: 'none' } },
        refusalFlags: { negativeBindingStudyAdvice: [] },
      },
    });
    expect(await t.call<StudentFile>('ssc', 'students:file', { studentId: file.id })).toEqual(file);
    const audit = await t.call<{ rows: { action: string; after: unknown }[] }>('admin', 'audit:list', {
      entityId: 'i6000123',
    });
    expect(audit.rows.map((row) => row.action)).toEqual(['student.create']);
  });

  it('starts without a profile and with no addresses when none is given', async () => {
    const file = await create('i6000123', 'Anna', 'Müller');
    expect(file).toMatchObject({ profile: null, email: null, contact: { addresses: [], phone: null } });
  });

  it('refuses a student number already in use, beside the number', async () => {
    await create('i6000123', 'Anna', 'Müller');
    expect(
      await t.attempt('desk', 'students:create', {
        studentNumber: 'i6000123',
        givenNames: 'B',
        familyName: 'C',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        field: 'studentNumber',
        message: expect.stringContaining('i6000123 is already in use (Anna Müller)') as unknown,
      },
    });
  });

  it('refuses a student number in another format', async () => {
    for (const studentNumber of ['6000123', 'i600012', 'x6000123', 'i60001234']) {
      expect(
        await t.attempt('desk', 'students:create', { studentNumber, givenNames: 'A', familyName: 'B' }),
      ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'studentNumber' } });
    }
  });

  it('is for the desk and administrators only', async () => {
    for (const role of ['iro', 'ssc'] as const) {
      expect(
        await t.attempt(role, 'students:create', {
          studentNumber: 'i6000123',
          givenNames: 'A',
          familyName: 'B',
        }),
      ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    expect(
      await t.attempt('admin', 'students:create', {
        studentNumber: 'i6000123',
        givenNames: 'A',
        familyName: 'B',
      }),
    ).toMatchObject({ ok: true });
  });
});

describe('changing a student file', () => {
  let file: StudentFile;
  beforeEach(async () => {
    file = await create('i6000123', 'Anna', 'Müller', { profile });
  });

  it('records the new residence permit, raises the version and audits before and after with the reason', async () => {
    t.clock.advanceMinutes(5);
    const updated = await t.call<StudentFile>('desk', 'students:update', {
      studentId: file.id,
      expectedVersion: 1,
      profile: {
        ...profile,
        residence: { countryOfResidence: 'NL', permit: { type: 'study', validUntil: '2024-08-31' } },
      },
      reason: 'Residence permit shown at the desk',
    });
    expect(updated).toMatchObject({
      version: 2,
      updatedBy: 'Test desk',
      updatedAt: '2022-09-05T09:05:00.000Z',
      profile: { residence: { permit: { type: 'study', validUntil: '2024-08-31', validFrom: null } } },
    });
    const audit = await t.call<{
      rows: { action: string; reason: string | null; before: unknown; after: unknown }[];
    }>('admin', 'audit:list', { entityId: 'i6000123' });
    const [row] = audit.rows;
    expect(row).toMatchObject({ action: 'student.update', reason: 'Residence permit shown at the desk' });
    const raw = await t.desk.database.db
      .selectFrom('auditLog')
      .select(['beforeJson', 'afterJson'])
      .where('action', '=', 'student.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(raw.beforeJson ?? 'null')).toMatchObject({
      profile: { residence: { permit: { type: 'none' } } },
    });
    expect(JSON.parse(raw.afterJson ?? 'null')).toMatchObject({
      profile: { residence: { permit: { type: 'study' } } },
    });
  });

  it('re-assesses the fee of a current enrolment when the nationality changes, booking the difference (App II, Art 31.3)', async () => {
    const enrolment = await t.call<EnrolmentView>('desk', 'ledger:enrol', {
      studentId: file.id,
      facts: {
        programmeCode: 'b-econometrics-and-operations-research',
        nationalities: ['US'],
        startDate: '2022-09-01',
      },
    });
    expect(enrolment.fee.kind).toBe('institutional');
    await t.call('desk', 'students:update', {
      studentId: file.id,
      expectedVersion: 1,
      profile: { ...profile, nationalities: ['US', 'DE'], registeredInBrp: true, brpNationality: 'DE' },
      reason: 'German passport shown at the desk',
    });
    const fees = await t.call<StudentFeeFile>('desk', 'ledger:studentFile', { studentId: file.id });
    expect(fees.enrolments[0]?.fee).toMatchObject({ kind: 'low-statutory', amountCents: 110500 });
    expect(fees.enrolments[0]?.fee.reasons.map((r) => r.article)).toContain('App II b');
    const difference = fees.ledger.at(-1);
    expect(difference).toMatchObject({ amountCents: 110500 - enrolment.fee.amountCents });
    expect(difference?.description).toContain('German passport shown at the desk');
  });

  it('changes only the parts named: contact alone keeps the profile', async () => {
    const updated = await t.call<StudentFile>('desk', 'students:update', {
      studentId: file.id,
      expectedVersion: 1,
      contact: { addresses: [], phone: '+49 241 80 1' },
      reason: 'New phone number',
    });
    expect(updated.profile).toEqual(file.profile);
    expect(updated.contact.phone).toBe('+49 241 80 1');
  });

  it('refuses a stale version with who changed the file and when', async () => {
    await t.call('admin', 'students:update', {
      studentId: file.id,
      expectedVersion: 1,
      email: 'anna@example.org',
      reason: 'E-mail given by phone',
    });
    const stale = await t.attempt('desk', 'students:update', {
      studentId: file.id,
      expectedVersion: 1,
      familyName: 'Mueller',
      reason: 'Typo',
    });
    expect(stale).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        message: expect.stringMatching(
          /^The file of Anna Müller was changed by Test admin at 5 Sept?,? 2022, 09:00 UTC/,
        ) as unknown,
      },
    });
    expect((await t.call<StudentFile>('desk', 'students:file', { studentId: file.id })).familyName).toBe(
      'Müller',
    );
  });

  it('reports an invalid profile with the dotted path of the field', async () => {
    const cases: [object, string, RegExp][] = [
      [{ ...profile, dateOfBirth: '17-04-2003' }, 'profile.dateOfBirth', /date/i],
      [{ ...profile, nationalities: ['Germany'] }, 'profile.nationalities.0', /ISO 3166-1/],
      [{ ...profile, brpNationality: 'NL' }, 'profile.brpNationality', /Art 16\.6/],
      [
        { ...profile, residence: { countryOfResidence: 'NL', permit: { type: 'work' } } },
        'profile.residence.permit.type',
        /./,
      ],
      [
        {
          ...profile,
          residence: {
            countryOfResidence: 'NL',
            permit: { validFrom: '2023-01-01', validUntil: '2022-01-01' },
          },
        },
        'profile.residence.permit.validUntil',
        /cannot end before it starts/,
      ],
      [{ ...profile, unknownFact: true }, 'profile', /unknownFact|Unrecognized/i],
    ];
    for (const [value, field, message] of cases) {
      const envelope = await t.attempt('desk', 'students:update', {
        studentId: file.id,
        expectedVersion: 1,
        profile: value,
        reason: 'Correction',
      });
      expect(envelope, field).toMatchObject({ ok: false, error: { kind: 'validation', field } });
      if (!envelope.ok) expect(envelope.error.message).toMatch(message);
    }
    expect((await t.call<StudentFile>('desk', 'students:file', { studentId: file.id })).version).toBe(1);
  });

  it('reports an invalid address with the dotted path of the field', async () => {
    expect(
      await t.attempt('desk', 'students:update', {
        studentId: file.id,
        expectedVersion: 1,
        contact: {
          addresses: [{ kind: 'home', lines: ['Hauptstraße 1'], city: 'Aachen', country: 'Germany' }],
        },
        reason: 'New address',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'contact.addresses.0.country' } });
  });

  it('needs a reason', async () => {
    expect(
      await t.attempt('desk', 'students:update', {
        studentId: file.id,
        expectedVersion: 1,
        email: null,
        reason: '',
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'reason' } });
  });

  it('is for the desk and administrators; every role may read the file', async () => {
    for (const role of ['iro', 'ssc'] as const) {
      expect(
        await t.attempt(role, 'students:update', {
          studentId: file.id,
          expectedVersion: 1,
          email: null,
          reason: 'x y z',
        }),
      ).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(await t.attempt(role, 'students:file', { studentId: file.id })).toMatchObject({ ok: true });
    }
  });

  it('says so when the student does not exist', async () => {
    expect(await t.attempt('desk', 'students:file', { studentId: 999 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});
