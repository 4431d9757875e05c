import data2022 from '../../../../resources/exchange/2022-23.json' with { type: 'json' };
import { exchangeGuideSchema, type ExchangeGuide } from './exchange-guide.schema';

/** The raw exchange facts per academic year, imported statically so that bundlers inline them. */
const rawByYear: Readonly<Record<string, unknown>> = {
  '2022-23': data2022,
};

const cache = new Map<string, ExchangeGuide>();

/** The academic years with exchange facts, oldest first. */
export function exchangeAcademicYears(): string[] {
  return Object.keys(rawByYear).sort();
}

/** The validated exchange facts of an academic year; an unknown year or invalid data throws an Error. */
export function loadExchangeGuide(academicYear = '2022-23'): ExchangeGuide {
  const cached = cache.get(academicYear);
  if (cached) return cached;
  if (!Object.hasOwn(rawByYear, academicYear)) {
    throw new Error(
      `No exchange facts for academic year "${academicYear}"; available: ${exchangeAcademicYears().join(', ')}.`,
    );
  }
  const result = exchangeGuideSchema.safeParse(rawByYear[academicYear]);
  if (!result.success) {
    throw new Error(`The exchange facts ${academicYear} do not match the schema: ${result.error.message}`);
  }
  if (result.data.academicYear !== academicYear) {
    throw new Error(
      `The exchange facts filed under ${academicYear} state academic year ${result.data.academicYear}.`,
    );
  }
  cache.set(academicYear, result.data);
  return result.data;
}
