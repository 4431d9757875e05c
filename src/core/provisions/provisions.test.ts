import { describe, expect, it } from 'vitest';
import raw from '../../../resources/provisions/2022-23.json' with { type: 'json' };
import { availableAcademicYears, findProvisionText, loadProvisions } from './load-provisions';
import { provisionsSchema, type MoneyEntry } from './provisions.schema';

// ------------------------------------------------------------------ helpers

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Formats cents the way the provisions print euros: €2,209 · €19.50 · €36.82 · €100. */
function euro(cents: number): string {
  const whole = Math.trunc(cents / 100).toLocaleString('en-GB');
  const rest = cents % 100;
  return rest === 0 ? `€${whole}` : `€${whole}.${String(rest).padStart(2, '0')}`;
}

/** Formats an ISO date the way the provisions print it: '1 September 2022'. */
function printedDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** The ways the provisions write a small number: '14', 'six', 'second'. */
function numberForms(n: number): string[] {
  return [String(n), WORDS[n], ORDINALS[n]].filter((s): s is string => !!s);
}

/** Visits every value of a JSON tree with the key under which it is stored. */
function walk(value: unknown, visit: (key: string, value: unknown, path: string) => void, path = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, visit, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      visit(k, v, `${path}.${k}`);
      walk(v, visit, `${path}.${k}`);
    }
  }
}

// ------------------------------------------------------------------ data

const p = loadProvisions();
const programme = (code: string) => {
  const found = p.programmes.find((x) => x.code === code);
  if (!found) throw new Error(`programme ${code} missing`);
  return found;
};
const appendix = (n: string) => p.appendices.find((a) => a.number === n)!;
const EU_CODES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

describe('loading', () => {
  it('parses the JSON against the schema', () => {
    expect(provisionsSchema.safeParse(raw).success).toBe(true);
    expect(p.academicYear).toBe('2022-23');
    expect(p.startDate).toBe('2022-09-01');
    expect(p.endDate).toBe('2023-08-31');
    expect(p.title).toBe('UM Enrolment Provisions 2022/23');
  });

  it('caches the parsed provisions', () => {
    expect(loadProvisions('2022-23')).toBe(p);
  });

  it('refuses an unknown year and names the available ones', () => {
    expect(availableAcademicYears()).toEqual(['2022-23']);
    expect(() => loadProvisions('2031-32')).toThrow(/2031-32.*available: 2022-23/);
  });

  it('rejects data that break the schema', () => {
    const broken = structuredClone(raw) as { fees: { handlingFeeCents: { amountCents: number } } };
    broken.fees.handlingFeeCents.amountCents = 100.5;
    expect(provisionsSchema.safeParse(broken).success).toBe(false);
  });
});

describe('texts', () => {
  it('has every article 1–45 in order with non-empty paragraphs', () => {
    expect(p.articles.map((a) => a.number)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    for (const a of p.articles) {
      expect(a.title.length).toBeGreaterThan(3);
      expect(a.paragraphs.length).toBeGreaterThan(0);
      for (const para of a.paragraphs) expect(para.text.trim().length).toBeGreaterThan(10);
    }
  });

  it('numbers paragraphs as the source does', () => {
    const numbers = (n: number) => p.articles[n - 1].paragraphs.map((x) => x.number);
    expect(numbers(1)).toHaveLength(37);
    expect(numbers(1).slice(0, 3)).toEqual(['a', 'b', 'c']);
    expect(numbers(1).at(-1)).toBe('kk');
    expect(numbers(11)).toEqual(['1', '2', '3', '4', '5', '5']);
    expect(numbers(20)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(numbers(31)).toHaveLength(11);
    expect(numbers(43)).toEqual([null]);
    expect(p.articles[14].paragraphs[3].items?.map((i) => i.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
    ]);
  });

  it('has no page furniture left in the texts', () => {
    walk(p, (key, value, path) => {
      if (typeof value !== 'string') return;
      expect(value, path).not.toMatch(/UM Enrolment Provisions 2022\/23 \d/);
      expect(value, path).not.toMatch(/mailto:|[\uf0a7\uf0b7]|\s{2,}/);
    });
  });

  it('has appendices I–VI with their titles', () => {
    expect(p.appendices.map((a) => a.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
    expect(appendix('III').title).toBe('Third-country nationals with EU long-term resident status');
    for (const a of p.appendices) expect(a.paragraphs.length).toBeGreaterThan(5);
  });

  it('places each article in its chapter and section', () => {
    for (const a of p.articles) {
      const chapter = p.structure.find((c) => c.number === a.chapter)!;
      expect(a.number).toBeGreaterThanOrEqual(chapter.firstArticle);
      expect(a.number).toBeLessThanOrEqual(chapter.lastArticle);
    }
    expect(p.articles[16].section).toBe('2.1');
    expect(p.articles[27].section).toBe('2.3');
    expect(p.articles[0].section).toBeNull();
  });
});

describe('references', () => {
  it('every article reference in the data resolves to text', () => {
    const refs: string[] = [];
    walk(p, (key, value) => {
      if (/^(article|ref|.*Article)$/.test(key) && typeof value === 'string') refs.push(value);
      if (key === 'articles' && Array.isArray(value) && value.every((v) => typeof v === 'string'))
        refs.push(...value);
    });
    expect(refs.length).toBeGreaterThan(150);
    for (const ref of refs) expect(findProvisionText(p, ref), ref).toBeDefined();
  });

  it('every figure is printed in the paragraph it cites', () => {
    for (const [key, entry] of Object.entries(p.fees)) {
      const cited = findProvisionText(p, entry.article)!.text;
      if ('amountCents' in entry) expect(cited, key).toContain(euro(entry.amountCents));
      else if ('date' in entry) expect(cited, key).toContain(printedDate(entry.date));
      else {
        const n = 'days' in entry ? entry.days : 'months' in entry ? entry.months : entry.count;
        expect(
          numberForms(n).some((form) => new RegExp(`\\b${form}\\b`).test(cited)),
          `${key}: ${n}`,
        ).toBe(true);
      }
    }
    for (const entry of [
      p.procedures.hardshipDecisionTermWeeks,
      p.procedures.objectionTermWeeks,
      p.enrolment.admissionCertificateAcceptanceTermWeeks,
    ]) {
      const cited = findProvisionText(p, entry.article)!.text;
      expect(numberForms(entry.weeks).some((f) => cited.includes(`${f} weeks`))).toBe(true);
    }
    const dates = [
      p.enrolment.documentsSeptemberIntakeDate,
      p.enrolment.documentsFebruaryIntakeDate,
      p.enrolment.admissionCertificateSentFromDate,
      p.enrolment.admissionCertificateIssuedBeforeDate,
      p.enrolment.enrolmentEndsDate,
      ...p.countryGroups.flatMap((g) => g.dates),
    ];
    for (const d of dates)
      expect(findProvisionText(p, d.article)!.text, d.description).toContain(printedDate(d.date));
  });

  it('every key suffix matches the shape of its value', () => {
    for (const [key, entry] of Object.entries(p.fees)) {
      const suffix = /(Cents|Date|Days|Weeks|Months|Count)$/.exec(key)?.[1];
      const field = {
        Cents: 'amountCents',
        Date: 'date',
        Days: 'days',
        Weeks: 'weeks',
        Months: 'months',
        Count: 'count',
      }[suffix!];
      expect(field && field in entry, key).toBe(true);
    }
  });

  it('all amounts are non-negative integers of cents', () => {
    let count = 0;
    walk(p, (key, value, path) => {
      if (!/Cents$/.test(key) || value === null || typeof value === 'object') return;
      count++;
      expect(Number.isInteger(value) && (value as number) >= 0, path).toBe(true);
    });
    expect(count).toBeGreaterThan(200);
  });
});

describe('fees (Articles 14–40)', () => {
  const amount = (e: MoneyEntry) => e.amountCents;

  it('has the statutory fees of Art 16–18', () => {
    expect(amount(p.fees.statutoryTuitionFeeCents)).toBe(220900);
    expect(p.fees.statutoryTuitionFeeCents.article).toBe('Art 16.1');
    expect(amount(p.fees.lowStatutoryTuitionFeeCents)).toBe(110500);
    expect(p.fees.lowStatutoryTuitionFeeCents.article).toBe('Art 17.1');
    expect(amount(p.fees.partialStatutoryTuitionFeeCents)).toBe(157200);
  });

  it('has the high statutory fees of Art 20 and 21, reachable from the programme', () => {
    const regimeOf = (code: string) =>
      p.smallScaleIntensiveRegimes.find((r) => r.id === programme(code).smallScaleIntensiveRegime)!;
    const msp = regimeOf('b-liberal-arts-and-sciences-maastricht-science-programme');
    expect(p.fees[msp.feeKeys.highStatutory]).toMatchObject({ amountCents: 365500, article: 'Art 20.1' });
    expect(p.fees[msp.feeKeys.supplement].amountCents).toBe(144600);
    expect(p.fees[msp.feeKeys.highLowStatutory!].amountCents).toBe(255100);
    expect(p.fees[msp.feeKeys.highLowStatutoryBothProgrammes!].amountCents).toBe(399700);
    expect(msp.legacyCohort).toMatchObject({
      enrolledInOrBeforeAcademicYear: '2019-20',
      article: 'Art 20.7',
    });
    const forensic = regimeOf('m-forensic-psychology');
    expect(p.fees[forensic.feeKeys.highStatutory]).toMatchObject({
      amountCents: 399000,
      article: 'Art 21.1',
    });
    expect(p.fees[forensic.feeKeys.supplement].amountCents).toBe(178100);
    expect(forensic.feeKeys.highInstitutional).toBeNull();
  });

  it('adds up the small-scale surcharges as the articles explain', () => {
    const f = p.fees;
    expect(f.statutoryTuitionFeeCents.amountCents + f.smallScaleSupplementLiberalArtsCents.amountCents).toBe(
      f.highStatutoryTuitionFeeLiberalArtsCents.amountCents,
    );
    expect(
      f.lowStatutoryTuitionFeeCents.amountCents + f.smallScaleSupplementLiberalArtsCents.amountCents,
    ).toBe(f.highLowStatutoryTuitionFeeLiberalArtsCents.amountCents);
    expect(
      f.lowStatutoryTuitionFeeCents.amountCents + 2 * f.smallScaleSupplementLiberalArtsCents.amountCents,
    ).toBe(f.highLowStatutoryTuitionFeeLiberalArtsUcmAndMspCents.amountCents);
    expect(
      f.statutoryTuitionFeeCents.amountCents + f.smallScaleSupplementForensicPsychologyCents.amountCents,
    ).toBe(f.highStatutoryTuitionFeeForensicPsychologyCents.amountCents);
  });

  it('has the study, examination and handling fees', () => {
    expect(p.fees.preMasterStudyFee60EctsCents).toMatchObject({ amountCents: 220900, article: 'Art 28.2' });
    expect(p.fees.preMasterStudyFee30EctsCents.amountCents).toBe(110500);
    expect(p.fees.preMasterStudyFeeTailoredPerEctsCents).toMatchObject({ amountCents: 3682, unit: 'ects' });
    expect(p.fees.examinationFeeStatutoryCents).toMatchObject({ amountCents: 220900, article: 'Art 27.1' });
    expect(p.fees.handlingFeeCents).toMatchObject({ amountCents: 10000, article: 'Art 15.1' });
  });

  it('has the instalment and arrears figures', () => {
    expect(p.fees.instalmentAdministrationChargeCents.amountCents).toBe(2400);
    expect(p.fees.instalmentsSeptemberIntakeCount.count).toBe(8);
    expect(p.fees.instalmentsFebruaryIntakeCount.count).toBe(4);
    expect(p.fees.arrearsAdministrationChargeCents).toMatchObject({
      amountCents: 1950,
      unit: 'unpaid-instalment',
    });
    expect(p.fees.arrearsFirstReminderTermDays.days).toBe(14);
    expect(p.fees.paymentDeadlineReEnrolmentDate.date).toBe('2022-08-15');
    expect(p.feeRules.refundNoneFromMonths.months).toEqual(['07', '08']);
    expect(p.feeRules.refundPerRemainingMonth.fraction).toEqual({ numerator: 1, denominator: 12 });
  });

  it('lists the handling-fee exemptions a–i of Art 15.4 verbatim', () => {
    const items = findProvisionText(p, 'Art 15.4')!.paragraphs[0].items!;
    expect(p.handlingFeeExemptions.map((e) => e.id)).toEqual(items.map((i) => i.id));
    p.handlingFeeExemptions.forEach((e, i) => expect(e.text).toBe(items[i].text));
    expect(p.handlingFeeExemptions.filter((e) => e.bachelorOnly).map((e) => e.id)).toEqual(['g', 'h', 'i']);
  });
});

describe('programmes (Appendix I)', () => {
  it('has the spot-checked programmes and fees', () => {
    expect(programme('b-econometrics-and-operations-research')).toMatchObject({
      name: 'Econometrics and Operations Research',
      level: 'bachelor',
      institutionalFeeCents: 920000,
      fundingCategory: 'low',
    });
    expect(programme('m-data-science-for-decision-making')).toMatchObject({
      level: 'master',
      institutionalFeeCents: 1820000,
      institutionalFeePartTimeCents: null,
    });
    expect(programme('b-medicine')).toMatchObject({ institutionalFeeCents: 3200000, fundingCategory: 'top' });
    expect(programme('m-epidemiology')).toMatchObject({
      hasPartTimeVariant: true,
      institutionalFeePartTimeCents: 910000,
    });
    expect(programme('m-international-business')).toMatchObject({
      hasPartTimeVariant: true,
      institutionalFeePartTimeCents: 790000,
    });
    expect(programme('m-health-sciences-research')).toMatchObject({
      reEnrolmentOnly: true,
      name: 'Health Sciences (Research)',
    });
    expect(programme('m-fiscal-economics').dutchName).toBe('Fiscale Economie');
    expect(programme('m-physician-clinical-investigator').name).toBe('Physician–Clinical Investigator');
  });

  it('has 23 bachelor’s and 55 master’s programmes with unique codes', () => {
    expect(p.programmes.filter((x) => x.level === 'bachelor')).toHaveLength(23);
    expect(p.programmes.filter((x) => x.level === 'master')).toHaveLength(55);
    expect(new Set(p.programmes.map((x) => x.code)).size).toBe(p.programmes.length);
  });

  it('puts every programme in the band under which Appendix I prints it', () => {
    const bandOfLine = new Map<string, string[]>();
    let band = '';
    for (const line of appendix('I').paragraphs) {
      const heading = p.feeBands.find((b) => b.appendixHeading === line);
      if (heading) band = heading.id;
      else if (/^[BM] /.test(line)) bandOfLine.set(line, [...(bandOfLine.get(line) ?? []), band]);
    }
    expect([...bandOfLine.values()].flat()).toHaveLength(80);
    for (const prog of p.programmes) {
      const bands = [...new Set(prog.appendixLabels)].flatMap((l) => bandOfLine.get(l) ?? []);
      expect(bands, prog.code).toEqual([prog.feeBand, prog.smallScaleIntensiveFeeBand].filter(Boolean));
      const band = p.feeBands.find((b) => b.id === prog.feeBand)!;
      expect(prog.fundingCategory).toBe(band.fundingCategory);
      expect(prog.fundingCategoryFeeCents).toBe(band.fullTimeCents);
      expect(prog.institutionalFeePartTimeCents).toBe(prog.hasPartTimeVariant ? band.partTimeCents : null);
      expect(prog.hasPartTimeVariant).toBe(prog.appendixNotes.includes('incl. part-time variant'));
      expect(prog.februaryIntake).toBe(false);
      for (const label of prog.appendixLabels) expect(label).toContain(prog.name);
    }
  });

  it('charges UCM and MSP the high institutional fee of Art 22.3 and nobody else', () => {
    const high = p.programmes.filter((x) => x.institutionalFeeCents !== x.fundingCategoryFeeCents);
    expect(high.map((x) => x.code).sort()).toEqual([
      'b-liberal-arts-and-sciences-maastricht-science-programme',
      'b-liberal-arts-and-sciences-university-college-maastricht',
    ]);
    for (const x of high) {
      expect(x).toMatchObject({
        institutionalFeeCents: 1421700,
        fundingCategoryFeeCents: 1280000,
        institutionalFeeArticle: 'Art 22.3',
      });
    }
    expect(programme('b-liberal-arts-and-sciences-university-college-venlo')).toMatchObject({
      institutionalFeeCents: 1280000,
      smallScaleIntensive: false,
    });
    expect(p.programmes.filter((x) => x.smallScaleIntensive).map((x) => x.code)).toHaveLength(3);
  });

  it('agrees with the institutional fees of Art 22–24', () => {
    const f = p.fees;
    const byBand = Object.fromEntries(p.feeBands.map((b) => [b.id, b]));
    expect(byBand['bachelor-low'].fullTimeCents).toBe(f.institutionalFeeBachelorLowCents.amountCents);
    expect(byBand['bachelor-high'].fullTimeCents).toBe(f.institutionalFeeBachelorHighCents.amountCents);
    expect(byBand['bachelor-top'].fullTimeCents).toBe(f.institutionalFeeBachelorTopCents.amountCents);
    expect(byBand['bachelor-small-scale-intensive'].fullTimeCents).toBe(
      f.institutionalFeeBachelorSmallScaleIntensiveCents.amountCents,
    );
    expect(byBand['master-low'].fullTimeCents).toBe(f.institutionalFeeMasterLowCents.amountCents);
    expect(byBand['master-high'].fullTimeCents).toBe(f.institutionalFeeMasterHighCents.amountCents);
    expect(byBand['master-top'].fullTimeCents).toBe(f.institutionalFeeMasterTopCents.amountCents);
    expect(byBand['master-low'].partTimeCents).toBe(f.partialInstitutionalFeeMasterLowCents.amountCents);
    expect(byBand['master-high'].partTimeCents).toBe(f.partialInstitutionalFeeMasterHighCents.amountCents);
    for (const b of p.feeBands) expect(b.appendixHeading).toContain(euro(b.fullTimeCents));
  });

  it('refers only to existing programmes and faculties', () => {
    const codes = new Set(p.programmes.map((x) => x.code));
    const faculties = new Set(p.faculties.map((f) => f.code));
    const referenced = [
      ...p.smallScaleIntensiveRegimes.flatMap((r) => [
        ...r.programmeCodes,
        ...(r.legacyCohort?.programmeCodes ?? []),
      ]),
      ...p.enrolment.restrictedIntakeBachelors.programmeCodes,
      ...p.enrolment.selectionProcedureBachelors.programmeCodes,
      ...p.jointProgrammes.flatMap((j) => (j.programmeCode ? [j.programmeCode] : [])),
      ...p.preMasterProgrammes.flatMap((x) => (x.targetMasterCode ? [x.targetMasterCode] : [])),
    ];
    for (const code of referenced) expect(codes.has(code), code).toBe(true);
    for (const x of [...p.programmes, ...p.preMasterProgrammes, ...p.professionalMasterProgrammes]) {
      if (x.faculty !== null) expect(faculties.has(x.faculty), x.code).toBe(true);
    }
    for (const r of p.smallScaleIntensiveRegimes) {
      for (const code of r.programmeCodes) expect(programme(code).smallScaleIntensiveRegime).toBe(r.id);
    }
  });
});

describe('Appendices IV–VI', () => {
  it('has the 19 pre-master’s programmes per faculty', () => {
    expect(p.preMasterProgrammes).toHaveLength(19);
    expect(p.preMasterProgrammes.filter((x) => x.faculty === 'SBE')).toHaveLength(9);
    expect(new Set(p.preMasterProgrammes.map((x) => x.code)).size).toBe(19);
    for (const x of p.preMasterProgrammes) expect(appendix('IV').paragraphs).toContain(x.printedName);
  });

  it('has the 20 joint programmes with their partners', () => {
    expect(p.jointProgrammes).toHaveLength(20);
    expect(p.jointProgrammes.filter((j) => j.level === 'bachelor')).toHaveLength(3);
    const glep = p.jointProgrammes.find((j) => j.jointDiplomaSupplement)!;
    expect(glep.partners).toHaveLength(7);
    expect(glep.partners.map((x) => x.countryCode)).toContain('GB');
    expect(p.jointProgrammes.filter((j) => j.degreeType === 'joint').map((j) => j.programmeCode)).toEqual([
      'm-international-joint-master-of-research-in-work-and-organisational-psychology',
    ]);
    const text = appendix('V').paragraphs.join('\n');
    for (const j of p.jointProgrammes)
      for (const partner of j.partners) expect(text).toContain(`• ${partner.printed}`);
  });

  it('has the 7 professional master’s programmes without fees', () => {
    expect(p.professionalMasterProgrammes).toHaveLength(7);
    expect(p.professionalMasterProgrammes.every((x) => x.studyFeeCents === null)).toBe(true);
    expect(p.professionalMasterProgrammes[0].degreeNote).toBe('LLM/MSc');
  });
});

describe('countries and Appendix II', () => {
  const group = (id: string) => p.countryGroups.find((g) => g.id === id)!;

  it('has the 27 EU Member States with ISO codes', () => {
    expect(group('eu').countryCodes.slice().sort()).toEqual(EU_CODES.slice().sort());
    expect(p.countries.find((c) => c.code === 'GR')?.name).toBe('Greece');
    expect(p.countries.some((c) => c.code === 'EL')).toBe(false);
    expect(group('eea-non-eu').countryCodes).toEqual(['IS', 'LI', 'NO']);
  });

  it('keeps the Art 1 l list as printed, without Iceland', () => {
    const art1l = findProvisionText(p, 'Art 1l')!.text;
    expect(art1l).not.toContain('Iceland');
    expect(group('eu-eea-art-1l').countryCodes).toHaveLength(29);
    expect(group('eu-eea-art-1l').countryCodes).not.toContain('IS');
  });

  it('puts an article on every treatment and knows every country it names', () => {
    const codes = new Set(p.countries.map((c) => c.code));
    for (const g of p.countryGroups) {
      for (const code of g.countryCodes) expect(codes.has(code), `${g.id}:${code}`).toBe(true);
      for (const t of g.treatments) expect(findProvisionText(p, t.article), t.article).toBeDefined();
    }
    for (const c of p.countries) for (const id of c.groups) expect(group(id).countryCodes).toContain(c.code);
    expect(group('suriname').treatments.map((t) => t.article)).toContain('Art 16.1b');
    expect(group('switzerland').treatments.map((t) => t.article)).toContain('Art 15.4i');
  });

  it('has the United Kingdom footnote with its dates', () => {
    const uk = p.wsfGroups.unitedKingdomFootnote;
    expect(uk.withdrawalDate).toBe('2020-01-31');
    expect(uk.residentBeforeDate).toBe('2020-12-31');
    expect(uk.text).toContain(printedDate(uk.withdrawalDate));
    expect(uk.text).toContain(printedDate(uk.residentBeforeDate));
    expect(group('united-kingdom').dates.map((d) => d.date)).toEqual(['2020-01-31', '2020-12-31']);
  });

  it('has the WSF groups a–o verbatim, with the conditions 1°–7° of group m', () => {
    expect(p.wsfGroups.groups.map((g) => g.letter).join('')).toBe('abcdefghijklmno');
    const m = p.wsfGroups.groups.find((g) => g.letter === 'm')!;
    expect(m.conditions?.map((c) => c.number)).toEqual(['1°', '2°', '3°', '4°', '5°', '6°', '7°']);
    for (const g of p.wsfGroups.groups) {
      expect(findProvisionText(p, `App II ${g.letter}`)!.text).toBe(`${g.letter}. ${g.text}`);
      for (const c of g.conditions ?? [])
        expect(findProvisionText(p, `App II ${g.letter} ${c.number}`)!.text).toBe(`${c.number}. ${c.text}`);
    }
    expect(p.wsfGroups.groups.find((g) => g.letter === 'k')?.key).toBe('eu-long-term-resident-other-state');
  });
});

describe('EU long-term resident terms (Appendix III)', () => {
  const state = (code: string) => p.longTermResidentTerms.states.find((s) => s.code === code)!;

  it('has every EU Member State, with terms except Denmark and Ireland (never match) and the Netherlands (App II j)', () => {
    expect(p.longTermResidentTerms.states.map((s) => s.code).sort()).toEqual(EU_CODES.slice().sort());
    for (const s of p.longTermResidentTerms.states) {
      if (s.code === 'DK' || s.code === 'IE') {
        expect(s).toMatchObject({ neverMatches: true, terms: [] });
        expect(s.reason).toContain('have not implemented Directive 2003/109/EC');
      } else if (s.code === 'NL') {
        expect(s).toMatchObject({ neverMatches: false, terms: [] });
        expect(s.reason).toContain('Appendix II j');
      } else {
        expect(s.neverMatches, s.code).toBe(false);
        expect(s.terms.length, s.code).toBeGreaterThan(0);
      }
    }
  });

  it('quotes every term exactly as printed', () => {
    const text = appendix('III').paragraphs.join('\n');
    for (const s of p.longTermResidentTerms.states) {
      if (s.printedEntry) expect(text).toContain(s.printedEntry);
      for (const t of s.terms) {
        expect(s.printedEntry).toContain(t.text);
        if (t.latinTransliteration) expect(s.printedEntry).toContain(t.latinTransliteration);
      }
    }
    expect(state('GR').terms[0].text).toBe('επί µακρόν διαµένων – ΕΚ');
  });

  it('gives Bulgaria and Greece a Latin transliteration', () => {
    expect(state('BG').terms.map((t) => t.latinTransliteration)).toEqual([
      'D-lgosrotsjno prebivavasjto v EC',
      'D-lgosrotsjno prebivavasjto litse',
    ]);
    expect(state('GR').terms[0].latinTransliteration).toBe('Etti makron diamenoon - EK');
  });

  it('marks the former terms', () => {
    for (const code of ['PL', 'LV', 'EE', 'FI', 'LU', 'BG']) {
      expect(
        state(code).terms.some((t) => t.status === 'former'),
        code,
      ).toBe(true);
      expect(state(code).printedEntry).toContain('formerly');
    }
    expect(state('PL').terms.find((t) => t.status === 'former')?.text).toBe('Rezydent długoterminowy – WE');
    expect(state('FR').terms.map((t) => t.dateQualifier?.date)).toEqual(['2011-06-20', '2011-06-20']);
    expect(
      state('FI')
        .terms.filter((t) => t.status === 'current')
        .map((t) => t.text),
    ).toEqual(['P EY 2003/109 EY', 'P EG 2003/109 EG']);
    expect(state('AT').terms.every((t) => t.status === 'current')).toBe(true);
  });
});

describe('enrolment and procedure', () => {
  it('lists the documents a–g of Art 13.1 verbatim', () => {
    const items = findProvisionText(p, 'Art 13.1')!.paragraphs[0].items!;
    expect(p.enrolment.requiredDocuments.map((d) => d.id).join('')).toBe('abcdefg');
    p.enrolment.requiredDocuments.forEach((d, i) => {
      expect(d.text).toBe(items[i].text);
      if (d.condition) {
        expect(d.text).toContain(d.condition);
        expect(d.condition, d.id).toMatch(/[a-z)]\.$/);
      }
    });
    expect(p.enrolment.requiredDocuments.find((d) => d.id === 'e')?.appliesTo).toBe('adult-non-eu-eea-swiss');
  });

  it('has the commencement dates and procedural terms', () => {
    expect(p.enrolment.commencementDates.map((c) => c.date)).toEqual(['2022-09-01', '2023-02-01']);
    expect(p.procedures.hardshipDecisionTermWeeks).toMatchObject({ weeks: 8, article: 'Art 42' });
    expect(p.procedures.objectionTermWeeks).toMatchObject({ weeks: 6, article: 'Art 43' });
    expect(p.enrolment.restrictedIntakeBachelors.programmeCodes).toEqual([
      'b-medicine',
      'b-international-business',
      'b-psychology',
    ]);
  });
});
