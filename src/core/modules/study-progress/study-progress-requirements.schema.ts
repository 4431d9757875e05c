import { z } from 'zod';

/*
 * Schema of the study progress requirements of one academic year (resources/study-progress/<year>.json).
 *
 * The requirements come from UM's page on study progress for students on a study residence permit, a
 * different source from the Enrolment Provisions, so they live in their own file and are cited as
 * 'Study progress, <section>'. Figures (credits per year, the percentage, the semesters' credits, the
 * preparatory programmes' maximum) and the kinds of excusable reason are data, never code.
 */

const isoDate = z.iso.date();
const text = z.string().min(1);

/** A reference into the page: 'Study progress, <section>'. */
export const studyProgressRefSchema = z
  .string()
  .regex(/^Study progress, .+$/, 'expected a reference such as "Study progress, Credits per year"');

/** A rule of the page: where it stands and its sentences, verbatim. */
const ruleSchema = z.strictObject({ source: studyProgressRefSchema, text });

/** One semester of the academic year and the credits it offers. */
export const semesterSchema = z.strictObject({
  name: text,
  startsOn: isoDate,
  endsOn: isoDate,
  credits: z.number().positive(),
});

/** The study progress requirements of one academic year. */
export const studyProgressRequirementsSchema = z
  .strictObject({
    academicYear: z.string().regex(/^\d{4}-\d{2}$/),
    startsOn: isoDate,
    endsOn: isoDate,
    source: z.strictObject({ document: text, file: text, citation: text, note: text }),
    /** The names of the page's parts that references may use. */
    sections: z.array(text).min(1),
    scope: ruleSchema,
    norm: ruleSchema.extend({
      creditsPerYear: z.number().positive(),
      requiredPercentage: z.number().positive().max(100),
    }),
    partOfYear: ruleSchema.extend({ semesters: z.array(semesterSchema).min(1), note: text }),
    preparatory: ruleSchema.extend({
      maximumMonths: z.number().int().positive(),
      /** Programme codes starting with one of these are preparatory programmes, e.g. 'pm-' (App IV). */
      programmeCodePrefixes: z.array(text),
      note: text,
    }),
    exchange: ruleSchema,
    excusableReasons: ruleSchema.extend({
      kinds: z.array(z.strictObject({ key: z.string().regex(/^[a-z]+(-[a-z]+)*$/), label: text })).min(1),
      confidentiality: text,
    }),
    ind: ruleSchema,
  })
  .superRefine((data, ctx) => {
    const sections = new Set(data.sections);
    const refs: [string, string][] = [
      ['scope', data.scope.source],
      ['norm', data.norm.source],
      ['partOfYear', data.partOfYear.source],
      ['preparatory', data.preparatory.source],
      ['exchange', data.exchange.source],
      ['excusableReasons', data.excusableReasons.source],
      ['ind', data.ind.source],
    ];
    for (const [path, ref] of refs) {
      const section = ref.slice(`${data.source.citation}, `.length);
      if (!ref.startsWith(`${data.source.citation}, `) || !sections.has(section))
        ctx.addIssue({
          code: 'custom',
          path: [path, 'source'],
          message: `"${ref}" names no section of the page.`,
        });
    }
    const semesters = data.partOfYear.semesters;
    if (semesters[0]?.startsOn !== data.startsOn || semesters.at(-1)?.endsOn !== data.endsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['partOfYear', 'semesters'],
        message: 'The semesters must run from the first to the last day of the academic year.',
      });
    const total = semesters.reduce((sum, s) => sum + s.credits, 0);
    if (total !== data.norm.creditsPerYear)
      ctx.addIssue({
        code: 'custom',
        path: ['partOfYear', 'semesters'],
        message: `The semesters offer ${total} credits, not the ${data.norm.creditsPerYear} of the year.`,
      });
    const keys = data.excusableReasons.kinds.map((k) => k.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['excusableReasons', 'kinds'], message: 'Kinds must be unique.' });
  });

/** The study progress requirements of one academic year, as validated. */
export type StudyProgressRequirements = z.output<typeof studyProgressRequirementsSchema>;
