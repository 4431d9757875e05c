import type { Selectable } from 'kysely';
import type { StaffMember } from '../../../shared/api/session.contract';
import type { Role } from '../../../shared/api/define-call';
import { DeskError } from '../../../shared/errors';
import { recordAudit } from '../../db/audit';
import type { DeskDb } from '../../db/connection';
import type { StaffTable } from '../../db/database';
import { assertCurrentVersion } from '../../db/versioning';
import type { ServiceContext } from '../../context';
import { hashPassword, verifyPassword } from './password';

/** Converts a staff row to what the UI may see. */
export function toStaffMember(row: Selectable<StaffTable>): StaffMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    isActive: row.isActive === 1,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** Whether the database has no staff yet and so needs its first administrator. */
export async function needsFirstAdministrator(db: DeskDb): Promise<boolean> {
  const row = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** A member of staff by id, or undefined. */
export async function findStaffById(db: DeskDb, id: number): Promise<StaffMember | undefined> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toStaffMember(row);
}

/** Every staff account, administrators first. */
export async function listStaff(db: DeskDb): Promise<StaffMember[]> {
  const rows = await db.selectFrom('staff').selectAll().orderBy('role').orderBy('displayName').execute();
  return rows.map(toStaffMember);
}

/** Adds a staff account; refuses a user name that is taken. */
export async function addStaff(
  ctx: ServiceContext,
  input: { username: string; displayName: string; password: string; role: Role },
): Promise<StaffMember> {
  const username = input.username.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('staff')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken)
      throw new DeskError('validation', `The user name "${username}" is taken; choose another.`, {
        field: 'username',
      });
    const row = await trx
      .insertInto('staff')
      .values({
        username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const member = toStaffMember(row);
    await recordAudit(trx, ctx.actor, at, {
      action: 'staff.add',
      entity: 'staff',
      entityId: row.id,
      after: member,
    });
    return member;
  });
}

/** Creates the first administrator; refused once any staff account exists. */
export async function createFirstAdministrator(
  ctx: ServiceContext,
  input: { username: string; displayName: string; password: string },
): Promise<StaffMember> {
  if (!(await needsFirstAdministrator(ctx.db))) {
    throw new DeskError('refused', 'This database already has staff accounts; sign in instead.');
  }
  return addStaff(
    { ...ctx, actor: { id: null, name: input.displayName, role: 'admin' } },
    { ...input, role: 'admin' },
  );
}

/** Checks credentials; the same message for an unknown name and a wrong password, so names cannot be probed. */
export async function authenticate(db: DeskDb, username: string, password: string): Promise<StaffMember> {
  const row = await db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  const matches = row !== undefined && (await verifyPassword(password, row.passwordHash));
  if (!row || !matches)
    throw new DeskError(
      'unauthenticated',
      'The user name or password is not right. Try again, or ask an administrator to reset it.',
    );
  if (row.isActive !== 1)
    throw new DeskError('unauthenticated', 'This account is disabled. Ask an administrator to enable it.');
  return toStaffMember(row);
}

/** Changes a staff account's name, role or active state, against the version the administrator saw. */
export async function updateStaff(
  ctx: ServiceContext,
  input: { id: number; version: number; displayName?: string; role?: Role; isActive?: boolean },
): Promise<StaffMember> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('staff').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new DeskError('not_found', `No staff account with id ${input.id}.`);
    assertCurrentVersion(row, input.version, `The account of ${row.displayName}`);
    const losesAdmin =
      row.role === 'admin' &&
      row.isActive === 1 &&
      (input.isActive === false || (input.role && input.role !== 'admin'));
    if (losesAdmin) {
      const admins = await trx
        .selectFrom('staff')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('role', '=', 'admin')
        .where('isActive', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) {
        throw new DeskError(
          'refused',
          'This is the last active administrator; make someone else an administrator first.',
        );
      }
    }
    const updated = await trx
      .updateTable('staff')
      .set({
        displayName: input.displayName ?? row.displayName,
        role: input.role ?? row.role,
        isActive: input.isActive === undefined ? row.isActive : input.isActive ? 1 : 0,
        version: row.version + 1,
        updatedAt: at,
        updatedBy: ctx.actor.name,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = toStaffMember(row);
    const after = toStaffMember(updated);
    await recordAudit(trx, ctx.actor, at, {
      action: 'staff.update',
      entity: 'staff',
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}
