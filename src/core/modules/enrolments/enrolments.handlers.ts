import type { HandlerMap } from '../../handler-map';
import {
  documentAttachment,
  documentsWorklist,
  receiveDocument,
  rejectDocument,
  requestDocument,
  verifyDocument,
} from './document-review.service';
import { feeFactsForApplication } from './enrolment-fee-facts';
import { selectStudentEnrolments } from './enrolments.repo';
import { applyForEnrolment, todayOf, transitionEnrolment } from './enrolments.service';
import { issueMissingDocumentsLetter, runStartDateCheck } from './start-date-run.service';

/** The enrolment desk: lifecycle, holds and the documents of Art 13. */
export const enrolmentsHandlers: HandlerMap<'enrolments:'> = {
  'enrolments:ofStudent': (input, ctx) =>
    selectStudentEnrolments(ctx.db, input.studentId, input.today ?? todayOf(ctx)),
  'enrolments:apply': (input, ctx) => applyForEnrolment(ctx, input),
  'enrolments:feeFactsFromProfile': (input, ctx) => feeFactsForApplication(ctx, input),
  'enrolments:transition': (input, ctx) => transitionEnrolment(ctx, input),
  'enrolments:receiveDocument': (input, ctx) => receiveDocument(ctx, ctx.attachments, input),
  'enrolments:verifyDocument': (input, ctx) => verifyDocument(ctx, input),
  'enrolments:rejectDocument': (input, ctx) => rejectDocument(ctx, input),
  'enrolments:requestDocument': (input, ctx) => requestDocument(ctx, input),
  'enrolments:attachment': (input, ctx) => documentAttachment(ctx, ctx.attachments, input.documentId),
  'enrolments:documentsWorklist': (input, ctx) => documentsWorklist(ctx, input.today ?? todayOf(ctx)),
  'enrolments:startDateRun': (input, ctx) =>
    runStartDateCheck(ctx, { today: input.today ?? todayOf(ctx), dryRun: input.dryRun }),
  'enrolments:missingDocumentsLetter': (input, ctx) => issueMissingDocumentsLetter(ctx, input),
};
