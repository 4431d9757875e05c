import type { HandlerMap } from '../../handler-map';
import {
  countCatalogue,
  selectCoursePage,
  selectOrphanCourses,
  selectProgrammeOptions,
  selectProgrammes,
} from './catalogue.repo';
import { linkCoursesToProgrammes, unlinkCourseFromProgramme, updateCourse } from './catalogue.service';

/** The course–programme catalogue. */
export const catalogueHandlers: HandlerMap<'catalogue:'> = {
  'catalogue:summary': async (_input, ctx) => {
    const counts = await countCatalogue(ctx.db);
    return {
      programmes: Number(counts.programmes),
      courses: Number(counts.courses),
      orphanCourses: Number(counts.orphanCourses),
      students: Number(counts.students),
      registrations: Number(counts.registrations),
    };
  },
  'catalogue:listProgrammes': (_input, ctx) => selectProgrammes(ctx.db),
  'catalogue:searchProgrammes': (input, ctx) => selectProgrammeOptions(ctx.db, input.query, input.limit),
  'catalogue:listCourses': (input, ctx) => selectCoursePage(ctx.db, input),
  'catalogue:listOrphanCourses': (_input, ctx) => selectOrphanCourses(ctx.db),
  'catalogue:linkCourses': (input, ctx) => linkCoursesToProgrammes(ctx, input.courseIds, input.programmeIds),
  'catalogue:unlinkCourse': (input, ctx) => unlinkCourseFromProgramme(ctx, input),
  'catalogue:updateCourse': (input, ctx) => updateCourse(ctx, input),
};
