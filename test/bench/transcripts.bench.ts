import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../../src/core/context';
import { createDesk } from '../../src/core/desk';
import { seedExchangeStudents } from '../../src/core/modules/demo/demo-exchange';
import { demoSize, seedCatalogue } from '../../src/core/modules/demo/demo-seed';
import { SeededRandom } from '../../src/core/modules/demo/random';
import {
  transcriptOf,
  type GradeTableCache,
  type TranscriptData,
} from '../../src/core/modules/exchange/transcript';
import { transcriptElmoXml, transcriptTorsXml } from '../../src/core/modules/exchange/transcript.elmo';
import { renderTranscriptPdf, transcriptReference } from '../../src/core/modules/exchange/transcript.pdf';
import { produceTranscript } from '../../src/core/modules/exchange/transcript.service';
import { issuingOffice } from '../../src/core/pdf';
import { loadProvisions } from '../../src/core/provisions/load-provisions';
import { comparison, cpuMsSince, escapeHtml, launchChromium, measure } from './bench-support';

/**
 * Seeds the demo catalogue (its courses and 36 exchange students), then more incoming exchange students
 * of 2022-23 with the demo's own seeding (stays, registrations per period, first sittings and re-sits)
 * until there are `count`. The demo numbers its exchange students from i6200000 in every round, so each
 * round's students are renumbered (i64…, from their id) before the next one.
 */
export async function seedExchangeForBench(
  ctx: Parameters<typeof seedCatalogue>[0],
  count: number,
): Promise<number[]> {
  const provisions = loadProvisions();
  await seedCatalogue(ctx, provisions, demoSize);
  const ids = (
    await ctx.db.selectFrom('exchangeStays').select('studentId').orderBy('studentId').execute()
  ).map((s) => s.studentId);
  const at = ctx.clock.now().toISOString();
  const renumber = (added: readonly number[]) =>
    ctx.db
      .updateTable('students')
      .set((eb) => ({ studentNumber: sql<string>`'i' || (6400000 + ${eb.ref('id')})` }))
      .where('id', 'in', added)
      .execute();
  await renumber(ids);
  for (let round = 1; ids.length < count; round++) {
    const added = await ctx.db
      .transaction()
      .execute((trx) =>
        seedExchangeStudents(
          trx,
          provisions,
          new SeededRandom(demoSize.seed ^ (0xe8c4a + round)),
          demoSize.academicYear,
          at,
          'bench',
        ),
      );
    await renumber(added);
    ids.push(...added);
  }
  return ids.slice(0, count);
}

const day = (iso: string): string =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
const ects = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/**
 * The same transcript as HTML for Chromium: letterhead, the student and the stay, the courses with the
 * totals, the GPA, the grading scale, its notes, the ECTS grading tables, the reasons and the signature,
 * with the reference and "page n of N" in the footer of every page, in DejaVu Sans.
 */
function transcriptHtml(data: TranscriptData): string {
  const name = `${data.student.givenNames} ${data.student.familyName}`;
  const keyValues = (pairs: readonly (readonly [string, string])[]) =>
    `<table class="kv">${pairs.map(([l, v]) => `<tr><th>${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
  const table = (
    headers: readonly string[],
    rows: readonly (readonly string[])[],
    right: readonly number[] = [],
    total?: readonly string[],
  ) => {
    const cell = (tag: string, text: string, i: number) =>
      `<${tag}${right.includes(i) ? ' class="r"' : ''}>${escapeHtml(text)}</${tag}>`;
    return `<table class="grid"><thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`)
      .join(
        '',
      )}${total ? `<tr class="total">${total.map((c, i) => cell('td', c, i)).join('')}</tr>` : ''}</tbody></table>`;
  };
  const courses = data.courses.length
    ? table(
        ['Code', 'Course', 'Period', 'ECTS', 'Grade', 'Description', 'Status'],
        data.courses.map((c) => [
          c.code,
          c.title,
          `${c.academicYear} P${c.period}`,
          ects(c.ects),
          c.grade ?? '–',
          c.description ?? '–',
          c.sitting === 'resit' ? `${c.statusText} (re-sit)` : c.statusText,
        ]),
        [3, 4],
        [
          'Total',
          `${data.totals.courses} course${data.totals.courses === 1 ? '' : 's'}`,
          '',
          ects(data.totals.ectsRegistered),
          '',
          '',
          `${ects(data.totals.ectsObtained)} ECTS obtained`,
        ],
      )
    : '<p>No courses are recorded for this exchange.</p>';
  const gradeTables = data.gradeTables
    .map((t) => {
      const title = `Reference group: ISCED ${t.iscedCode} (courses of ${t.faculty}), passing grades ${t.academicYears.join(' and ')}`;
      return t.distribution.kind === 'insufficient-data'
        ? `<p class="note">${escapeHtml(title)}: insufficient data (${t.distribution.total} passing grades; a table needs at least ${t.distribution.minimumGroupSize}).</p>`
        : `<p class="note">${escapeHtml(title)}: ${t.distribution.total} passing grades.</p>${table(
            ['Grade', 'Number', 'Percentage', 'Cumulative'],
            t.distribution.rows.map((r) => [
              r.label,
              String(r.count),
              `${r.percentage.toFixed(1)}%`,
              `${r.cumulativePercentage.toFixed(1)}%`,
            ]),
            [1, 2, 3],
          )}`;
    })
    .join('');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Transcript of records</title><style>
@page { size: A4; margin: 138pt 64pt 104pt 64pt; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1a1a1a; }
header { position: fixed; top: -98pt; left: 0; right: 0; border-bottom: 1.2pt solid #e84e10; height: 86pt; }
header h1 { font-size: 17pt; color: #001c3d; margin: 0; } header p { font-size: 9.5pt; color: #001c3d; margin: 6pt 0; }
header address { position: absolute; right: 0; top: 0; font-size: 7.5pt; color: #5c6370; text-align: right; font-style: normal; }
h2 { font-size: 13pt; color: #001c3d; } h3 { font-size: 10.5pt; color: #001c3d; }
table { border-collapse: collapse; width: 100%; } .kv th { text-align: left; color: #5c6370; font-weight: normal; width: 130pt; vertical-align: top; }
.grid { font-size: 9.5pt; margin-bottom: 8pt; } .grid thead { display: table-header-group; } .grid th { background: #eef0f3; color: #001c3d; text-align: left; border-bottom: 0.8pt solid #001c3d; }
.grid td, .grid th { padding: 3.5pt 5pt; } .grid td { border-bottom: 0.5pt solid #c8ccd2; } .grid tr { break-inside: avoid; }
.grid .total td { font-weight: bold; border-top: 0.8pt solid #1a1a1a; } .r { text-align: right !important; }
.note { font-size: 9pt; } .small { font-size: 8.5pt; color: #3a3f47; }
</style></head><body>
<header><h1>${issuingOffice.university}</h1><p>${issuingOffice.unit}</p><address>${[...issuingOffice.address, issuingOffice.email, issuingOffice.website].join('<br>')}</address></header>
<h2>Transcript of records</h2>
${keyValues([
  ['Student', name],
  ['Student number', data.student.studentNumber],
  ['Status', 'Incoming exchange student, School of Business and Economics'],
  [
    'Home university',
    data.stay.homeUniversity + (data.stay.homeCountry ? ` (${data.stay.homeCountry})` : ''),
  ],
  ['Exchange agreement', data.stay.agreement],
  [
    'Exchange period',
    `${day(data.stay.startsOn)} – ${day(data.stay.endsOn)} (${data.stay.semesters.join(', ')})`,
  ],
])}
<h3>Courses</h3>${courses}
${data.gpa ? keyValues([[data.gpa.label, `${data.gpa.gpa.toFixed(1)} (ECTS-weighted)`]]) : ''}
<h3>Grading scale</h3><p>Grades are given on the official Dutch grading scale from 1 to 10 as applied by Maastricht University and the School of Business and Economics:</p>
${table(
  ['Grade', 'Description', 'Result'],
  data.gradingScale.map((b) => [b.printed, b.description, b.isPass ? 'Pass' : 'Fail']),
)}
${data.gradingNotes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}
<h3>ECTS grading tables</h3>${gradeTables}
${data.reasons.map((r) => `<p class="small">${escapeHtml(`${r.text} (${r.article})`)}</p>`).join('')}
<p><b>${issuingOffice.signature}</b><br>${issuingOffice.university}</p>
</body></html>`;
}

/** The footer Chromium prints on every page: the reference and "Page n of N", as the pdfkit footer has them. */
function footerTemplate(reference: string): string {
  return `<div style="font-family: 'DejaVu Sans'; font-size: 7.5pt; width: 100%; margin: 0 64pt; border-top: 0.5pt solid #c8ccd2; padding-top: 6pt; display: flex; justify-content: space-between;"><span><b>Reference</b> ${escapeHtml(reference)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

/**
 * Issue 6 point 11: transcripts of records (PDF, EMREX ELMO and the EWP tors response carrying it) for
 * `count` exchange students of a seeded database, end to end through produceTranscript and per stage
 * (data, PDF, XML); then `sample` of them rendered from the same data by pdfkit and as equivalent HTML
 * printed by headless Chromium (one browser and page reused), with the ratios and the CPU time per document.
 */
export async function benchTranscripts(count: number, sample: number): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'desk-bench-transcripts-'));
  const clock = { now: () => new Date('2023-02-10T09:00:00Z') };
  const desk = await createDesk({ databaseFile: join(folder, 'bench.sqlite'), clock });
  try {
    const ctx = { db: desk.database.db, clock, actor: systemActor };
    const seedStarted = performance.now();
    const studentIds = await seedExchangeForBench(ctx, count);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // Warm up: fonts parsed, word layouts shared, guides loaded.
    for (const id of studentIds.slice(0, 5)) await produceTranscript(ctx, id);
    // End to end as the desk produces them for a call: registered (number, code and QR in the footer,
    // stored under its SHA-256, superseding the warm-up's), with the ELMO and tors XML carrying the PDF.
    const issuing = { ...ctx, attachments: desk.attachments };

    let courses = 0;
    let pdfBytes = 0;
    let xmlBytes = 0;
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // As the semester's batch does: the faculty's grading tables read once for the whole run.
    const gradeTables: GradeTableCache = new Map();
    for (const id of studentIds) {
      const t = await produceTranscript(issuing, id, { gradeTables });
      courses += t.data.courses.length;
      pdfBytes += t.pdf.length;
      xmlBytes += t.elmoXml.length + t.torsXml.length;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = cpuMsSince(cpuStarted) / studentIds.length;
    const endToEndMs = (seconds * 1000) / studentIds.length;
    console.log(
      `\ntranscripts of records (issue 6 point 11), end to end (data, PDF registered and stored, ELMO and EWP tors): ${studentIds.length.toLocaleString('en-GB')} exchange students (${courses.toLocaleString('en-GB')} courses; seeded in ${seedSeconds.toFixed(1)} s) in ${seconds.toFixed(1)} s: ${Math.round(studentIds.length / seconds)} transcripts per second by the wall clock, ${cpuMs.toFixed(1)} ms of CPU per transcript (${Math.round(1000 / cpuMs)} per CPU-second on one core); PDF ${Math.round(pdfBytes / studentIds.length / 1024)} KB, XML ${Math.round(xmlBytes / studentIds.length / 1024)} KB on average`,
    );

    // Per stage, over every student again: where a transcript's time goes.
    const datas: TranscriptData[] = [];
    let stageCpu = process.cpuUsage();
    const stageTables: GradeTableCache = new Map();
    for (const id of studentIds) datas.push(await transcriptOf(ctx.db, id, stageTables));
    const dataCpuMs = cpuMsSince(stageCpu) / studentIds.length;
    const issuedAt = clock.now();
    const pdfs: Buffer[] = [];
    stageCpu = process.cpuUsage();
    for (const data of datas) pdfs.push(await renderTranscriptPdf(data, issuedAt));
    const pdfCpuMs = cpuMsSince(stageCpu) / studentIds.length;
    stageCpu = process.cpuUsage();
    datas.forEach((data, i) => {
      const pdf = pdfs[i] ?? Buffer.alloc(0);
      transcriptElmoXml(data, pdf, issuedAt);
      transcriptTorsXml(data, pdf, issuedAt);
    });
    const xmlCpuMs = cpuMsSince(stageCpu) / studentIds.length;
    console.log(
      `per transcript, CPU by stage: data ${dataCpuMs.toFixed(2)} ms, PDF (unregistered copy) ${pdfCpuMs.toFixed(2)} ms, ELMO and tors XML ${xmlCpuMs.toFixed(2)} ms; PDF and XML together ${Math.round(1000 / (pdfCpuMs + xmlCpuMs))} transcripts per CPU-second on one core`,
    );

    // Render only, pdfkit and Chromium, from the same data: the students with the most courses.
    const sampled = [...datas].sort((a, b) => b.courses.length - a.courses.length).slice(0, sample);
    let pdfkitSize = 0;
    const pdfkit = await measure(sampled.length, async (i) => {
      const data = sampled[i];
      if (data) pdfkitSize += (await renderTranscriptPdf(data, issuedAt)).length;
    });

    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const print = (data: TranscriptData) =>
        page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: footerTemplate(transcriptReference(data)),
        });
      for (const data of sampled.slice(0, 5)) {
        await page.setContent(transcriptHtml(data));
        await print(data);
      }
      let chromiumSize = 0;
      const chromium = await measure(sampled.length, async (i) => {
        const data = sampled[i];
        if (!data) return;
        await page.setContent(transcriptHtml(data));
        chromiumSize += (await print(data)).length;
      });
      console.log(
        comparison(
          `transcript rendering, the ${sampled.length} with the most courses (${Math.round(pdfkitSize / sampled.length / 1024)} KB by pdfkit, ${Math.round(chromiumSize / sampled.length / 1024)} KB by Chromium)`,
          pdfkit,
          chromium,
        ),
      );
      const chromiumCpu = chromium.cpuMs + chromium.childCpuMs;
      console.log(
        `end to end, the transcript with its data, register entry and XML against Chromium printing alone: ${(chromium.wallMs / endToEndMs).toFixed(1)}× faster by the wall clock, ${(chromiumCpu / cpuMs).toFixed(1)}× by CPU time; PDF and XML from data loaded already (${(pdfCpuMs + xmlCpuMs).toFixed(2)} ms CPU): ${(chromiumCpu / (pdfCpuMs + xmlCpuMs)).toFixed(1)}× by CPU time`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    await desk.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
