import type { z } from 'zod';
import { auditContract } from './audit.contract';
import { catalogueContract } from './catalogue.contract';
import { documentsContract } from './documents.contract';
import { enrolmentsContract } from './enrolments.contract';
import { exchangeContract } from './exchange.contract';
import type { Envelope } from '../errors';
import type { CallDefinition } from './define-call';
import { feesContract } from './fees.contract';
import { ledgerContract } from './ledger.contract';
import { paymentsContract } from './payments.contract';
import { provisionsContract } from './provisions.contract';
import { requestsContract } from './requests.contract';
import { residenceContract } from './residence.contract';
import { sessionContract, staffContract } from './session.contract';
import { studentsContract } from './students.contract';
import { studyProgressContract } from './study-progress.contract';
import { demoContract, transferContract } from './transfer.contract';

export * from './define-call';

/** The whole API by area and verb: `api.catalogue.linkCourses` is the call 'catalogue:linkCourses'. */
export const api = {
  session: sessionContract,
  staff: staffContract,
  catalogue: catalogueContract,
  audit: auditContract,
  transfer: transferContract,
  demo: demoContract,
  provisions: provisionsContract,
  fees: feesContract,
  ledger: ledgerContract,
  enrolments: enrolmentsContract,
  payments: paymentsContract,
  residence: residenceContract,
  students: studentsContract,
  documents: documentsContract,
  requests: requestsContract,
  exchange: exchangeContract,
  studyProgress: studyProgressContract,
} as const;

type Api = typeof api;
type Area = keyof Api;
type CallsOf<A extends Area> = Api[A][keyof Api[A]];

/** Every call definition, one union. */
export type AnyCall = { [A in Area]: CallsOf<A> }[Area];

/** The name of every call, e.g. 'catalogue:linkCourses'. */
export type CallName = AnyCall['name'];

/** The definition of the call with name N. */
export type CallByName<N extends CallName> = Extract<AnyCall, { name: N }>;
export type CallInput<N extends CallName> = z.input<CallByName<N>['input']>;
export type ParsedInput<N extends CallName> = z.output<CallByName<N>['input']>;
export type CallOutput<N extends CallName> = z.output<CallByName<N>['output']>;

/** Every call in a flat list, for the adapters (IPC, web bridge, CLI) and the role matrix test. */
export const allCalls: readonly CallDefinition[] = Object.values(api).flatMap((area) =>
  Object.values<CallDefinition>(area),
);

const callsByName = new Map(allCalls.map((call) => [call.name, call]));

/** Looks a call up by its name; undefined for a name the contract does not declare. */
export function findCall(name: string): CallDefinition | undefined {
  return callsByName.get(name);
}

/** The typed client shape: `desk.catalogue.linkCourses(input)`; built by the preload and the web client. */
export type DeskApi = {
  [A in Area]: {
    [V in keyof Api[A]]: Api[A][V] extends CallDefinition<infer I, infer O>
      ? (input: z.input<I>) => Promise<Envelope<z.output<O>>>
      : never;
  };
};
