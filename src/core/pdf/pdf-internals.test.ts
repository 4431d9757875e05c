import { inflateSync } from 'node:zlib';
import { create as createQrCode } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from '../testing/pdf-inspection';
import { createA4Document } from './a4-document';
import { qrCodeModules } from './document-footer';
import { pdfFonts } from './pdf-fonts';
import { renderPdf, writeParagraph } from '.';

/** A deterministic stream of verification-code-like strings (16 characters of the code alphabet). */
function* codes(count: number): Generator<string> {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let state = 7;
  for (let n = 0; n < count; n++) {
    let code = '';
    for (let i = 0; i < 16; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      code += alphabet[state % alphabet.length];
    }
    yield code.replace(/(.{4})(?=.)/g, '$1-');
  }
}

interface Laid {
  glyphs: readonly { id: number }[];
  positions: readonly Record<string, number>[];
  advanceWidth: number;
}
interface OpenedFontForTest {
  layoutCached: (word: string) => Laid;
  layoutRun: (word: string) => Laid;
}

describe('the PDF internals made cheaper give what pdfkit, fontkit and qrcode give', () => {
  it('chooses the same QR mask and modules as qrcode for verification addresses and other text', () => {
    const texts = [
      ...[...codes(150)].map((code) => `https://www.maastrichtuniversity.nl/verify?code=${code}`),
      ...Array.from({ length: 30 }, (_, i) => `https://example.org/${'x'.repeat(i * 3)}`),
    ];
    const masks = new Set<number>();
    for (const text of texts) {
      const ours = qrCodeModules(text);
      const theirs = createQrCode(text, { errorCorrectionLevel: 'M' });
      masks.add(theirs.maskPattern ?? -1);
      expect(ours.maskPattern).toBe(theirs.maskPattern);
      expect(ours.size).toBe(theirs.modules.size);
      expect(Buffer.from(ours.modules).equals(Buffer.from(theirs.modules.data))).toBe(true);
    }
    // The comparison covers most of the eight patterns, not one that happens to win every time.
    expect(masks.size).toBeGreaterThanOrEqual(5);
  });

  it('lays out identifiers composed from cached characters exactly as fontkit shapes them', () => {
    const doc = createA4Document({ title: 't', subject: 's', author: 'a', createdAt: new Date(0) });
    const words = [...codes(200)].flatMap((code, i) => [
      code,
      `${code} `,
      code.slice(5),
      `https://www.maastrichtuniversity.nl/verify?code=${code}`,
      `i6${String(100000 + i * 37)}`,
      `UM-2022-${String(i * 13).padStart(6, '0')}`,
      `TOR-i6${400000 + i}-2022-23`,
      // Ligatures and accents before the identifier: composed only where the pair is plain kerning.
      `ffi${code.slice(0, 4)}`,
      `Å${code.slice(0, 9)}TT`,
      `AV${code.slice(0, 4)}`,
    ]);
    for (const weight of ['regular', 'bold'] as const) {
      doc.font(pdfFonts[weight]);
      const font = (doc as unknown as { _font: OpenedFontForTest })._font;
      for (const word of words) {
        const ours = font.layoutCached(word);
        const shaped = font.layoutRun(word);
        expect(
          ours.glyphs.map((g) => g.id),
          word,
        ).toEqual(shaped.glyphs.map((g) => g.id));
        expect(ours.positions, word).toEqual(shaped.positions.map((p) => ({ ...p })));
        expect(ours.advanceWidth, word).toBe(shaped.advanceWidth);
      }
    }
  });

  it('writes every stream deflated and whole: the output intent, fonts and maps shared between documents inflate to the same bytes', async () => {
    const render = (text: string) =>
      renderPdf(
        {
          title: 'Streams',
          subject: 's',
          author: 'a',
          createdAt: new Date('2022-11-10T09:00:00Z'),
          footer: { reference: 'TEST-0002' },
        },
        (doc) => {
          writeParagraph(doc, [{ text: 'Shared bold labels ', strong: true }, { text }]);
        },
      );
    const streamsOf = (pdf: Buffer): Buffer[] => {
      const raw = pdf.toString('latin1');
      const found: Buffer[] = [];
      // Each object with a stream; the XMP metadata is the one PDF/A wants uncompressed.
      for (const match of raw.matchAll(/\d+ 0 obj\n<<((?:(?!endobj)[^])*?)>>\nstream\n/g)) {
        const start = (match.index ?? 0) + match[0].length;
        const length = Number(/\/Length (\d+)/.exec(match[1] ?? '')?.[1]);
        const bytes = pdf.subarray(start, start + length);
        if (match[1]?.includes('/FlateDecode')) found.push(inflateSync(bytes));
        else expect(match[1]).toContain('/Metadata');
      }
      return found;
    };
    const first = await render('Фёдор Достоевский');
    const second = await render('Zoë Ångström-Øster');
    const firstStreams = streamsOf(first);
    const secondStreams = streamsOf(second);
    expect(firstStreams.length).toBeGreaterThanOrEqual(6);
    // The page content starts with pdfkit's flip of the y axis; each operator on a line of its own.
    expect(firstStreams[0]?.toString('latin1')).toMatch(/^1 0 0 -1 0 841\.89 cm\n/);
    // The sRGB profile and the bold subset and its map are the same bytes in both documents.
    const shared = firstStreams.filter((s) => secondStreams.some((t) => t.equals(s)));
    expect(shared.length).toBeGreaterThanOrEqual(3);
    expect(inspectPdf(first).flatText).toContain('Shared bold labels Фёдор Достоевский');
    expect(inspectPdf(second).flatText).toContain('Shared bold labels Zoë Ångström-Øster');
  });
});
