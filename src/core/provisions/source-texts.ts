import { z } from 'zod';
import exchangeGuide from '../../../resources/source-texts/exchange-guide.json' with { type: 'json' };
import studyProgress from '../../../resources/source-texts/study-progress.json' with { type: 'json' };
import type { ProvisionText } from '../../shared/api/provisions.contract';

const sourceTextSchema = z.strictObject({
  /** How reasons cite the text: "<citation>, <section or part>". */
  citation: z.string().min(1),
  title: z.string().min(1),
  /** The file under ../shared/sources the text was taken from. */
  file: z.string().min(1),
  note: z.string(),
  sections: z
    .array(z.strictObject({ heading: z.string().min(1), paragraphs: z.array(z.string().min(1)) }))
    .min(1),
  /** Names reasons use for part of a section: the paragraphs (0-based) of that section they mean. */
  parts: z.array(
    z.strictObject({
      name: z.string().min(1),
      section: z.string().min(1),
      paragraphs: z.array(z.number().int().nonnegative()).min(1),
    }),
  ),
});
type SourceText = z.infer<typeof sourceTextSchema>;

/**
 * The texts besides the Enrolment Provisions that reasons cite: the exchange guide and the study progress
 * page (../shared/sources 002 and 003), kept under resources/source-texts so that every reason's source can
 * be opened and read, as an article can.
 */
export const sourceTexts: readonly SourceText[] = [exchangeGuide, studyProgress].map((raw) => {
  const text = sourceTextSchema.parse(raw);
  for (const part of text.parts) {
    const section = text.sections.find((s) => s.heading === part.section);
    if (!section || part.paragraphs.some((p) => p >= section.paragraphs.length))
      throw new Error(`The source text "${text.citation}" has a part "${part.name}" outside its sections.`);
  }
  return text;
});

/** Whether a reference cites one of the source texts ("Exchange guide, Plagiarism"). */
export function isSourceTextRef(ref: string): boolean {
  return sourceTexts.some((text) => ref.startsWith(`${text.citation}, `));
}

/**
 * The section a reference such as "Exchange guide, Grade transcripts" or "Study progress, Part of the year"
 * names, with the paragraphs of a named part marked as cited; undefined when the text has no such section.
 */
export function findSourceText(ref: string, academicYear: string): ProvisionText | undefined {
  const trimmed = ref.trim().replace(/\s+/g, ' ');
  const text = sourceTexts.find((t) => trimmed.startsWith(`${t.citation}, `));
  if (!text) return undefined;
  const name = trimmed.slice(text.citation.length + 2).toLowerCase();
  const part = text.parts.find((p) => p.name.toLowerCase() === name);
  const section = text.sections.find(
    (s) => s.heading.toLowerCase() === (part ? part.section.toLowerCase() : name),
  );
  if (!section) return undefined;
  const cited = new Set(part?.paragraphs ?? []);
  return {
    ref: trimmed,
    academicYear,
    kind: 'source',
    heading: `${text.title}: ${section.heading}`,
    cited: part
      ? part.paragraphs.map((p) => section.paragraphs[p]).join('\n\n')
      : section.paragraphs.join('\n\n'),
    paragraphs: section.paragraphs.map((paragraph, index) => ({
      number: null,
      text: paragraph,
      isCited: cited.has(index),
    })),
  };
}
