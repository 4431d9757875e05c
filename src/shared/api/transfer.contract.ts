import { z } from 'zod';
import { defineCall, everyRole } from './define-call';

/** What can be imported: each kind has its own columns (README: Import formats). */
export const importKindSchema = z.enum([
  'programmes',
  'courses',
  'links',
  'students',
  'registrations',
  'enrolments',
]);
export type ImportKind = z.infer<typeof importKindSchema>;

/** What can be exported. */
export const exportTableSchema = z.enum([
  'programmes',
  'courses',
  'orphanCourses',
  'links',
  'students',
  'registrations',
  'audit',
]);
export type ExportTable = z.infer<typeof exportTableSchema>;

/** One problem in an imported file, named by row (1 = the header) and column. */
export const importProblemSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** What an import does (or a dry run would do) with one data row; `problem` when the row has errors. */
export const importRowActions = ['create', 'update', 'unchanged', 'problem'] as const;

/** One data row's outcome: what happens to which record, in a sentence. */
export const importRowOutcomeSchema = z.object({
  row: z.number().int(),
  action: z.enum(importRowActions),
  /** The record the row names, e.g. "student number i6000001". */
  record: z.string(),
  /** What changes, e.g. "profile, home address" or "fee € 2,314.00; documents a, c requested". */
  detail: z.string(),
});
export type ImportRowOutcome = z.infer<typeof importRowOutcomeSchema>;

/** A file that travels through the API, base64-encoded. */
export const fileSchema = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().max(70_000_000, 'The file is larger than 50 MB; split it.'),
});

/** Import from CSV or XLSX (dry run first), export any table to CSV or XLSX. */
export const transferContract = {
  importFile: defineCall({
    name: 'transfer:importFile',
    summary: 'Check (dry run) or import a CSV or XLSX file; the real import is all-or-nothing',
    access: ['desk', 'admin'],
    input: fileSchema.extend({ kind: importKindSchema, dryRun: z.boolean() }),
    output: z.object({
      dryRun: z.boolean(),
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      problems: z.array(importProblemSchema),
      /** Every data row's outcome in row order (the first 1000 listed; `outcomesLeftOut` counts the rest). */
      outcomes: z.array(importRowOutcomeSchema),
      outcomesLeftOut: z.number().int(),
    }),
  }),
  exportTable: defineCall({
    name: 'transfer:exportTable',
    summary: 'Export a table to CSV or XLSX',
    access: everyRole,
    input: z.object({ table: exportTableSchema, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      contentBase64: z.string(),
      rows: z.number().int(),
    }),
  }),
};

/** The demo data set, for trying the app out. */
export const demoContract = {
  load: defineCall({
    name: 'demo:load',
    summary: 'Fill an empty database with the demo data set',
    access: ['admin'],
    input: z.object({}),
    output: z.object({
      programmes: z.number().int(),
      courses: z.number().int(),
      students: z.number().int(),
      registrations: z.number().int(),
      enrolments: z.number().int(),
    }),
  }),
};
