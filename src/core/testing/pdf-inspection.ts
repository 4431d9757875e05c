import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A font as `pdffonts` lists it. */
export interface PdfFontListing {
  name: string;
  type: string;
  embedded: boolean;
}

/** A word and its box on a page, in points from the top left, as `pdftotext -bbox` reports it. */
export interface PdfWordBox {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** What poppler-utils read from a PDF: the text per page, the fonts, the document info and word boxes. */
export interface PdfInspection {
  /** The text of each page in reading order (`pdftotext -layout`). */
  pages: string[];
  /** All pages' text with runs of white space collapsed to one space, for phrases that wrap. */
  flatText: string;
  fonts: PdfFontListing[];
  /** `pdfinfo` fields, e.g. Title, Pages, 'PDF version'. */
  info: Record<string, string>;
  words: PdfWordBox[];
}

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install -y poppler-utils).`, {
        cause: error,
      });
    }
    throw error;
  }
}

const wordPattern =
  /<page width="[\d.]+" height="[\d.]+">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g;

function decodeEntities(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/** Reads a PDF with pdftotext, pdffonts and pdfinfo (poppler-utils), for tests of rendered documents. */
export function inspectPdf(bytes: Uint8Array): PdfInspection {
  const folder = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
  try {
    const file = join(folder, 'document.pdf');
    writeFileSync(file, bytes);
    // pdftotext ends every page with a form feed.
    const pages = run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1);
    const fonts = run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line): PdfFontListing => {
        // name, type (may contain spaces), encoding, emb, sub, uni, object number, generation
        const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line.trim());
        if (!m) throw new Error(`Unexpected pdffonts line: ${line}`);
        return { name: m[1], type: m[2], embedded: m[4] === 'yes' };
      });
    const info: Record<string, string> = {};
    for (const line of run('pdfinfo', [file]).split('\n')) {
      const at = line.indexOf(':');
      if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    const words: PdfWordBox[] = [];
    let page = 0;
    for (const m of run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).matchAll(wordPattern)) {
      if (m[4] === undefined) {
        page++;
        continue;
      }
      words.push({
        page,
        text: decodeEntities(m[4]),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
      });
    }
    return { pages, flatText: pages.join(' ').replace(/\s+/g, ' '), fonts, info, words };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
