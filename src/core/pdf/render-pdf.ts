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

/** The part of pdfkit's document that writes the file: each object as text or bytes, then the trailer. */
interface DocumentWriter {
  _write: (data: unknown) => void;
  _finalize: () => void;
  _offset: number;
  read: () => Buffer | null;
}

/**
 * The bytes a document writes, complete once it has ended. pdfkit pushes every line of every object
 * (header, dictionary, 'endobj') through its readable stream as a byte array of its own, which took a
 * tenth of a certificate; here the lines are kept as they come, text as text, and joined once when the
 * trailer is written. The offsets pdfkit counts for the cross-reference table are counted as before.
 */
function collectBytes(doc: PdfDocument): Promise<Buffer> {
  const writer = doc as unknown as DocumentWriter;
  const chunks: Buffer[] = [];
  // The header pdfkit wrote on creation waits in the stream.
  const header = writer.read();
  if (header) chunks.push(header);
  let text: string[] = [];
  const flushText = (): void => {
    if (text.length === 0) return;
    chunks.push(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  writer._write = function writeLine(this: DocumentWriter, data: unknown): void {
    if (data instanceof Uint8Array) {
      flushText();
      chunks.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      this._offset += data.length;
    } else {
      const line = `${String(data)}\n`;
      text.push(line);
      this._offset += line.length;
    }
  };
  const finalize = writer._finalize;
  return new Promise((resolve, reject) => {
    writer._finalize = function finalizeFile(this: DocumentWriter): void {
      try {
        finalize.call(this);
        flushText();
        resolve(Buffer.concat(chunks));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
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
