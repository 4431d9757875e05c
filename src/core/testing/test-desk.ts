import { roles, type Role } from '../../shared/api';
import type { Envelope } from '../../shared/errors';
import type { Actor, Clock } from '../db/audit';
import { createDesk, type Desk } from '../desk';
import { systemActor } from '../context';
import { hashPassword } from '../modules/staff/password';

let passwordHash: string | undefined;

/** A clock tests can move. */
export class FixedClock implements Clock {
  #now: Date;
  constructor(iso = '2022-09-05T09:00:00.000Z') {
    this.#now = new Date(iso);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(iso: string): void {
    this.#now = new Date(iso);
  }
  advanceMinutes(minutes: number): void {
    this.#now = new Date(this.#now.getTime() + minutes * 60_000);
  }
}

/** The password every test account has. */
export const testPassword = 'correct horse battery';

/** The display name of the test account with a role. */
export const testStaffName = (role: Role): string => `Test ${role}`;

/** A desk on a fresh in-memory database with one signed-in account per role. */
export interface TestDesk {
  readonly desk: Desk;
  readonly clock: FixedClock;
  readonly tokens: Record<Role, string>;
  readonly staffIds: Record<Role, number>;
  /** Calls as the signed-in member of staff with that role and returns the value, failing the test on an error. */
  call<T = unknown>(role: Role, name: string, input?: unknown): Promise<T>;
  /** Calls and returns the envelope as is. */
  attempt(role: Role | null, name: string, input?: unknown): Promise<Envelope<unknown>>;
  /** The service context of a role's account, for calling services directly. */
  contextOf(role: Role | 'system'): { db: Desk['database']['db']; clock: FixedClock; actor: Actor };
  /** Inserts a student as seed data would (no profile yet) and returns the id. */
  addStudent(student: {
    studentNumber: string;
    familyName: string;
    givenNames: string;
    email?: string | null;
  }): Promise<number>;
  close(): Promise<void>;
}

/** Opens a fresh test desk; close it after the test. */
export async function createTestDesk(): Promise<TestDesk> {
  const clock = new FixedClock();
  const desk = await createDesk({ databaseFile: ':memory:', clock, log: () => undefined });
  const tokens = {} as Record<Role, string>;
  const staffIds = {} as Record<Role, number>;
  // scrypt is slow by design: hash the shared test password once, not once per account and test.
  passwordHash ??= await hashPassword(testPassword);
  const at = clock.now().toISOString();
  for (const role of roles) {
    const row = await desk.database.db
      .insertInto('staff')
      .values({
        username: `test-${role}`,
        displayName: testStaffName(role),
        role,
        passwordHash,
        createdAt: at,
        updatedAt: at,
        updatedBy: 'test set-up',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    staffIds[role] = row.id;
    tokens[role] = desk.sessions.start(row.id);
  }
  return {
    desk,
    clock,
    tokens,
    staffIds,
    async call<T>(role: Role, name: string, input: unknown = {}) {
      const envelope = await desk.invoke(tokens[role], name, input);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.kind}: ${envelope.error.message}`);
      return envelope.value as T;
    },
    attempt: (role, name, input = {}) => desk.invoke(role ? tokens[role] : null, name, input),
    contextOf: (role) => ({
      db: desk.database.db,
      clock,
      actor: role === 'system' ? systemActor : { id: staffIds[role], name: testStaffName(role), role },
    }),
    async addStudent(student) {
      const seededAt = '2022-08-01T08:00:00.000Z';
      const row = await desk.database.db
        .insertInto('students')
        .values({ email: null, ...student, createdAt: seededAt, updatedAt: seededAt, updatedBy: 'seed' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    close: () => desk.close(),
  };
}
