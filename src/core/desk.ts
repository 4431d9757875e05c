import { z } from 'zod';
import { findCall, type CallName } from '../shared/api';
import { DeskError, type DeskErrorShape, type Envelope } from '../shared/errors';
import type { Actor, Clock } from './db/audit';
import { openDatabase, type OpenDatabase } from './db/connection';
import { openAttachmentStore, type AttachmentStore } from './attachments/attachment-store';
import { clockFromEnvironment, type CallContext } from './context';
import type { Handler } from './handler-map';
import { auditHandlers } from './modules/audit/audit.handlers';
import { catalogueHandlers } from './modules/catalogue/catalogue.handlers';
import { SessionStore } from './modules/staff/session-store';
import { findStaffById } from './modules/staff/staff.service';
import { sessionHandlers, staffHandlers } from './modules/staff/staff.handlers';
import { demoHandlers } from './modules/demo/demo.handlers';
import { feesHandlers } from './modules/fees/fees.handlers';
import { ledgerHandlers } from './modules/ledger/ledger.handlers';
import { enrolmentsHandlers } from './modules/enrolments/enrolments.handlers';
import { exchangeHandlers } from './modules/exchange/exchange.handlers';
import { documentsHandlers } from './modules/issuing/issuing.handlers';
import { IssuingBatches } from './modules/issuing/issuing-batches';
import { TranscriptBatches } from './modules/exchange/transcript-batches';
import { requestsHandlers } from './modules/requests/requests.handlers';
import { residenceHandlers } from './modules/residence/residence.handlers';
import { studentsHandlers } from './modules/students/students.handlers';
import { studyProgressHandlers } from './modules/study-progress/study-progress.handlers';
import { paymentsHandlers } from './modules/payments/payments.handlers';
import { transferHandlers } from './modules/transfer/transfer.handlers';
import { provisionsHandlers } from './provisions/provisions.handlers';

/** Every call's handler, checked against the contract by type: a call without a handler does not compile. */
const handlers: { [N in CallName]: Handler<N> } = {
  ...sessionHandlers,
  ...staffHandlers,
  ...catalogueHandlers,
  ...auditHandlers,
  ...transferHandlers,
  ...demoHandlers,
  ...provisionsHandlers,
  ...feesHandlers,
  ...ledgerHandlers,
  ...enrolmentsHandlers,
  ...residenceHandlers,
  ...studentsHandlers,
  ...paymentsHandlers,
  ...documentsHandlers,
  ...requestsHandlers,
  ...exchangeHandlers,
  ...studyProgressHandlers,
};

/** The back office behind every adapter: one `invoke` that parses, authorises, runs and wraps. */
export interface Desk {
  /** Runs the call `name` for the session `token` (null when signed out); never throws. */
  invoke(token: string | null, name: string, input: unknown): Promise<Envelope<unknown>>;
  /**
   * Runs a call for a local operator (the `desk` CLI), who already holds the database file itself;
   * input and output are parsed as for any call and the operator is recorded as the actor.
   */
  invokeAsOperator(actor: Actor, name: string, input: unknown): Promise<Envelope<unknown>>;
  readonly database: OpenDatabase;
  /** The clock every call runs on (DESK_TODAY may set it to another day, for training). */
  readonly clock: Clock;
  readonly sessions: SessionStore;
  /** Scanned documents: `<databaseFile>.attachments/`, or a temporary folder for ':memory:'. */
  readonly attachments: AttachmentStore;
  close(): Promise<void>;
}

/** Turns the first zod issue into a validation error that names its field. */
function validationError(error: z.ZodError): DeskError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = issue
    ? field && issue.code === 'invalid_type'
      ? `${field}: ${issue.message}`
      : issue.message
    : 'The input is not valid.';
  return new DeskError('validation', message, field === undefined ? {} : { field });
}

/** Maps anything thrown to the envelope's error; unexpected errors are logged, not shown raw. */
export function toErrorShape(error: unknown, log: (error: unknown) => void = console.error): DeskErrorShape {
  if (error instanceof DeskError) return error.toShape();
  if (error instanceof z.ZodError) return validationError(error).toShape();
  log(error);
  return {
    kind: 'internal',
    message:
      'Something went wrong that the app did not expect. Nothing was changed; try again, and report it if it happens again.',
  };
}

/** Opens the database and returns the desk serving the whole contract. */
export async function createDesk(options: {
  databaseFile: string;
  clock?: Clock;
  log?: (error: unknown) => void;
}): Promise<Desk> {
  const clock = options.clock ?? clockFromEnvironment(process.env);
  const database = await openDatabase(options.databaseFile, clock);
  const sessions = new SessionStore(clock);
  const attachments = openAttachmentStore(options.databaseFile);
  const issuingBatches = new IssuingBatches();
  const transcriptBatches = new TranscriptBatches();
  const log = options.log ?? console.error;

  function findOrRefuse(name: string) {
    const call = findCall(name);
    if (!call) throw new DeskError('not_found', `There is no call named "${name}".`);
    return call;
  }

  async function execute(name: string, rawInput: unknown, ctx: CallContext): Promise<unknown> {
    const call = findOrRefuse(name);
    const input = call.input.parse(rawInput ?? {});
    const handler = handlers[name as CallName] as (input: unknown, ctx: CallContext) => Promise<unknown>;
    return call.output.parse(await handler(input, ctx));
  }

  async function run(token: string | null, name: string, rawInput: unknown): Promise<unknown> {
    const call = findOrRefuse(name);
    const staffId = token ? sessions.resolve(token) : undefined;
    const staff = staffId === undefined ? null : ((await findStaffById(database.db, staffId)) ?? null);
    const signedIn = staff !== null && staff.isActive;
    if (call.access !== 'public') {
      // Deny by default: only the roles the contract names may make the call (DESIGN.md §6).
      if (!signedIn)
        throw new DeskError('unauthenticated', 'Your session has ended. Sign in again to continue.');
      if (!call.access.includes(staff.role)) {
        throw new DeskError(
          'forbidden',
          `Your role (${staff.role}) may not do this; it needs: ${call.access.join(', ')}.`,
        );
      }
    }
    const ctx: CallContext = {
      db: database.db,
      clock,
      sessions,
      token: signedIn ? token : null,
      staff: signedIn ? staff : null,
      attachments,
      issuingBatches,
      transcriptBatches,
      actor: signedIn
        ? { id: staff.id, name: staff.displayName, role: staff.role }
        : { id: null, name: 'anonymous', role: 'system' },
    };
    return execute(name, rawInput, ctx);
  }

  async function wrap(work: () => Promise<unknown>): Promise<Envelope<unknown>> {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, log) };
    }
  }

  return {
    database,
    clock,
    sessions,
    attachments,
    invoke: (token, name, input) => wrap(() => run(token, name, input)),
    invokeAsOperator: (actor, name, input) =>
      wrap(() =>
        execute(name, input, {
          db: database.db,
          clock,
          sessions,
          token: null,
          staff: null,
          attachments,
          issuingBatches,
          transcriptBatches,
          actor,
        }),
      ),
    close: async () => {
      // A running batch stops after the document in hand, before the database closes under it.
      await issuingBatches.dispose();
      await transcriptBatches.dispose();
      await database.close();
      attachments.dispose();
    },
  };
}
