import { z } from 'zod';
import type { ImportKind } from '../../../shared/api/transfer.contract';
import {
  enrolmentKindSchema,
  priorEducationKindSchema,
  residencePermitTypeSchema,
  type PriorEducationKind,
  type ResidencePermitType,
} from '../../../shared/facts/student-profile';
import type { ProgrammeTable } from '../../db/database';

/** A spreadsheet error such as #N/A in an XLSX cell, kept apart so that it never passes for text. */
export class SpreadsheetError {
  constructor(readonly code: string) {}
}

/** One cell as read from a file: CSV gives text, XLSX typed values; null when the cell is blank. */
export type SheetCell = string | number | boolean | Date | SpreadsheetError | null;

/** A cell that holds something. */
export type FilledCell = string | number | boolean | Date;

/** What an exported cell holds: text, a number, or nothing. */
export type ExportCell = string | number | null;

/**
 * How the non-blank cells of one column are read on import and written on export.
 *
 * `read` returns undefined for a value that does not fit; `expected` then says in the message what would.
 */
export interface CellType<T> {
  /** What a valid value looks like, completing "period must be …": "a whole number from 1 to 6". */
  readonly expected: string;
  read(cell: FilledCell): T | undefined;
  write(value: T): string | number;
}

/** One column of an import format, named by its header. */
export interface ColumnFormat<T> {
  /** The header name, lower case with underscores, e.g. `is_skills_training`. */
  readonly header: string;
  readonly type: CellType<NonNullable<T>>;
  /**
   * Present when the column may be left out of the file and its cells left blank: the value a blank
   * cell stands for. A file without the column leaves that field of existing records as it is.
   */
  readonly whenBlank?: { readonly value: T };
}

/** The columns of one kind of record, one per field, in the order files list them. */
export type ColumnFormats<R> = { readonly [K in keyof R]-?: ColumnFormat<R[K]> };

/** The file format of one import kind; exports of the same table use the same columns. */
export interface ImportFormat<R> {
  readonly kind: ImportKind;
  readonly columns: ColumnFormats<R>;
  /** Headers a file may carry that the import reads past, e.g. the `programme_codes` of a course export. */
  readonly ignoredHeaders: readonly string[];
  /** The fields that identify a record (the natural key). */
  readonly keyFields: readonly (keyof R & string)[];
  /** Names a record by its key in a message: "course code EBC1005". */
  describeKey(record: Pick<R, keyof R>): string;
}

/** The text of a filled cell: numbers as written, XLSX dates as YYYY-MM-DD, trimmed, line breaks as LF. */
export function cellText(cell: FilledCell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim().replace(/\r\n?/g, '\n');
}

/** How a cell is quoted back in a message: at most 40 characters. */
export function showCell(cell: FilledCell): string {
  const text = cellText(cell);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Text of 1 to `max` characters; `pattern` narrows it further, `expected` then says how. */
function text(max: number, pattern?: { regex: RegExp; expected: string }): CellType<string> {
  return {
    expected: pattern?.expected ?? `text of at most ${max} characters`,
    read(cell) {
      const value = cellText(cell);
      if (value.length === 0 || value.length > max) return undefined;
      if (pattern && !pattern.regex.test(value)) return undefined;
      return value;
    },
    write: (value) => value,
  };
}

/** A code: letters, digits and punctuation without spaces, as course and programme codes are written. */
const code = text(100, { regex: /^\S+$/, expected: 'a code of at most 100 characters without spaces' });

const yesWords = new Set(['yes', 'true', '1']);
const noWords = new Set(['no', 'false', '0']);

/** yes/no, also true/false and 1/0 (any case); XLSX TRUE/FALSE cells too. Written as yes/no. */
const yesNo: CellType<boolean> = {
  expected: 'yes or no (true/false and 1/0 work too)',
  read(cell) {
    if (typeof cell === 'boolean') return cell;
    const word = cellText(cell).toLowerCase();
    if (yesWords.has(word)) return true;
    if (noWords.has(word)) return false;
    return undefined;
  },
  write: (value) => (value ? 'yes' : 'no'),
};

/** One of a fixed list of words (any case), written in lower case. */
function oneOf<T extends string>(values: readonly T[]): CellType<T> {
  return {
    expected: `one of ${values.join(', ')}`,
    read(cell) {
      const word = cellText(cell).toLowerCase();
      return values.find((value) => value === word);
    },
    write: (value) => value,
  };
}

/** ECTS credits: more than 0 and at most 60, with a decimal comma or point (6,5 or 6.5). */
const ects: CellType<number> = {
  expected: 'a number greater than 0 and at most 60, with a comma or a dot for decimals (e.g. 6,5)',
  read(cell) {
    let value: number;
    if (typeof cell === 'number') value = cell;
    else if (typeof cell === 'string' && /^\d+([.,]\d+)?$/.test(cell.trim()))
      value = Number(cell.trim().replace(',', '.'));
    else return undefined;
    return Number.isFinite(value) && value > 0 && value <= 60 ? value : undefined;
  },
  write: (value) => value,
};

/** A whole number from `min` to `max`. */
function wholeNumber(min: number, max: number): CellType<number> {
  return {
    expected: `a whole number from ${min} to ${max}`,
    read(cell) {
      let value: number;
      if (typeof cell === 'number') value = cell;
      else if (typeof cell === 'string' && /^\d+$/.test(cell.trim())) value = Number(cell.trim());
      else return undefined;
      return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
    },
    write: (value) => value,
  };
}

const emailSchema = z.email();

/** An email address. */
const email: CellType<string> = {
  expected: 'an email address such as name@example.org',
  read(cell) {
    const value = cellText(cell);
    return value.length <= 254 && emailSchema.safeParse(value).success ? value : undefined;
  },
  write: (value) => value,
};

/** Whether year-month-day names a day that exists (no 30 February). */
function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written YYYY-MM-DD (DESIGN.md §3); an XLSX date cell counts by its day. */
const isoDate: CellType<string> = {
  expected: 'a real date written YYYY-MM-DD (e.g. 2023-02-28)',
  read(cell) {
    if (typeof cell === 'number' || typeof cell === 'boolean') return undefined;
    const value = cellText(cell);
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return undefined;
    return isRealDate(Number(match[1]), Number(match[2]), Number(match[3])) ? value : undefined;
  },
  write: (value) => value.slice(0, 10),
};

/** An academic year such as 2022-23: the second part is the year after the first (1 Sep – 31 Aug, DESIGN.md §3). */
const academicYear: CellType<string> = {
  expected: 'an academic year written like 2022-23 (the second part is the next year)',
  read(cell) {
    const value = cellText(cell);
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    if (!match) return undefined;
    return (Number(match[1]) + 1) % 100 === Number(match[2]) ? value : undefined;
  },
  write: (value) => value,
};

/** An ISO 3166-1 alpha-2 country code in any case, kept in capitals. */
const countryCode: CellType<string> = {
  expected: 'a two-letter ISO country code such as NL, DE or TR',
  read(cell) {
    const value = cellText(cell).toUpperCase();
    return /^[A-Z]{2}$/.test(value) ? value : undefined;
  },
  write: (value) => value,
};

/** The word that stands for no nationality at all in the nationalities column. */
export const statelessWord = 'stateless';

/** Country codes separated by ';' (any case, spaces allowed), or `stateless` for none; written `DE;TR`. */
const countryList: CellType<string[]> = {
  expected: `two-letter ISO country codes separated by ';' such as DE;TR (or ${statelessWord})`,
  read(cell) {
    const value = cellText(cell);
    if (value.toLowerCase() === statelessWord) return [];
    const codes = value.split(';').map((part) => part.trim().toUpperCase());
    if (!codes.every((c) => /^[A-Z]{2}$/.test(c))) return undefined;
    return new Set(codes).size === codes.length ? codes : undefined;
  },
  write: (value) => (value.length === 0 ? statelessWord : value.join(';')),
};

/** Address lines separated by ';' or line breaks: one to four lines of at most 120 characters. */
const addressLines: CellType<string[]> = {
  expected: "one to four address lines separated by ';' (e.g. Tongersestraat 53;Room 2.04)",
  read(cell) {
    const lines = cellText(cell)
      .split(/[;\n]/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    return lines.length >= 1 && lines.length <= 4 && lines.every((l) => l.length <= 120) ? lines : undefined;
  },
  write: (value) => value.join(';'),
};

/** A student number: 5 to 12 letters or digits. */
const studentNumber = text(12, { regex: /^[0-9A-Za-z]{5,12}$/, expected: '5 to 12 letters or digits' });

/** The levels a programme can have (Art 1, App I, IV–VI). */
export const programmeLevels: readonly ProgrammeTable['level'][] = [
  'bachelor',
  'master',
  'pre-master',
  'professional-master',
];

/** A programme as a file holds it. */
export interface ProgrammeRecord {
  code: string;
  name: string;
  level: ProgrammeTable['level'];
  faculty: string | null;
  hasPartTimeVariant: boolean;
  isSmallScaleIntensive: boolean;
}

/** A course as a file holds it. */
export interface CourseRecord {
  code: string;
  title: string;
  ects: number;
  period: number;
  faculty: string;
  coordinator: string | null;
  isSkillsTraining: boolean;
}

/** A course–programme link as a file holds it. */
export interface LinkRecord {
  courseCode: string;
  programmeCode: string;
}

/**
 * A student as a file holds it: names and e-mail, the profile columns of a registrar's export and one
 * home address. Null is a blank cell; a profile or address field is absent when the file has no column.
 */
export interface StudentRecord {
  studentNumber: string;
  familyName: string;
  givenNames: string;
  email: string | null;
  dateOfBirth: string | null;
  nationalities: string[] | null;
  brpNationality: string | null;
  registeredInBrp: boolean | null;
  countryOfResidence: string | null;
  residencePermitType: ResidencePermitType | null;
  residencePermitValidUntil: string | null;
  priorEducationCountry: string | null;
  priorEducationDiploma: PriorEducationKind | null;
  homeAddressLines: string[] | null;
  homeAddressPostcode: string | null;
  homeAddressCity: string | null;
  homeAddressCountry: string | null;
}

/** The fields of a student record that make up the profile (`studentProfileSchema`). */
export const studentProfileFields = [
  'dateOfBirth',
  'nationalities',
  'brpNationality',
  'registeredInBrp',
  'countryOfResidence',
  'residencePermitType',
  'residencePermitValidUntil',
  'priorEducationCountry',
  'priorEducationDiploma',
] as const satisfies readonly (keyof StudentRecord)[];

/** The fields of a student record that make up the home address (`studentAddressSchema`). */
export const studentHomeAddressFields = [
  'homeAddressLines',
  'homeAddressPostcode',
  'homeAddressCity',
  'homeAddressCountry',
] as const satisfies readonly (keyof StudentRecord)[];

/** An application for enrolment as a file holds it (the request of `enrolments:apply`). */
export interface EnrolmentRecord {
  studentNumber: string;
  academicYear: string;
  programmeCode: string;
  kind: 'regular' | 'external' | 'exchange' | 'subsidiary';
  mode: 'full-time' | 'part-time';
  startDate: string;
  admissionStatus: 'pending' | 'admitted' | 'refused';
  interimDecisionDate: string | null;
  interimDecisionReference: string | null;
  isReEnrolment: boolean;
  firstDutchHeEnrolmentDate: string | null;
}

/** A course registration as a file holds it; a blank `registeredAt` means "now" for a new one. */
export interface RegistrationRecord {
  studentNumber: string;
  courseCode: string;
  academicYear: string;
  registeredAt: string | null;
}

/** programmes: code, name, level, faculty, has_part_time_variant, is_small_scale_intensive. */
export const programmeFormat: ImportFormat<ProgrammeRecord> = {
  kind: 'programmes',
  columns: {
    code: { header: 'code', type: code },
    name: { header: 'name', type: text(200) },
    level: { header: 'level', type: oneOf(programmeLevels) },
    faculty: { header: 'faculty', type: text(20), whenBlank: { value: null } },
    hasPartTimeVariant: { header: 'has_part_time_variant', type: yesNo, whenBlank: { value: false } },
    isSmallScaleIntensive: { header: 'is_small_scale_intensive', type: yesNo, whenBlank: { value: false } },
  },
  ignoredHeaders: [],
  keyFields: ['code'],
  describeKey: (record) => `programme code ${record.code}`,
};

/** The column a course export adds and a course import reads past, so that an export imports unchanged. */
export const programmeCodesHeader = 'programme_codes';

/** courses: code, title, ects, period, faculty, coordinator, is_skills_training (programme_codes ignored). */
export const courseFormat: ImportFormat<CourseRecord> = {
  kind: 'courses',
  columns: {
    code: { header: 'code', type: code },
    title: { header: 'title', type: text(200) },
    ects: { header: 'ects', type: ects },
    period: { header: 'period', type: wholeNumber(1, 6) },
    faculty: { header: 'faculty', type: text(20) },
    coordinator: { header: 'coordinator', type: text(120), whenBlank: { value: null } },
    isSkillsTraining: { header: 'is_skills_training', type: yesNo, whenBlank: { value: false } },
  },
  ignoredHeaders: [programmeCodesHeader],
  keyFields: ['code'],
  describeKey: (record) => `course code ${record.code}`,
};

/** links: course_code, programme_code. */
export const linkFormat: ImportFormat<LinkRecord> = {
  kind: 'links',
  columns: {
    courseCode: { header: 'course_code', type: code },
    programmeCode: { header: 'programme_code', type: code },
  },
  ignoredHeaders: [],
  keyFields: ['courseCode', 'programmeCode'],
  describeKey: (record) => `the link of course ${record.courseCode} to programme ${record.programmeCode}`,
};

/**
 * students: student_number, family_name, given_names, email, then the optional profile columns
 * (date_of_birth … prior_education_diploma) and the home address (home_address_lines … _country).
 */
export const studentFormat: ImportFormat<StudentRecord> = {
  kind: 'students',
  columns: {
    studentNumber: { header: 'student_number', type: studentNumber },
    familyName: { header: 'family_name', type: text(120) },
    givenNames: { header: 'given_names', type: text(120) },
    email: { header: 'email', type: email, whenBlank: { value: null } },
    dateOfBirth: { header: 'date_of_birth', type: isoDate, whenBlank: { value: null } },
    nationalities: { header: 'nationalities', type: countryList, whenBlank: { value: null } },
    brpNationality: { header: 'brp_nationality', type: countryCode, whenBlank: { value: null } },
    registeredInBrp: { header: 'registered_in_brp', type: yesNo, whenBlank: { value: null } },
    countryOfResidence: { header: 'country_of_residence', type: countryCode, whenBlank: { value: null } },
    residencePermitType: {
      header: 'residence_permit_type',
      type: oneOf(residencePermitTypeSchema.options),
      whenBlank: { value: null },
    },
    residencePermitValidUntil: {
      header: 'residence_permit_valid_until',
      type: isoDate,
      whenBlank: { value: null },
    },
    priorEducationCountry: {
      header: 'prior_education_country',
      type: countryCode,
      whenBlank: { value: null },
    },
    priorEducationDiploma: {
      header: 'prior_education_diploma',
      type: oneOf(priorEducationKindSchema.options),
      whenBlank: { value: null },
    },
    homeAddressLines: { header: 'home_address_lines', type: addressLines, whenBlank: { value: null } },
    homeAddressPostcode: { header: 'home_address_postcode', type: text(20), whenBlank: { value: null } },
    homeAddressCity: { header: 'home_address_city', type: text(100), whenBlank: { value: null } },
    homeAddressCountry: { header: 'home_address_country', type: countryCode, whenBlank: { value: null } },
  },
  ignoredHeaders: [],
  keyFields: ['studentNumber'],
  describeKey: (record) => `student number ${record.studentNumber}`,
};

/** registrations: student_number, course_code, academic_year, registered_at. */
export const registrationFormat: ImportFormat<RegistrationRecord> = {
  kind: 'registrations',
  columns: {
    studentNumber: { header: 'student_number', type: studentNumber },
    courseCode: { header: 'course_code', type: code },
    academicYear: { header: 'academic_year', type: academicYear },
    registeredAt: { header: 'registered_at', type: isoDate, whenBlank: { value: null } },
  },
  ignoredHeaders: [],
  keyFields: ['studentNumber', 'courseCode', 'academicYear'],
  describeKey: (record) =>
    `the registration of ${record.studentNumber} for ${record.courseCode} in ${record.academicYear}`,
};

/** The admission statuses of an application (Art 6–8, 10, 11). */
const admissionStatuses = ['pending', 'admitted', 'refused'] as const;

/**
 * enrolments: one application per row, as `enrolments:apply` records it; the fee facts come from the
 * student's profile and the row (re-enrolment, first Dutch higher-education enrolment).
 */
export const enrolmentFormat: ImportFormat<EnrolmentRecord> = {
  kind: 'enrolments',
  columns: {
    studentNumber: { header: 'student_number', type: studentNumber },
    academicYear: { header: 'academic_year', type: academicYear },
    programmeCode: { header: 'programme_code', type: code },
    kind: { header: 'kind', type: oneOf(enrolmentKindSchema.options), whenBlank: { value: 'regular' } },
    mode: { header: 'mode', type: oneOf(['full-time', 'part-time']), whenBlank: { value: 'full-time' } },
    startDate: { header: 'start_date', type: isoDate },
    admissionStatus: {
      header: 'admission_status',
      type: oneOf(admissionStatuses),
      whenBlank: { value: 'pending' },
    },
    interimDecisionDate: { header: 'interim_decision_date', type: isoDate, whenBlank: { value: null } },
    interimDecisionReference: {
      header: 'interim_decision_reference',
      type: text(100),
      whenBlank: { value: null },
    },
    isReEnrolment: { header: 'is_re_enrolment', type: yesNo, whenBlank: { value: false } },
    firstDutchHeEnrolmentDate: {
      header: 'first_dutch_he_enrolment_date',
      type: isoDate,
      whenBlank: { value: null },
    },
  },
  ignoredHeaders: [],
  keyFields: ['studentNumber', 'academicYear', 'programmeCode'],
  describeKey: (record) =>
    `the application of ${record.studentNumber} for ${record.programmeCode} in ${record.academicYear}`,
};

/** The columns of a format as a list of field and format, in file order. */
export function columnList<R>(
  format: ImportFormat<R>,
): { field: keyof R & string; column: ColumnFormat<unknown> }[] {
  return (Object.keys(format.columns) as (keyof R & string)[]).map((field) => ({
    field,
    column: format.columns[field],
  }));
}

/** The header row of a format. */
export function headersOf<R>(format: ImportFormat<R>): string[] {
  return columnList(format).map(({ column }) => column.header);
}

/** A record as one exported row, in the format's column order; blanks for null. */
export function writeRecord<R>(format: ImportFormat<R>, record: R): ExportCell[] {
  return columnList(format).map(({ field, column }) => {
    const value = record[field];
    return value === null || value === undefined ? null : column.type.write(value);
  });
}
