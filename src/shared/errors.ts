import { z } from 'zod';

/** The kinds of failure a call can report; the UI chooses where to show an error by its kind. */
export const errorKindSchema = z.enum([
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'refused',
  'internal',
]);
export type ErrorKind = z.infer<typeof errorKindSchema>;

/** A serialisable error as it travels over IPC, HTTP and the CLI. */
export const deskErrorShape = z.object({
  kind: errorKindSchema,
  message: z.string(),
  field: z.string().optional(),
  details: z
    .array(z.object({ row: z.number().optional(), field: z.string().optional(), message: z.string() }))
    .optional(),
});
export type DeskErrorShape = z.infer<typeof deskErrorShape>;

/**
 * An expected failure with a message that tells staff what to do.
 *
 * Thrown in src/core; the dispatcher turns it into `{ ok: false, error }`.
 */
export class DeskError extends Error {
  readonly kind: ErrorKind;
  readonly field: string | undefined;
  readonly details: DeskErrorShape['details'];

  constructor(
    kind: ErrorKind,
    message: string,
    options: { field?: string; details?: DeskErrorShape['details'] } = {},
  ) {
    super(message);
    this.name = 'DeskError';
    this.kind = kind;
    this.field = options.field;
    this.details = options.details;
  }

  toShape(): DeskErrorShape {
    return {
      kind: this.kind,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** The result of every call: a value, or an error the UI can place. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: DeskErrorShape };
