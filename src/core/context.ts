import type { Actor, Clock } from './db/audit';
import type { DeskDb } from './db/connection';
import type { StaffMember } from '../shared/api/session.contract';
import type { SessionStore } from './modules/staff/session-store';
import type { AttachmentStore } from './attachments/attachment-store';
import type { IssuingBatches } from './modules/issuing/issuing-batches';
import type { TranscriptBatches } from './modules/exchange/transcript-batches';

/** What every use case receives: the database, the clock and who is acting. No module-level singletons. */
export interface ServiceContext {
  readonly db: DeskDb;
  readonly clock: Clock;
  readonly actor: Actor;
}

/** What a call handler receives: the service context plus the session it runs in. */
export interface CallContext extends ServiceContext {
  readonly sessions: SessionStore;
  /** The token of the session making the call, null for a public call made signed out. */
  readonly token: string | null;
  /** The signed-in member of staff, null for a public call made signed out. */
  readonly staff: StaffMember | null;
  /** Scanned documents beside the database, content-addressed by SHA-256. */
  readonly attachments: AttachmentStore;
  /** The batch jobs issuing documents for a selection, polled by their screen (issue 5 point 6). */
  readonly issuingBatches: IssuingBatches;
  /** The end-of-semester transcript batches of exchange students, polled by their screen (issue 6 point 4). */
  readonly transcriptBatches: TranscriptBatches;
}

/** The actor recorded for work no person started (seeding, imports from the CLI without --as). */
export const systemActor: Actor = { id: null, name: 'system', role: 'system' };

/** The actual time, for production use. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The clock the desk runs on: the actual time, or — when `DESK_TODAY` names a day such as 2022-10-03 — a
 * clock that starts on that day at the current time of day and runs on from there, so staff can train on
 * the data of an earlier academic year with the deadlines and defaults of that day.
 */
export function clockFromEnvironment(env: Readonly<Record<string, string | undefined>>): Clock {
  const today = env['DESK_TODAY']?.trim();
  if (!today) return systemClock;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(today) ? new Date(`${today}T00:00:00.000Z`) : null;
  if (day === null || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== today) {
    throw new Error(
      `DESK_TODAY must be a real day written as YYYY-MM-DD, such as 2022-10-03; it is "${today}".`,
    );
  }
  const realStart = new Date();
  const offset =
    day.getTime() - Date.UTC(realStart.getUTCFullYear(), realStart.getUTCMonth(), realStart.getUTCDate());
  return { now: () => new Date(Date.now() + offset), isSimulated: true };
}
