import { roles, type Role } from '../../shared/api';
import type { Envelope } from '../../shared/errors';
import type { Actor, Clock } from '../db/audit';
import { createDesk, type Desk } from '../desk';
import { systemActor } from '../context';
import { addStaff } from '../modules/staff/staff.service';

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
  close(): Promise<void>;
}

/** Opens a fresh test desk; close it after the test. */
export async function createTestDesk(): Promise<TestDesk> {
  const clock = new FixedClock();
  const desk = await createDesk({ databaseFile: ':memory:', clock, log: () => undefined });
  const tokens = {} as Record<Role, string>;
  const staffIds = {} as Record<Role, number>;
  for (const role of roles) {
    const member = await addStaff({ db: desk.database.db, clock, actor: systemActor }, { username: `test-${role}`, displayName: testStaffName(role), password: testPassword, role });
    staffIds[role] = member.id;
    const envelope = await desk.invoke(null, 'session:signIn', { username: `test-${role}`, password: testPassword });
    if (!envelope.ok) throw new Error(envelope.error.message);
    tokens[role] = (envelope.value as { token: string }).token;
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
    close: () => desk.close(),
  };
}
