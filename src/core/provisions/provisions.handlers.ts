import { DeskError } from '../../shared/errors';
import type { HandlerMap } from '../handler-map';
import { findProvisionText, loadProvisions } from './load-provisions';
import { findSourceText, isSourceTextRef } from './source-texts';

/** Reads a year's provisions, turning an unknown year into an error that lists the known ones. */
function provisionsOf(academicYear: string) {
  try {
    return loadProvisions(academicYear);
  } catch (error) {
    throw new DeskError('not_found', (error as Error).message, { field: 'academicYear' });
  }
}

/** The text of the provisions, for reading the article a reason cites. */
export const provisionsHandlers: HandlerMap<'provisions:'> = {
  'provisions:listTexts': (input) => {
    const provisions = provisionsOf(input.academicYear);
    return Promise.resolve({
      academicYear: provisions.academicYear,
      title: provisions.title,
      entries: [
        ...provisions.articles.map((a) => ({
          ref: `Art ${a.number}`,
          kind: 'article' as const,
          heading: `Article ${a.number} ${a.title}`,
        })),
        ...provisions.appendices.map((a) => ({
          ref: `App ${a.number}`,
          kind: 'appendix' as const,
          heading: `Appendix ${a.number} ${a.title}`,
        })),
      ],
    });
  },
  'provisions:getText': (input) => {
    const provisions = provisionsOf(input.academicYear);
    if (isSourceTextRef(input.ref)) {
      const text = findSourceText(input.ref, provisions.academicYear);
      if (!text)
        throw new DeskError('not_found', `The source text has no section "${input.ref}".`, { field: 'ref' });
      return Promise.resolve(text);
    }
    const match = findProvisionText(provisions, input.ref);
    if (!match) {
      throw new DeskError(
        'not_found',
        `The provisions ${provisions.academicYear} have no "${input.ref}". Write an article as "Art 17.1" or an appendix as "App III".`,
        {
          field: 'ref',
        },
      );
    }
    const cited = new Set(match.paragraphs);
    if (match.kind === 'article' && match.article) {
      const article = match.article;
      return Promise.resolve({
        ref: match.ref,
        academicYear: provisions.academicYear,
        kind: 'article' as const,
        heading: `Article ${article.number} ${article.title}`,
        cited: match.text,
        paragraphs: article.paragraphs.map((p) => ({
          number: p.number,
          text: p.term ? `${p.term}: ${p.text}` : p.text,
          isCited: cited.has(p),
        })),
      });
    }
    const appendix = match.appendix;
    if (!appendix)
      throw new DeskError('not_found', `The provisions have no "${input.ref}".`, { field: 'ref' });
    return Promise.resolve({
      ref: match.ref,
      academicYear: provisions.academicYear,
      kind: 'appendix' as const,
      heading: `Appendix ${appendix.number} ${appendix.title}`,
      cited: match.text,
      paragraphs: appendix.paragraphs.map((text) => ({
        number: null,
        text,
        isCited: text === match.text && match.ref !== `App ${appendix.number}`,
      })),
    });
  },
};
