import { parseArgs } from 'node:util';
import { benchCatalogue } from './catalogue.bench';

// `npm run bench [-- --students N]`: figures at university scale, printed, never asserted.
const { values } = parseArgs({ options: { students: { type: 'string', default: '30000' } } });
console.log(`Student Affairs Desk benchmarks on ${process.version}, ${process.platform}/${process.arch}\n`);
await benchCatalogue(Number(values.students));
