import type { z } from 'zod';

/** Staff roles (DESIGN.md §6). */
export const roles = ['desk', 'iro', 'ssc', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who may make a call: named roles, or 'public' for the few calls made before sign-in. */
export type Access = readonly Role[] | 'public';

/** One call of the API: its name, zod input and output, and who may make it. */
export interface CallDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly input: I;
  readonly output: O;
  readonly access: Access;
  /** One line for the CLI's help and the contract listing. */
  readonly summary: string;
}

/** Declares a call once; IPC, the web bridge, the preload and the CLI all derive from it. */
export function defineCall<const N extends string, I extends z.ZodType, O extends z.ZodType>(definition: {
  name: N;
  input: I;
  output: O;
  access: Access;
  summary: string;
}): CallDefinition<I, O> & { readonly name: N } {
  return definition;
}

/** Every role that is not 'public': the staff who may read. */
export const everyRole: readonly Role[] = roles;
