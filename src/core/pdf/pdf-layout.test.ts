import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../testing/pdf-inspection';
import { resourceFilePath } from '../resource-files';
import { pdfFontFiles, renderPdf, writeHeading, writeKeyValues, writeParagraph, writeTable } from '.';
import type { OfficialDocumentSpec, PdfDocument } from '.';

const createdAt = new Date('2022-11-10T09:00:00.000Z');

const spec = (overrides: Partial<OfficialDocumentSpec> = {}): OfficialDocumentSpec => ({
  title: 'Layout test',
  subject: 'Names in three scripts',
  author: 'Student Services Centre, Maastricht University',
  createdAt,
  footer: { reference: 'TEST-0001' },
  ...overrides,
});

const names = ['Łukasz Dvořák', 'Σωκράτης Παπαδόπουλος', 'Фёдор Достоевский', 'Zoë Ångström-Øster'];

describe('official documents (src/core/pdf)', () => {
  it('prints Latin, Greek and Cyrillic names with DejaVu Sans embedded, on A4 with PDF/A-2b metadata', async () => {
    const pdf = await renderPdf(spec({ title: 'Letter to Łukasz Dvořák' }), (doc) => {
      writeHeading(doc, `Dear ${names[0]}`);
      writeParagraph(doc, [{ text: 'Students: ' }, { text: names.join(', '), strong: true }]);
      writeKeyValues(doc, [
        ['Greek', names[1]],
        ['Cyrillic', names[2]],
        ['Amount', '€1,105.00'],
      ]);
    });
    const read = inspectPdf(pdf);

    for (const name of names) expect(read.flatText).toContain(name);
    expect(read.flatText).toContain('€1,105.00');
    expect(read.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    expect(read.info).toMatchObject({
      Title: 'Letter to Łukasz Dvořák',
      Author: 'Student Services Centre, Maastricht University',
      'PDF version': '1.7',
      'Page size': '595.28 x 841.89 pts (A4)',
    });
    // pdfkit writes the XMP packet uncompressed: the PDF/A identification can be read off the bytes.
    const raw = pdf.toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(raw).toContain('/OutputIntents');
  });

  it('draws the letterhead and the footer on every page of a table that runs over pages, repeating its header', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [
      `Instalment ${i + 1} of the tuition fee`,
      `2022-${String((i % 12) + 1).padStart(2, '0')}-01`,
      `€${(i * 37 + 12).toLocaleString('en')}.${String(i % 100).padStart(2, '0')}`,
    ]);
    const pdf = await renderPdf(spec(), (doc) => {
      writeHeading(doc, 'Instalments');
      writeTable(doc, {
        columns: [
          { header: 'Description', width: 4 },
          { header: 'Due on', width: 1.4 },
          { header: 'Amount', width: 1.4, align: 'right' },
        ],
        rows,
        totalRow: ['Total', '', '€99,999.99'],
      });
    });
    const read = inspectPdf(pdf);

    expect(read.pages.length).toBeGreaterThanOrEqual(3);
    read.pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain('Maastricht University');
      expect(flat).toContain('Student Services Centre — Office of Student Affairs');
      expect(flat).toContain('Reference TEST-0001');
      expect(flat).toContain(`Page ${i + 1} of ${read.pages.length}`);
      expect(flat).toMatch(/Description Due on Amount/);
    });
    // Every row once, in order, and none split between pages.
    const printed = read.pages.flatMap((page) => page.match(/Instalment \d+ of the tuition fee/g) ?? []);
    expect(printed).toEqual(rows.map((r) => r[0]));

    // Money is right-aligned: every amount ends at the same x.
    const amountEnds = read.words.filter((w) => w.text.startsWith('€')).map((w) => w.xMax);
    expect(amountEnds).toHaveLength(rows.length + 1);
    for (const end of amountEnds) expect(end).toBeCloseTo(amountEnds[0], 0);
  });

  it('prints the verification code and address in the footer when given', async () => {
    const pdf = await renderPdf(
      spec({
        footer: {
          reference: 'BBC-2022-000042',
          verification: { code: 'K7QX-2M9D', url: 'https://verify.example.org/K7QX-2M9D' },
        },
      }),
      (doc) => {
        writeParagraph(doc, 'A document with a verification code.');
      },
    );
    const flat = inspectPdf(pdf).flatText;
    expect(flat).toContain('Reference BBC-2022-000042');
    expect(flat).toContain('Verification code K7QX-2M9D');
    expect(flat).toContain('Verify at https://verify.example.org/K7QX-2M9D');
  });

  it('gives the same bytes for the same content and clock', async () => {
    const build = (doc: PdfDocument): void => {
      writeParagraph(doc, names.join(' · '));
    };
    const first = await renderPdf(spec(), build);
    const second = await renderPdf(spec(), build);
    expect(first.equals(second)).toBe(true);
    expect(inspectPdf(first).info['CreationDate']).toMatch(/Nov 10 09:00:00 2022/);
  });

  it('keeps metadata that pdfkit does not escape valid (an ampersand in the title)', async () => {
    const pdf = await renderPdf(spec({ title: 'Fees & charges <draft>' }), (doc) => {
      writeParagraph(doc, 'Body');
    });
    expect(inspectPdf(pdf).info['Title']).toBe('Fees and charges draft');
  });

  it('keeps every letter extractable when documents share the parsed font (Cyrillic р is drawn from Latin p)', async () => {
    await renderPdf(spec(), (doc) => {
      writeParagraph(doc, 'Фёдор Достоевский, Пётр');
    });
    const later = await renderPdf(spec(), (doc) => {
      writeParagraph(doc, 'Description: https://example.org/pp');
    });
    expect(inspectPdf(later).flatText).toContain('Description: https://example.org/pp');
  });

  it('ships the fonts of the dejavu-fonts-ttf package in resources/fonts', () => {
    // Packaged apps read resources/fonts; this notices a package upgrade that was not copied there.
    const require = createRequire(import.meta.url);
    for (const file of Object.values(pdfFontFiles)) {
      const fromPackage = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file.replace('fonts/', '')}`));
      expect(readFileSync(resourceFilePath(file)).equals(fromPackage)).toBe(true);
    }
  });
});
