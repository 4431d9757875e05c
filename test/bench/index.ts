import { parseArgs } from 'node:util';
import { benchmarkFeeRules } from '../../src/core/modules/fees/tuition-fee.bench-support';
import { benchCatalogue } from './catalogue.bench';

// `npm run bench [-- --students N]`: figures at university scale, printed, never asserted.
const { values } = parseArgs({ options: { students: { type: 'string', default: '30000' } } });
console.log(`Student Affairs Desk benchmarks on ${process.version}, ${process.platform}/${process.arch}\n`);
await benchCatalogue(Number(values.students));

const fees = benchmarkFeeRules(300_000);
console.log(
  `\nfee assessment rules (Art 15–30): ${Math.round(fees.perSecond).toLocaleString('en-GB')} assessments per second (target over 100,000)`,
);
