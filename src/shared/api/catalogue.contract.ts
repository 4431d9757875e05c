import { z } from 'zod';
import { defineCall, everyRole } from './define-call';

const id = z.number().int().positive();

/** Study levels of a programme (Art 1, App I, IV–VI). */
export const programmeLevelSchema = z.enum(['bachelor', 'master', 'pre-master', 'professional-master']);

/** A programme of the catalogue. */
export const programmeSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  level: programmeLevelSchema,
  faculty: z.string().nullable(),
  hasPartTimeVariant: z.boolean(),
  isSmallScaleIntensive: z.boolean(),
  courseCount: z.number().int(),
});
export type Programme = z.infer<typeof programmeSchema>;

/** A programme as the picker offers it. */
export const programmeOptionSchema = programmeSchema.pick({
  id: true,
  code: true,
  name: true,
  level: true,
  faculty: true,
});
export type ProgrammeOption = z.infer<typeof programmeOptionSchema>;

/** A course period: 1–6 in the academic year (exchange guide: periods 1–6). */
export const periodSchema = z.number().int().min(1, 'A period is 1 to 6.').max(6, 'A period is 1 to 6.');

/** A course of the catalogue. */
export const courseSchema = z.object({
  id,
  code: z.string(),
  title: z.string(),
  ects: z.number(),
  period: z.number().int(),
  faculty: z.string(),
  coordinator: z.string().nullable(),
  isSkillsTraining: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Course = z.infer<typeof courseSchema>;

/** A course with the programmes it belongs to and its registrations. */
export const courseRowSchema = courseSchema.extend({
  programmes: z.array(programmeOptionSchema),
  registeredStudents: z.number().int(),
});
export type CourseRow = z.infer<typeof courseRowSchema>;

/** A course that belongs to no programme: it shows under "Courses without programme" in the portal. */
export const orphanCourseSchema = courseSchema.extend({ registeredStudents: z.number().int() });
export type OrphanCourse = z.infer<typeof orphanCourseSchema>;

/** The editable fields of a course. */
export const courseFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Enter the course title.').max(200),
  ects: z.number().positive('ECTS must be more than 0.').max(60, 'ECTS must be at most 60.'),
  period: periodSchema,
  faculty: z.string().trim().min(1, 'Enter the faculty.').max(20),
  coordinator: z.string().trim().max(120).nullable(),
  isSkillsTraining: z.boolean(),
});

/** Course–programme catalogue: programmes, courses and the links between them. */
export const catalogueContract = {
  summary: defineCall({
    name: 'catalogue:summary',
    summary: 'Counts of programmes, courses, courses without programme and students',
    access: everyRole,
    input: z.object({}),
    output: z.object({
      programmes: z.number().int(),
      courses: z.number().int(),
      orphanCourses: z.number().int(),
      students: z.number().int(),
      registrations: z.number().int(),
    }),
  }),
  listProgrammes: defineCall({
    name: 'catalogue:listProgrammes',
    summary: 'List programmes with their number of courses',
    access: everyRole,
    input: z.object({}),
    output: z.array(programmeSchema),
  }),
  searchProgrammes: defineCall({
    name: 'catalogue:searchProgrammes',
    summary: 'Find programmes by part of their name or code, for the picker',
    access: everyRole,
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(programmeOptionSchema),
  }),
  listCourses: defineCall({
    name: 'catalogue:listCourses',
    summary: 'One page of courses, searched by code, title or coordinator',
    access: everyRole,
    input: z.object({
      search: z.string().max(100).default(''),
      programmeId: id.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
      sortBy: z.enum(['code', 'title', 'ects', 'period', 'faculty', 'registeredStudents']).default('code'),
      sortDirection: z.enum(['asc', 'desc']).default('asc'),
    }),
    output: z.object({ rows: z.array(courseRowSchema), total: z.number().int() }),
  }),
  listOrphanCourses: defineCall({
    name: 'catalogue:listOrphanCourses',
    summary: 'Courses without programme, with their registered-student counts',
    access: everyRole,
    input: z.object({}),
    output: z.array(orphanCourseSchema),
  }),
  linkCourses: defineCall({
    name: 'catalogue:linkCourses',
    summary: 'Link one or more courses to one or more programmes',
    access: ['desk', 'admin'],
    input: z.object({
      courseIds: z.array(id).min(1, 'Select at least one course.').max(5000),
      programmeIds: z.array(id).min(1, 'Choose at least one programme.').max(100),
    }),
    output: z.object({ linked: z.number().int(), alreadyLinked: z.number().int() }),
  }),
  unlinkCourse: defineCall({
    name: 'catalogue:unlinkCourse',
    summary: 'Remove the link between a course and a programme',
    access: ['desk', 'admin'],
    input: z.object({ courseId: id, programmeId: id, reason: z.string().trim().max(500).optional() }),
    output: z.object({ becameOrphan: z.boolean() }),
  }),
  updateCourse: defineCall({
    name: 'catalogue:updateCourse',
    summary: 'Edit a course; refused if someone else changed it since it was read',
    access: ['desk', 'admin'],
    input: courseFieldsSchema.extend({ id, version: z.number().int() }),
    output: courseSchema,
  }),
};
