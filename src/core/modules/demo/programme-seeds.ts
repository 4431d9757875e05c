import { provisionProgrammes } from '../../provisions/provision-programmes';
import type { Provisions } from '../../provisions/provisions.schema';
import type { ProgrammeSeed } from './demo-seed';

/** The programmes of the provisions (Appendices I, IV and VI) as catalogue rows. */
export function programmeSeedsFromProvisions(provisions: Provisions): ProgrammeSeed[] {
  return provisionProgrammes(provisions).map((p) => ({ ...p }));
}
