import { randomBytes } from 'node:crypto';
import type { Clock } from '../../db/audit';

/** Sessions end after this long without a call. */
const idleLimitMs = 8 * 60 * 60 * 1000;

interface SessionRecord {
  readonly staffId: number;
  lastUsedMs: number;
}

/** In-memory sign-in sessions: an unguessable token per sign-in, ended by sign-out or idleness. */
export class SessionStore {
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Starts a session for a member of staff and returns its token. */
  start(staffId: number): string {
    const token = randomBytes(32).toString('base64url');
    this.#sessions.set(token, { staffId, lastUsedMs: this.#clock.now().getTime() });
    return token;
  }

  /** The staff id of a live session, touching it; undefined when unknown or idle too long. */
  resolve(token: string): number | undefined {
    const record = this.#sessions.get(token);
    if (!record) return undefined;
    const now = this.#clock.now().getTime();
    if (now - record.lastUsedMs > idleLimitMs) {
      this.#sessions.delete(token);
      return undefined;
    }
    record.lastUsedMs = now;
    return record.staffId;
  }

  /** Ends one session. */
  end(token: string): void {
    this.#sessions.delete(token);
  }

  /** Ends every session of one member of staff (after disabling them or changing their role). */
  endAllFor(staffId: number): void {
    for (const [token, record] of this.#sessions)
      if (record.staffId === staffId) this.#sessions.delete(token);
  }
}
