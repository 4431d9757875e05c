import type { Selectable, Transaction } from 'kysely';
import type { EnrolmentView, LedgerEntry } from '../../../shared/api/ledger.contract';
import type { DeskDb } from '../../db/connection';
import type { Database, EnrolmentTable, LedgerEntryTable } from '../../db/database';
import type { ServiceContext } from '../../context';
import { findProvisionProgramme } from '../../provisions/provision-programmes';
import { loadProvisions } from '../../provisions/load-provisions';
import { feeKindLabels, type FeeKind } from '../fees/tuition-fee.rules';

/** Converts an enrolment row to what the UI shows. */
export function toEnrolmentView(row: Selectable<EnrolmentTable>): EnrolmentView {
  const programme = row.programmeCode
    ? findProvisionProgramme(loadProvisions(row.academicYear), row.programmeCode)
    : undefined;
  return {
    id: row.id,
    studentId: row.studentId,
    academicYear: row.academicYear,
    programmeCode: row.programmeCode,
    programmeName: programme?.name ?? row.programmeCode ?? `${row.enrolmentKind} student (no programme)`,
    enrolmentKind: row.enrolmentKind,
    mode: row.mode,
    startDate: row.startDate,
    status: row.status,
    statusReason: row.statusReason,
    version: row.version,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    facts: JSON.parse(row.feeFactsJson) as Record<string, unknown>,
    fee: {
      kind: row.feeKind as FeeKind,
      kindLabel: feeKindLabels[row.feeKind as FeeKind],
      amountCents: row.feeCents,
      reasons: JSON.parse(row.feeReasonsJson) as EnrolmentView['fee']['reasons'],
    },
  };
}

/** Converts a ledger row to what the UI shows. */
export function toLedgerEntry(row: Selectable<LedgerEntryTable>): LedgerEntry {
  return {
    id: row.id,
    enrolmentId: row.enrolmentId,
    entryKind: row.entryKind,
    amountCents: row.amountCents,
    bookedOn: row.bookedOn,
    description: row.description,
    reasons: row.reasonsJson === null ? [] : (JSON.parse(row.reasonsJson) as LedgerEntry['reasons']),
    createdBy: row.createdBy,
  };
}

/** A student's enrolments, newest year first, and ledger in booking order. */
export async function selectStudentFeeFile(db: DeskDb, studentId: number) {
  const student = await db
    .selectFrom('students')
    .select(['id', 'studentNumber', 'familyName', 'givenNames', 'email'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student) return undefined;
  const enrolments = await db
    .selectFrom('enrolments')
    .selectAll()
    .where('studentId', '=', studentId)
    .orderBy('academicYear', 'desc')
    .orderBy('id')
    .execute();
  const ledger = await db
    .selectFrom('ledgerEntries')
    .selectAll()
    .where('studentId', '=', studentId)
    .orderBy('bookedOn')
    .orderBy('id')
    .execute();
  return {
    student,
    enrolments: enrolments.map(toEnrolmentView),
    ledger: ledger.map(toLedgerEntry),
    balanceCents: ledger.reduce((sum, entry) => sum + entry.amountCents, 0),
  };
}

type LedgerKind = Database['ledgerEntries']['entryKind'];

/** Appends one entry to a student's ledger, by the actor of the call, inside the caller's transaction. */
export async function bookLedgerEntry(
  trx: Transaction<Database>,
  ctx: ServiceContext,
  entry: {
    studentId: number;
    enrolmentId: number | null;
    entryKind: LedgerKind;
    amountCents: number;
    bookedOn: string;
    description: string;
    reasons?: unknown;
  },
) {
  const row = await trx
    .insertInto('ledgerEntries')
    .values({
      studentId: entry.studentId,
      enrolmentId: entry.enrolmentId,
      entryKind: entry.entryKind,
      amountCents: entry.amountCents,
      bookedOn: entry.bookedOn,
      description: entry.description,
      reasonsJson: entry.reasons === undefined ? null : JSON.stringify(entry.reasons),
      createdAt: ctx.clock.now().toISOString(),
      createdBy: ctx.actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLedgerEntry(row);
}
