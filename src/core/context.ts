import type { Actor, Clock } from './db/audit';
import type { DeskDb } from './db/connection';
import type { StaffMember } from '../shared/api/session.contract';
import type { SessionStore } from './modules/staff/session-store';
import type { AttachmentStore } from './attachments/attachment-store';
import type { IssuingBatches } from './modules/issuing/issuing-batches';

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
}

/** The actor recorded for work no person started (seeding, imports from the CLI without --as). */
export const systemActor: Actor = { id: null, name: 'system', role: 'system' };

/** The actual time, for production use. */
export const systemClock: Clock = { now: () => new Date() };
