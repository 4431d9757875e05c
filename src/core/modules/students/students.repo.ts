import { sql, type Selectable } from 'kysely';
import type { StudentFile, StudentSearchHit } from '../../../shared/api/students.contract';
import { studentContactSchema } from '../../../shared/api/students.contract';
import { studentProfileSchema } from '../../../shared/facts/student-profile';
import type { DeskDb } from '../../db/connection';
import type { StudentTable } from '../../db/database';

/**
 * Turns what a clerk typed into an FTS5 query that cannot break the MATCH syntax.
 *
 * The input is cut into words the way the `unicode61` tokenizer cuts the index (letters and digits;
 * everything else separates), each word becomes a quoted prefix term, and all must match. A word of
 * digits alone also matches a student number with its leading "i" ("600012" finds i6000123).
 * Returns null when nothing searchable is left (e.g. only punctuation).
 */
export function toStudentMatchQuery(query: string): { match: string; numberPrefix: string | null } | null {
  const words = query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
  if (words.length === 0) return null;
  const terms = words.map((word) =>
    /^\d+$/.test(word) ? `("${word}"* OR "i${word}"*)` : `"${word.replaceAll('"', '""')}"*`,
  );
  const numberWord = words.find((word) => /^i?\d+$/i.test(word));
  const numberPrefix = numberWord === undefined ? null : `i${numberWord.replace(/^i/i, '')}`.toLowerCase();
  return { match: terms.join(' AND '), numberPrefix };
}

interface SearchRow {
  id: number;
  studentNumber: string;
  familyName: string;
  givenNames: string;
  email: string | null;
  dateOfBirth: string | null;
  nationalitiesJson: string | null;
}

/** Above this many matches a query is too broad for ranking to mean much, and ranking them all is slow. */
const rankedMatchLimit = 200;

/**
 * Students whose number or names start with every word of the query, accents and case ignored.
 *
 * Ranked: a student number that starts with the number typed first, then by bm25, then by name. A
 * broad query (more than 200 matches, e.g. one letter, or "i6") is not ranked as a whole, which would
 * take far longer than a keystroke: a bare number prefix lists students in number order from the
 * unique index of numbers, anything else the first 200 matches by name.
 */
export async function searchStudents(db: DeskDb, query: string, limit: number): Promise<StudentSearchHit[]> {
  const parsed = toStudentMatchQuery(query);
  if (parsed === null) return [];
  const candidates = await sql<{ rowid: number }>`
    select rowid from student_search where student_search match ${parsed.match}
    limit ${rankedMatchLimit + 1}`.execute(db);
  const isBroad = candidates.rows.length > rankedMatchLimit;
  const isBareNumber = parsed.numberPrefix !== null && parsed.match.split(' AND ').length === 1;
  const numberFirst =
    parsed.numberPrefix === null
      ? sql``
      : sql`case when lower(s.student_number) like ${`${parsed.numberPrefix}%`} then 0 else 1 end,`;
  let rows: SearchRow[];
  if (candidates.rows.length === 0) rows = [];
  else if (!isBroad)
    rows = (
      await sql<SearchRow>`
        select ${hitColumns}
        from student_search f
        join students s on s.id = f.rowid
        where student_search match ${parsed.match}
        order by ${numberFirst} f.rank, s.family_name, s.given_names, s.id
        limit ${limit}`.execute(db)
    ).rows;
  else if (isBareNumber && parsed.numberPrefix !== null)
    rows = (
      await sql<SearchRow>`
        select ${hitColumns} from students s
        where s.student_number >= ${parsed.numberPrefix} and s.student_number < ${`${parsed.numberPrefix}~`}
        order by s.student_number
        limit ${limit}`.execute(db)
    ).rows;
  else
    rows = (
      await sql<SearchRow>`
        select ${hitColumns} from students s
        where s.id in (${sql.join(candidates.rows.slice(0, rankedMatchLimit).map((row) => row.rowid))})
        order by s.family_name, s.given_names, s.id
        limit ${limit}`.execute(db)
    ).rows;
  return rows.map((row) => ({
    id: row.id,
    studentNumber: row.studentNumber,
    familyName: row.familyName,
    givenNames: row.givenNames,
    email: row.email,
    dateOfBirth: row.dateOfBirth,
    nationalities: row.nationalitiesJson === null ? [] : (JSON.parse(row.nationalitiesJson) as string[]),
  }));
}

const hitColumns = sql`s.id as "id", s.student_number as "studentNumber", s.family_name as "familyName",
  s.given_names as "givenNames", s.email as "email",
  json_extract(s.profile_json, '$.dateOfBirth') as "dateOfBirth",
  json_extract(s.profile_json, '$.nationalities') as "nationalitiesJson"`;

/** Converts a students row to the student file (JSON columns parsed; defaults applied). */
export function toStudentFile(row: Selectable<StudentTable>): StudentFile {
  return {
    id: row.id,
    studentNumber: row.studentNumber,
    familyName: row.familyName,
    givenNames: row.givenNames,
    email: row.email,
    contact: studentContactSchema.parse(JSON.parse(row.contactJson)),
    profile: row.profileJson === null ? null : studentProfileSchema.parse(JSON.parse(row.profileJson)),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** One student row by id, or undefined. */
export function selectStudentRow(db: DeskDb, studentId: number) {
  return db.selectFrom('students').selectAll().where('id', '=', studentId).executeTakeFirst();
}
