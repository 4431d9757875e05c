import type { HandlerMap } from '../../handler-map';
import { searchStudents } from './students.repo';
import { createStudent, readStudentFile, updateStudent } from './students.service';

/** The student file: search, read, create, change. */
export const studentsHandlers: HandlerMap<'students:'> = {
  'students:search': (input, ctx) => searchStudents(ctx.db, input.query, input.limit),
  'students:file': (input, ctx) => readStudentFile(ctx, input.studentId),
  'students:create': (input, ctx) => createStudent(ctx, input),
  'students:update': (input, ctx) => updateStudent(ctx, input),
};
