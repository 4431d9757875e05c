import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import type { ImportProblem, ImportRowOutcome } from '../../../shared/api/transfer.contract';
import {
  studentAddressSchema,
  studentContactSchema,
  type StudentAddress,
  type StudentContact,
} from '../../../shared/api/students.contract';
import type { AuditFact } from '../../db/audit';
import { studentProfileSchema, type StudentProfile } from '../../../shared/facts/student-profile';
import { reassessForResidenceChange } from '../residence/residence.service';
import { batches, type Planner } from './import-plan';
import {
  columnList,
  studentFormat,
  studentHomeAddressFields,
  studentProfileFields,
  type StudentRecord,
} from './table-formats';

/*
 * The students import (issue 4 point 7): names and e-mail as before, plus the profile columns of a
 * registrar's export and one home address. A row's profile cells are read into `studentProfileSchema`
 * over the profile on file: a column the file leaves out keeps the recorded value, a blank cell clears
 * an optional field, and a row whose profile cells are all blank leaves the profile as it is. The home
 * address works the same way on the first 'home' address of the contact.
 */

/** What the import compares and writes of a student: the parts of the file the columns reach. */
export interface StudentImportFile {
  studentNumber: string;
  familyName: string;
  givenNames: string;
  email: string | null;
  contact: StudentContact;
  profile: StudentProfile | null;
}

/** A student file as one row of the students format (also what the export writes). */
export function studentToRecord(file: StudentImportFile): StudentRecord {
  const { profile } = file;
  const home = file.contact.addresses.find((address) => address.kind === 'home');
  return {
    studentNumber: file.studentNumber,
    familyName: file.familyName,
    givenNames: file.givenNames,
    email: file.email,
    dateOfBirth: profile?.dateOfBirth ?? null,
    nationalities: profile ? [...profile.nationalities] : null,
    brpNationality: profile?.brpNationality ?? null,
    registeredInBrp: profile ? profile.registeredInBrp : null,
    countryOfResidence: profile?.residence.countryOfResidence ?? null,
    residencePermitType: profile ? profile.residence.permit.type : null,
    residencePermitValidUntil: profile?.residence.permit.validUntil ?? null,
    priorEducationCountry: profile?.priorEducation.country ?? null,
    priorEducationDiploma: profile ? profile.priorEducation.diploma : null,
    homeAddressLines: home ? [...home.lines] : null,
    homeAddressPostcode: home?.postcode ?? null,
    homeAddressCity: home?.city ?? null,
    homeAddressCountry: home?.country ?? null,
  };
}

const headerOf = (field: keyof StudentRecord) => studentFormat.columns[field].header;

/** Where a profile issue of zod belongs in the file: the column of its path, else the first profile column. */
const profileColumnOfPath: Readonly<Record<string, keyof StudentRecord>> = {
  dateOfBirth: 'dateOfBirth',
  nationalities: 'nationalities',
  brpNationality: 'brpNationality',
  registeredInBrp: 'registeredInBrp',
  'residence.countryOfResidence': 'countryOfResidence',
  'residence.permit.type': 'residencePermitType',
  'residence.permit.validUntil': 'residencePermitValidUntil',
  'priorEducation.country': 'priorEducationCountry',
  'priorEducation.diploma': 'priorEducationDiploma',
};

const addressColumnOfPath: Readonly<Record<string, keyof StudentRecord>> = {
  lines: 'homeAddressLines',
  postcode: 'homeAddressPostcode',
  city: 'homeAddressCity',
  country: 'homeAddressCountry',
};

type CellProblem = Omit<ImportProblem, 'row'>;

function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  columnOfPath: Readonly<Record<string, keyof StudentRecord>>,
  fallback: keyof StudentRecord,
): CellProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((part) => typeof part === 'string').join('.');
    const field =
      columnOfPath[path] ??
      Object.entries(columnOfPath).find(([prefix]) => path.startsWith(`${prefix}.`))?.[1] ??
      fallback;
    return { column: headerOf(field), message: `${headerOf(field)}: ${issue.message}` };
  });
}

/** Whether the row holds a value (not blank, not left out) in any of the fields. */
function hasAnyCell(values: Partial<StudentRecord>, fields: readonly (keyof StudentRecord)[]): boolean {
  return fields.some((field) => values[field] !== undefined && values[field] !== null);
}

/** The value of a column, or the current one when the file has no such column. */
function pick<K extends keyof StudentRecord>(
  values: Partial<StudentRecord>,
  field: K,
  current: StudentRecord[K],
): StudentRecord[K] {
  const value = values[field];
  return value === undefined ? current : value;
}

/** The profile a row gives the student, over the one on file; problems name the column and what to write. */
export function profileOfRow(
  values: Partial<StudentRecord>,
  before: StudentProfile | null,
): { profile: StudentProfile | null; problems: CellProblem[] } {
  if (!hasAnyCell(values, studentProfileFields)) return { profile: before, problems: [] };
  const current = studentToRecord({
    studentNumber: '',
    familyName: '',
    givenNames: '',
    email: null,
    contact: { addresses: [], phone: null },
    profile: before,
  });
  const dateOfBirth = pick(values, 'dateOfBirth', current.dateOfBirth);
  const nationalities = pick(values, 'nationalities', current.nationalities);
  const countryOfResidence = pick(values, 'countryOfResidence', current.countryOfResidence);
  const required = { dateOfBirth, nationalities, countryOfResidence };
  const missing = (Object.keys(required) as (keyof typeof required)[]).filter((f) => required[f] === null);
  if (missing.length > 0) {
    const needed = 'date_of_birth, nationalities and country_of_residence';
    return {
      profile: null,
      problems: missing.map((field) => ({
        column: headerOf(field),
        message: `${headerOf(field)} is empty, but a student's profile needs ${needed}; write ${studentFormat.columns[field].type.expected}.`,
      })),
    };
  }
  const registeredInBrp = pick(values, 'registeredInBrp', current.registeredInBrp) ?? false;
  const permitType = pick(values, 'residencePermitType', current.residencePermitType) ?? 'none';
  const permitBefore = before?.residence.permit;
  const candidate = {
    ...before,
    dateOfBirth,
    nationalities,
    brpNationality: pick(values, 'brpNationality', current.brpNationality),
    registeredInBrp,
    brpRegisteredSince: registeredInBrp ? (before?.brpRegisteredSince ?? null) : null,
    residence: {
      ...before?.residence,
      countryOfResidence,
      permit: {
        ...permitBefore,
        type: permitType,
        validUntil: pick(values, 'residencePermitValidUntil', current.residencePermitValidUntil),
        // App II m 1°–7° belong to a fixed-period regular permit only.
        groupMConditions: permitType === 'regular-fixed-period' ? (permitBefore?.groupMConditions ?? []) : [],
      },
    },
    priorEducation: {
      country: pick(values, 'priorEducationCountry', current.priorEducationCountry),
      diploma: pick(values, 'priorEducationDiploma', current.priorEducationDiploma) ?? 'other',
    },
  };
  const parsed = studentProfileSchema.safeParse(candidate);
  if (parsed.success) return { profile: parsed.data, problems: [] };
  return {
    profile: null,
    problems: issuesToProblems(parsed.error.issues, profileColumnOfPath, 'dateOfBirth'),
  };
}

/** The contact a row gives the student: its home address replaces the first one on file, or is added. */
export function contactOfRow(
  values: Partial<StudentRecord>,
  before: StudentContact,
): { contact: StudentContact; problems: CellProblem[] } {
  if (!hasAnyCell(values, studentHomeAddressFields)) return { contact: before, problems: [] };
  const current = studentToRecord({
    studentNumber: '',
    familyName: '',
    givenNames: '',
    email: null,
    contact: before,
    profile: null,
  });
  const lines = pick(values, 'homeAddressLines', current.homeAddressLines);
  const city = pick(values, 'homeAddressCity', current.homeAddressCity);
  const country = pick(values, 'homeAddressCountry', current.homeAddressCountry);
  const required = { homeAddressLines: lines, homeAddressCity: city, homeAddressCountry: country };
  const missing = (Object.keys(required) as (keyof typeof required)[]).filter((f) => required[f] === null);
  if (missing.length > 0) {
    return {
      contact: before,
      problems: missing.map((field) => ({
        column: headerOf(field),
        message: `${headerOf(field)} is empty, but a home address needs its lines, city and country; write ${studentFormat.columns[field].type.expected}.`,
      })),
    };
  }
  const parsed = studentAddressSchema.safeParse({
    kind: 'home',
    lines,
    postcode: pick(values, 'homeAddressPostcode', current.homeAddressPostcode),
    city,
    country,
  });
  if (!parsed.success) {
    return {
      contact: before,
      problems: issuesToProblems(parsed.error.issues, addressColumnOfPath, 'homeAddressLines'),
    };
  }
  const home: StudentAddress = parsed.data;
  const index = before.addresses.findIndex((address) => address.kind === 'home');
  const addresses =
    index < 0 ? [...before.addresses, home] : before.addresses.map((a, i) => (i === index ? home : a));
  const contact = studentContactSchema.safeParse({ ...before, addresses });
  if (!contact.success) {
    return {
      contact: before,
      problems: [
        {
          column: headerOf('homeAddressLines'),
          message: 'The student already has ten addresses; remove one first.',
        },
      ],
    };
  }
  return { contact: contact.data, problems: [] };
}

/** The headers of the columns that differ between two files of a student; "profile" for a change no column shows. */
function changedColumns(before: StudentImportFile, after: StudentImportFile): string {
  const a = studentToRecord(before);
  const b = studentToRecord(after);
  const headers = columnList(studentFormat)
    .filter(({ field }) => !isDeepStrictEqual(a[field], b[field]))
    .map(({ column }) => column.header);
  if (headers.length === 0 && !isDeepStrictEqual(before.profile, after.profile)) headers.push('profile');
  if (headers.length === 0) headers.push('contact');
  return headers.join(', ');
}

/** What the audit trail keeps of a student file, as `students:update` records it. */
function audited(file: StudentImportFile, version: number) {
  return { ...file, version };
}

interface StoredStudent {
  id: number;
  version: number;
  file: StudentImportFile;
}

/**
 * Students: a new number is created, an existing one updated (version + 1, audited with before and
 * after) when its names, e-mail, profile or home address change; a changed profile re-assesses the fee of
 * the student's current enrolments as a change on the student file does (App II).
 */
export const planStudents: Planner<StudentRecord> = async (trx, rows, stamp) => {
  const numbers = rows.flatMap(({ values }) => (values.studentNumber ? [values.studentNumber] : []));
  const stored = new Map<string, StoredStudent>();
  for (const batch of batches(numbers)) {
    const found = await trx.selectFrom('students').selectAll().where('studentNumber', 'in', batch).execute();
    for (const row of found) {
      stored.set(row.studentNumber, {
        id: row.id,
        version: row.version,
        file: {
          studentNumber: row.studentNumber,
          familyName: row.familyName,
          givenNames: row.givenNames,
          email: row.email,
          contact: studentContactSchema.parse(JSON.parse(row.contactJson)),
          profile: row.profileJson === null ? null : studentProfileSchema.parse(JSON.parse(row.profileJson)),
        },
      });
    }
  }
  const emptyContact = studentContactSchema.parse({});
  const problems: ImportProblem[] = [];
  const outcomes: ImportRowOutcome[] = [];
  const creates: StudentImportFile[] = [];
  const updates: { id: number; version: number; before: StudentImportFile; after: StudentImportFile }[] = [];
  let unchanged = 0;
  for (const { row, values, isValid } of rows) {
    // A row with a bad cell is reported by its cells alone: a missing value would read as a blank one.
    if (!isValid || values.studentNumber === undefined) continue;
    const current = stored.get(values.studentNumber);
    const profile = profileOfRow(values, current?.file.profile ?? null);
    const contact = contactOfRow(values, current?.file.contact ?? emptyContact);
    const rowProblems = [...profile.problems, ...contact.problems];
    problems.push(...rowProblems.map((p) => ({ row, ...p })));
    if (rowProblems.length > 0) continue;
    const after: StudentImportFile = {
      studentNumber: values.studentNumber,
      familyName: values.familyName ?? current?.file.familyName ?? '',
      givenNames: values.givenNames ?? current?.file.givenNames ?? '',
      email: values.email === undefined ? (current?.file.email ?? null) : values.email,
      contact: contact.contact,
      profile: profile.profile,
    };
    const record = studentFormat.describeKey(values as StudentRecord);
    if (!current) {
      creates.push(after);
      const parts = [after.profile ? 'with profile' : 'without profile'];
      if (after.contact.addresses.length > 0) parts.push('home address');
      outcomes.push({ row, action: 'create', record, detail: parts.join(', ') });
    } else if (isDeepStrictEqual(current.file, after)) {
      unchanged += 1;
      outcomes.push({ row, action: 'unchanged', record, detail: '' });
    } else {
      updates.push({ id: current.id, version: current.version, before: current.file, after });
      outcomes.push({ row, action: 'update', record, detail: changedColumns(current.file, after) });
    }
  }
  const reason = `Imported from ${stamp.fileName}`;
  return {
    problems,
    created: creates.length,
    updated: updates.length,
    unchanged,
    outcomes,
    async apply(trx) {
      const written = { updatedAt: stamp.at, updatedBy: stamp.actor.name };
      const toColumns = (file: StudentImportFile) => ({
        studentNumber: file.studentNumber,
        familyName: file.familyName,
        givenNames: file.givenNames,
        email: file.email,
        contactJson: JSON.stringify(file.contact),
        profileJson: file.profile === null ? null : JSON.stringify(file.profile),
      });
      for (const batch of batches(creates)) {
        await trx
          .insertInto('students')
          .values(batch.map((file) => ({ ...toColumns(file), version: 1, createdAt: stamp.at, ...written })))
          .execute();
      }
      const facts: AuditFact[] = creates.map((file) => ({
        action: 'student.import-create',
        entity: 'student',
        entityId: file.studentNumber,
        after: audited(file, 1),
        reason,
      }));
      for (const { id, version, before, after } of updates) {
        await trx
          .updateTable('students')
          .set({ ...toColumns(after), version: version + 1, ...written })
          .where('id', '=', id)
          .execute();
        facts.push({
          action: 'student.import-update',
          entity: 'student',
          entityId: after.studentNumber,
          before: audited(before, version),
          after: audited(after, version + 1),
          reason,
        });
        // Residence and nationality decide the fee (App II): current enrolments follow, as on the student file.
        if (after.profile !== null && !isDeepStrictEqual(before.profile, after.profile)) {
          await reassessForResidenceChange(trx, { ...stamp.ctx, db: trx }, id, after.profile, reason);
        }
      }
      return facts;
    },
  };
};
