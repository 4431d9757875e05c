import { createA4Document, type DocumentMetadata } from './a4-document';
import { drawDocumentFooter, type DocumentFooter } from './document-footer';
import { drawLetterhead } from './letterhead';
import type { PdfDocument } from './page-layout';

/** An official document: its metadata and the footer every page carries. */
export interface OfficialDocumentSpec extends DocumentMetadata {
  footer: DocumentFooter;
}

/** Draws the letterhead and the footer ("page n of N") on every page of a document with buffered pages. */
export function decorateOfficialPages(doc: PdfDocument, footer: DocumentFooter): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    drawLetterhead(doc);
    drawDocumentFooter(doc, footer, { number: i - start + 1, count });
  }
}

/** The bytes a document writes, complete once it has ended. */
function collectBytes(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
}

/**
 * Renders an official A4 document: `build` writes the content from the top of the first page (the
 * blocks of document-blocks.ts add pages as needed), then every page gets the letterhead and the
 * footer, and the finished PDF's bytes are returned.
 *
 * The same spec and content give the same bytes, since the creation date comes from `spec.createdAt`.
 */
export async function renderPdf(
  spec: OfficialDocumentSpec,
  build: (doc: PdfDocument) => void | Promise<void>,
): Promise<Buffer> {
  const doc = createA4Document(spec);
  const bytes = collectBytes(doc);
  await build(doc);
  decorateOfficialPages(doc, spec.footer);
  doc.end();
  return bytes;
}
