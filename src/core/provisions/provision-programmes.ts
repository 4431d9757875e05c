import type { Provisions } from './provisions.schema';

/** A programme of the provisions as staff name it, with its level and faculty. */
export interface ProvisionProgramme {
  readonly code: string;
  readonly name: string;
  readonly level: 'bachelor' | 'master' | 'pre-master' | 'professional-master';
  readonly faculty: string | null;
  readonly hasPartTimeVariant: boolean;
  readonly isSmallScaleIntensive: boolean;
}

const byProvisions = new WeakMap<
  Provisions,
  { list: ProvisionProgramme[]; byCode: Map<string, ProvisionProgramme> }
>();

function index(provisions: Provisions) {
  let entry = byProvisions.get(provisions);
  if (!entry) {
    // Appendix I names keep the "B " / "M " prefix, the way staff and the provisions themselves name them.
    const list: ProvisionProgramme[] = [
      ...provisions.programmes.map((p) => ({
        code: p.code,
        name: `${p.level === 'bachelor' ? 'B' : 'M'} ${p.name}`,
        level: p.level,
        faculty: p.faculty,
        hasPartTimeVariant: p.hasPartTimeVariant,
        isSmallScaleIntensive: p.smallScaleIntensive,
      })),
      ...provisions.preMasterProgrammes.map((p) => ({
        code: p.code,
        name: `Pre-master's ${p.name}`,
        level: 'pre-master' as const,
        faculty: p.faculty,
        hasPartTimeVariant: false,
        isSmallScaleIntensive: false,
      })),
      ...provisions.professionalMasterProgrammes.map((p) => ({
        code: p.code,
        name: p.name,
        level: 'professional-master' as const,
        faculty: p.faculty,
        hasPartTimeVariant: false,
        isSmallScaleIntensive: false,
      })),
    ];
    entry = { list, byCode: new Map(list.map((p) => [p.code, p])) };
    byProvisions.set(provisions, entry);
  }
  return entry;
}

/** Every programme of Appendices I, IV and VI. */
export function provisionProgrammes(provisions: Provisions): readonly ProvisionProgramme[] {
  return index(provisions).list;
}

/** The programme with this code, or undefined. */
export function findProvisionProgramme(provisions: Provisions, code: string): ProvisionProgramme | undefined {
  return index(provisions).byCode.get(code);
}
