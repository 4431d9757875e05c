import { parseArgs } from 'node:util';
import { benchmarkFeeRules } from '../../src/core/modules/fees/tuition-fee.bench-support';
import { benchCatalogue } from './catalogue.bench';
import { benchStudentSearch } from './student-search.bench';
import { benchDocumentChecklist } from './document-checklist.bench';
import { benchIssuingBatch } from './issuing-batch.bench';
import { benchTranscripts } from './transcripts.bench';

// `npm run bench [-- --students N]`: figures at university scale, printed, never asserted.
// `--search-students N`: how many students the student-search benchmark inserts (default 100,000).
// `--only issuing,transcripts`: just the named benchmarks (catalogue, search, fees, checklist, issuing,
// transcripts), e.g. to compare the PDF figures before and after a change.
const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '30000' },
    'search-students': { type: 'string', default: '100000' },
    certificates: { type: 'string', default: '1000' },
    'chromium-sample': { type: 'string', default: '50' },
    transcripts: { type: 'string', default: '1000' },
    only: { type: 'string' },
  },
});
const only = values.only?.split(',').map((name) => name.trim());
const runs = (name: string): boolean => only === undefined || only.includes(name);
console.log(`Student Affairs Desk benchmarks on ${process.version}, ${process.platform}/${process.arch}\n`);
if (runs('catalogue')) await benchCatalogue(Number(values.students));
if (runs('search')) await benchStudentSearch(Number(values['search-students']));

if (runs('fees')) {
  const fees = benchmarkFeeRules(300_000);
  console.log(
    `\nfee assessment rules (Art 15–30): ${Math.round(fees.perSecond).toLocaleString('en-GB')} assessments per second (target over 100,000)`,
  );
}

if (runs('checklist')) {
  const checklists = benchDocumentChecklist(100_000);
  console.log(
    `document checklist (Art 13.1 a–g with deadlines and the Art 13.3 consequence): ${Math.round(checklists.perSecond).toLocaleString('en-GB')} checklists per second`,
  );
}

if (runs('issuing')) await benchIssuingBatch(Number(values.certificates), Number(values['chromium-sample']));
if (runs('transcripts'))
  await benchTranscripts(Number(values.transcripts), Number(values['chromium-sample']));
