import { z } from 'zod';
import { defineCall, everyRole } from './define-call';

/** An article or appendix as the table of contents lists it. */
export const provisionEntrySchema = z.object({
  ref: z.string(),
  kind: z.enum(['article', 'appendix']),
  heading: z.string(),
});

/** The text of an article or appendix, with the paragraphs a reference cites marked. */
export const provisionTextSchema = z.object({
  ref: z.string(),
  academicYear: z.string(),
  /** An article or appendix of the provisions, or a section of another source text (exchange guide). */
  kind: z.enum(['article', 'appendix', 'source']),
  heading: z.string(),
  /** The text of the most specific part the reference names. */
  cited: z.string(),
  paragraphs: z.array(z.object({ number: z.string().nullable(), text: z.string(), isCited: z.boolean() })),
});
export type ProvisionText = z.infer<typeof provisionTextSchema>;

const academicYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'An academic year looks like 2022-23.')
  .default('2022-23');

/** The Enrolment Provisions themselves, so that every reason's article can be opened and read. */
export const provisionsContract = {
  listTexts: defineCall({
    name: 'provisions:listTexts',
    summary: 'The articles and appendices of an academic year’s Enrolment Provisions',
    access: everyRole,
    input: z.object({ academicYear }),
    output: z.object({ academicYear: z.string(), title: z.string(), entries: z.array(provisionEntrySchema) }),
  }),
  getText: defineCall({
    name: 'provisions:getText',
    summary: 'The text an article reference such as "Art 17.1" or "App III" cites',
    access: everyRole,
    input: z.object({
      ref: z.string().trim().min(1, 'Name an article, e.g. Art 17.1.').max(120),
      academicYear,
    }),
    output: provisionTextSchema,
  }),
};
