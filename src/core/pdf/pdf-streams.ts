import { hash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { PdfDocument } from './page-layout';

/*
 * How a document's objects become bytes, made cheaper without changing what pdfkit writes into them.
 *
 * pdfkit converts every operator a page's content receives (a line each) to bytes on its own and joins
 * them at the end, and deflates every stream at zlib's default level, including streams that are the same
 * in every document: the sRGB output intent of PDF/A, and a font subset and its ToUnicode map wherever the
 * documents use the same glyphs in the same order (the bold labels of a certificate). Profiling a batch of
 * certificates and transcripts put a quarter of their time into deflating and another tenth into that
 * conversion. Here each stream object of a document keeps its text as text until it ends, page content is
 * deflated at `contentLevel`, and a stream written in one piece is deflated once per process while it
 * keeps recurring. The objects, their order and their dictionaries stay as pdfkit writes them.
 */

/**
 * The zlib level of page content. Level 3 deflated a certificate's page in half the CPU time of the default
 * level 6 for 14% more compressed bytes (3,016 against 2,645 of a 14 KB page; about 1% of the file).
 */
export const contentLevel = 3;

/** pdfkit's PDFReference: a numbered object whose stream is buffered until it ends. */
interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[];
  document: { _security?: unknown };
  write: (chunk: unknown) => void;
  finalize: () => void;
  /** Text written and not yet converted to bytes. */
  pendingText?: string[];
  /** How many times it was written to: a stream written in one piece may recur in other documents. */
  pieces?: number;
}

/** Streams deflated once per process, by the SHA-256 of their bytes, least recently used first out. */
const deflated = new Map<string, Buffer>();
/** How many deflated streams are kept: fonts, maps and the output intent of a few kinds of document. */
const maxDeflated = 48;

/**
 * The default-level deflate of a stream written in one piece, shared by every document that writes the
 * same bytes (the same SHA-256, as the attachment store names files by).
 */
function deflateShared(bytes: Uint8Array): Buffer {
  const key = hash('sha256', bytes, 'base64');
  const hit = deflated.get(key);
  if (hit) {
    deflated.delete(key);
    deflated.set(key, hit);
    return hit;
  }
  const compressed = deflateSync(bytes);
  deflated.set(key, compressed);
  if (deflated.size > maxDeflated) {
    const oldest = deflated.keys().next().value;
    if (oldest !== undefined) deflated.delete(oldest);
  }
  return compressed;
}

/** pdfkit's own `write` and `finalize` of PDFReference, which every object shares. */
let pdfkitWrite: PdfReference['write'] | undefined;
let pdfkitFinalize: PdfReference['finalize'] | undefined;

/** Converts the text written so far, each chunk followed by a line break as pdfkit writes it, in one go. */
function flushText(ref: PdfReference): void {
  const text = ref.pendingText;
  if (text === undefined || text.length === 0) return;
  ref.pendingText = [];
  pdfkitWrite?.call(ref, Buffer.from(`${text.join('\n')}\n`, 'latin1'));
}

/** An object's `write`: text is kept as text, bytes are passed on after the text before them. */
function writeKeepingText(this: PdfReference, chunk: unknown): void {
  this.pieces = (this.pieces ?? 0) + 1;
  if (chunk instanceof Uint8Array) {
    flushText(this);
    pdfkitWrite?.call(this, chunk);
  } else (this.pendingText ??= []).push(String(chunk));
}

/** An object's `finalize`: its stream deflated here (shared, or page content at `contentLevel`), then pdfkit's. */
function finalizeDeflated(this: PdfReference): void {
  flushText(this);
  if (this.compress && this.buffer.length > 0 && !this.document._security) {
    const bytes =
      this.buffer.length === 1 ? (this.buffer[0] ?? new Uint8Array()) : Buffer.concat(this.buffer);
    this.buffer = [this.pieces === 1 ? deflateShared(bytes) : deflateSync(bytes, { level: contentLevel })];
    // Already deflated: pdfkit writes it as it is, with the /FlateDecode filter its first write set.
    this.compress = false;
  }
  pdfkitFinalize?.call(this);
}

/**
 * Makes every object the document creates from now on keep the text written to it as strings and deflate
 * its stream as described above. The functions are shared, not made per object: a document has dozens.
 */
export function streamObjectsCheaply(doc: PdfDocument): void {
  const internals = doc as unknown as { ref: (data?: object) => PdfReference };
  const ref = internals.ref;
  internals.ref = function refStreamingCheaply(data?: object): PdfReference {
    const created = ref.call(this, data);
    pdfkitWrite ??= created.write;
    pdfkitFinalize ??= created.finalize;
    created.write = writeKeepingText;
    created.finalize = finalizeDeflated;
    return created;
  };
}
