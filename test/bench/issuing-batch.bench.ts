import { toString as qrCodeSvg } from 'qrcode';
import { systemActor } from '../../src/core/context';
import { createDesk } from '../../src/core/desk';
import { IssuingBatches } from '../../src/core/modules/issuing/issuing-batches';
import {
  renderIssuedDocument,
  verificationUrlOf,
  type IssuedDocumentContent,
} from '../../src/core/modules/issuing/issued-document.pdf';
import {
  formatVerificationCode,
  newVerificationCode,
} from '../../src/core/modules/issuing/verification-code';
import { issuingOffice } from '../../src/core/pdf';
import { comparison, cpuMsSince, escapeHtml, launchChromium, measure } from './bench-support';

const programmeCode = 'b-psychology';

/** A certificate of enrolment as the issuing service fills it in. */
function certificate(i: number): IssuedDocumentContent {
  const code = newVerificationCode();
  return {
    title: 'Certificate of enrolment',
    number: `UM-2022-${String(i + 1).padStart(6, '0')}`,
    verificationCode: code,
    verificationUrl: verificationUrlOf(code),
    studentName: 'Łukasz Dvořák',
    studentNumber: `i6${String(100000 + i)}`,
    declaration:
      'Maastricht University certifies that the student named below is enrolled in the programme stated for the academic year stated.',
    contents: [
      ['Name', 'Łukasz Dvořák'],
      ['Date of birth', '14 March 2003'],
      ['Student number', `i6${String(100000 + i)}`],
      ['Programme', 'B Psychology'],
      ['Mode of study', 'Full-time'],
      ['Academic year', '2022-23'],
      ['Enrolled from', '1 September 2022'],
      ['Until', '31 August 2023'],
    ],
    notes: [
      'This certificate of enrolment is issued under Article 5 paragraph 1 of the Enrolment Provisions 2022-2023.',
      'Together with the UM card it proves the student’s identity at Maastricht University (Article 5 paragraph 3). It remains the property of Maastricht University (Article 5 paragraph 4).',
    ],
    issuedOnText: '5 September 2022',
  };
}

/**
 * The same certificate as HTML for Chromium: letterhead, declaration, contents, notes, the authenticity
 * paragraph, signature and the footer with QR code, in DejaVu Sans (installed, so Chromium embeds it).
 */
async function certificateHtml(content: IssuedDocumentContent): Promise<string> {
  const code = formatVerificationCode(content.verificationCode);
  const qr = await qrCodeSvg(content.verificationUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  const rows = (pairs: readonly (readonly [string, string])[]) =>
    pairs.map(([l, v]) => `<tr><th>${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title><style>
@page { size: A4; margin: 138pt 64pt 104pt 64pt; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; }
header { position: fixed; top: -98pt; left: 0; right: 0; border-bottom: 1.2pt solid #e84e10; height: 86pt; }
header h1 { font-size: 17pt; color: #001c3d; margin: 0; } header p { font-size: 9.5pt; color: #001c3d; margin: 6pt 0; }
header address { position: absolute; right: 0; top: 0; font-size: 7.5pt; color: #5c6370; text-align: right; font-style: normal; }
footer { position: fixed; bottom: -80pt; left: 0; right: 0; border-top: 0.5pt solid #c8ccd2; font-size: 7.5pt; padding-top: 6pt; }
footer svg { position: absolute; right: 0; top: 6pt; width: 52pt; height: 52pt; }
h2 { font-size: 13pt; color: #001c3d; } th { text-align: left; color: #5c6370; font-weight: normal; width: 130pt; vertical-align: top; }
.note { font-size: 9pt; } .small { font-size: 8.5pt; color: #3a3f47; }
</style></head><body>
<header><h1>${issuingOffice.university}</h1><p>${issuingOffice.unit}</p><address>${[...issuingOffice.address, issuingOffice.email, issuingOffice.website].join('<br>')}</address></header>
<footer><div><b>Reference</b> ${content.number}</div><div><b>Verification code</b> ${code}</div><div><b>Verify at</b> ${content.verificationUrl}</div>${qr}</footer>
<h2>${escapeHtml(content.title)}</h2><p>${escapeHtml(content.declaration)}</p>
<table>${rows(content.contents)}</table>
${content.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}
<table>${rows([
    ['Issued on', content.issuedOnText],
    ['Document number', content.number],
    ['Verification code', code],
  ])}</table>
<p class="small">The authenticity of this document can be checked with its verification code at ${escapeHtml(content.verificationUrl.split('?')[0] ?? '')} or by scanning the QR code below. A document whose code is unknown, revoked or superseded is not valid.</p>
<p><b>${issuingOffice.signature}</b><br>${issuingOffice.university}</p>
</body></html>`;
}

/**
 * Issue 5 point 8: batch-issues `count` certificates of enrolment through the batch job (rule, render,
 * store, register, audit, in transactions of up to 32 documents), then renders `sample` of the same
 * certificate with pdfkit alone and as HTML printed to PDF by headless Chromium (one browser and page
 * reused), and prints the figures and the ratios, render only and end to end, with the CPU time per document.
 */
export async function benchIssuingBatch(count: number, sample: number): Promise<void> {
  const desk = await createDesk({
    databaseFile: ':memory:',
    clock: { now: () => new Date('2022-09-05T09:00:00Z') },
  });
  try {
    const at = '2022-08-01T08:00:00.000Z';
    const students = await desk.database.db
      .insertInto('students')
      .values(
        Array.from({ length: count }, (_, i) => ({
          studentNumber: `i6${String(100000 + i)}`,
          givenNames: i % 3 === 0 ? 'Łukasz' : i % 3 === 1 ? 'Ελένη' : 'Дмитрий',
          familyName: i % 3 === 0 ? 'Dvořák' : i % 3 === 1 ? 'Παπαδοπούλου' : 'Иванов',
          email: null,
          createdAt: at,
          updatedAt: at,
          updatedBy: 'bench',
        })),
      )
      .returning('id')
      .execute();
    for (const { id } of students) {
      const enrolled = await desk.invokeAsOperator(systemActor, 'ledger:enrol', {
        studentId: id,
        facts: { programmeCode, nationalities: ['PL'], startDate: '2022-09-01' },
      });
      if (!enrolled.ok) throw new Error(enrolled.error.message);
    }

    const ctx = {
      db: desk.database.db,
      clock: { now: () => new Date('2022-09-05T09:00:00Z') },
      actor: systemActor,
      attachments: desk.attachments,
    };
    const batches = new IssuingBatches();
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const job = await batches.start(ctx, {
      kind: 'enrolment-certificate',
      programmeCode,
      academicYear: '2022-23',
    });
    const ended = await batches.settled(job.batchId);
    const batchSeconds = (performance.now() - started) / 1000;
    const batchCpuMs = cpuMsSince(cpuStarted) / ended.issued;
    const zipStarted = performance.now();
    const zip = batches.zip(ctx, job.batchId);
    const zipSeconds = (performance.now() - zipStarted) / 1000;
    const endToEndMs = (batchSeconds * 1000) / ended.issued;
    console.log(
      `\nbatch issue (Art 5.1, issue 5 point 8), end to end (rule, render, store, register, audit): ${ended.issued.toLocaleString('en-GB')} certificates of enrolment in ${batchSeconds.toFixed(1)} s: ${Math.round(ended.issued / batchSeconds)} documents per second by the wall clock (target at least 100 on one core), ${batchCpuMs.toFixed(1)} ms of CPU per document (${Math.round(1000 / batchCpuMs)} per CPU-second on one core); ZIP of ${zip.files} PDFs (${(Buffer.byteLength(zip.zipBase64, 'base64') / 1e6).toFixed(1)} MB) in ${zipSeconds.toFixed(2)} s`,
    );

    // Render only: the same certificate, a new number and code each, with pdfkit in this process.
    const renders = Math.max(sample, 300);
    const contents = Array.from({ length: renders }, (_, i) => certificate(i));
    const issuedAt = new Date('2022-09-05T09:00:00Z');
    for (const content of contents.slice(0, 5)) await renderIssuedDocument(content, issuedAt);
    let pdfkitSize = 0;
    const pdfkit = await measure(renders, async (i) => {
      pdfkitSize = (await renderIssuedDocument(contents[i] ?? certificate(i), issuedAt)).length;
    });

    const browser = await launchChromium();
    try {
      // One browser and one page for every document, as a server printing certificates would keep them.
      const page = await browser.newPage();
      const printOptions = { format: 'A4', printBackground: true, preferCSSPageSize: true } as const;
      const sampled = contents.slice(0, sample);
      for (const content of sampled.slice(0, 5)) {
        await page.setContent(await certificateHtml(content));
        await page.pdf(printOptions);
      }
      // End to end: the HTML (with its QR code) built and printed per document.
      let chromiumSize = 0;
      const chromiumEndToEnd = await measure(sampled.length, async (i) => {
        await page.setContent(await certificateHtml(sampled[i] ?? certificate(i)));
        chromiumSize = (await page.pdf(printOptions)).length;
      });
      // Render only: the HTML built beforehand, as the pdfkit figure has its content given.
      const pages = await Promise.all(sampled.map((content) => certificateHtml(content)));
      const chromium = await measure(pages.length, async (i) => {
        await page.setContent(pages[i] ?? '');
        await page.pdf(printOptions);
      });
      console.log(
        comparison(
          `certificate rendering (${renders} by pdfkit, ${sampled.length} by Chromium; ${Math.round(pdfkitSize / 1024)} KB and ${Math.round(chromiumSize / 1024)} KB)`,
          pdfkit,
          chromium,
        ),
      );
      const chromiumEndToEndCpu = chromiumEndToEnd.cpuMs + chromiumEndToEnd.childCpuMs;
      console.log(
        `end to end: pdfkit batch ${endToEndMs.toFixed(1)} ms wall and ${batchCpuMs.toFixed(1)} ms CPU per document issued and registered, Chromium ${chromiumEndToEnd.wallMs.toFixed(1)} ms wall and ${chromiumEndToEndCpu.toFixed(1)} ms CPU per document built as HTML and printed (nothing stored or registered): pdfkit is ${(chromiumEndToEnd.wallMs / endToEndMs).toFixed(1)}× faster by the wall clock, ${(chromiumEndToEndCpu / batchCpuMs).toFixed(1)}× by CPU time`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    await desk.close();
  }
}
