import data2022 from '../../../../resources/study-progress/2022-23.json' with { type: 'json' };
import { DeskError } from '../../../shared/errors';
import {
  studyProgressRequirementsSchema,
  type StudyProgressRequirements,
} from './study-progress-requirements.schema';

/** The raw requirements per academic year, imported statically so that bundlers inline them. */
const rawByYear: Readonly<Record<string, unknown>> = {
  '2022-23': data2022,
};

const cache = new Map<string, StudyProgressRequirements>();

/** The academic years with study progress requirements, oldest first. */
export function studyProgressAcademicYears(): string[] {
  return Object.keys(rawByYear).sort();
}

/**
 * The validated study progress requirements of an academic year.
 *
 * An unknown year is a validation error naming the years there are; data that does not match the schema
 * throws an Error (a broken build, not something staff can fix).
 */
export function loadStudyProgressRequirements(academicYear = '2022-23'): StudyProgressRequirements {
  const cached = cache.get(academicYear);
  if (cached) return cached;
  if (!Object.hasOwn(rawByYear, academicYear)) {
    throw new DeskError(
      'validation',
      `There are no study progress requirements for ${academicYear}; available: ${studyProgressAcademicYears().join(', ')}.`,
      { field: 'academicYear' },
    );
  }
  const result = studyProgressRequirementsSchema.safeParse(rawByYear[academicYear]);
  if (!result.success) {
    throw new Error(
      `The study progress requirements ${academicYear} do not match the schema: ${result.error.message}`,
    );
  }
  if (result.data.academicYear !== academicYear) {
    throw new Error(
      `The study progress requirements filed under ${academicYear} state academic year ${result.data.academicYear}.`,
    );
  }
  cache.set(academicYear, result.data);
  return result.data;
}
