import type { Provisions } from '../../provisions/provisions.schema';
import type { ProgrammeSeed } from './demo-seed';

/**
 * The programmes of the provisions as catalogue rows: Appendix I (initial bachelor's and master's),
 * IV (pre-master's) and VI (master's for professionals).
 *
 * Appendix I names keep its "B " / "M " prefix, the way staff and the provisions name them.
 */
export function programmeSeedsFromProvisions(provisions: Provisions): ProgrammeSeed[] {
  const initial = provisions.programmes.map((p) => ({
    code: p.code,
    name: `${p.level === 'bachelor' ? 'B' : 'M'} ${p.name}`,
    level: p.level,
    faculty: p.faculty,
    hasPartTimeVariant: p.hasPartTimeVariant,
    isSmallScaleIntensive: p.smallScaleIntensive,
  }));
  const preMasters = provisions.preMasterProgrammes.map((p) => ({
    code: p.code,
    name: `Pre-master's ${p.name}`,
    level: 'pre-master' as const,
    faculty: p.faculty,
    hasPartTimeVariant: false,
    isSmallScaleIntensive: false,
  }));
  const professional = provisions.professionalMasterProgrammes.map((p) => ({
    code: p.code,
    name: p.name,
    level: 'professional-master' as const,
    faculty: p.faculty,
    hasPartTimeVariant: false,
    isSmallScaleIntensive: false,
  }));
  return [...initial, ...preMasters, ...professional];
}
