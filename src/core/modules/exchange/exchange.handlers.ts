import type { CallOutput } from '../../../shared/api';
import type { CallContext } from '../../context';
import type { HandlerMap } from '../../handler-map';
import {
  decideExchangeExtension,
  deregisterFromResit,
  dropExchangeCourse,
  exchangeCourseOptions,
  exchangeFile,
  exchangeOverview,
  recordExamResult,
  recordExchangeStay,
  recordPlagiarism,
  registerExchangeCourse,
  registerForResit,
} from './exchange.service';
import { resitRetentionHandlers } from './resit-retention.handlers';
import { markTranscriptSent, produceTranscript, type TranscriptDocuments } from './transcript.service';
import { transcriptSummaryOf } from './transcript-summary';

/** A produced transcript as the transcript calls answer it. */
function transcriptAnswer(t: TranscriptDocuments, ctx: CallContext): CallOutput<'exchange:transcript'> {
  return {
    studentId: t.data.student.id,
    studentNumber: t.data.student.studentNumber,
    reference: t.reference,
    pdfBase64: t.pdf.toString('base64'),
    elmoXml: t.elmoXml,
    torsXml: t.torsXml,
    sentOn: [...t.data.sentOn],
    summary: transcriptSummaryOf(t.data, ctx.clock.now()),
    documentNumber: t.document?.number ?? null,
    verificationCode: t.document?.verificationCode ?? null,
    isIssued: t.document != null,
  };
}

/** Exchange students: stays, course registration, results and re-sits, plagiarism, extensions. */
export const exchangeHandlers: HandlerMap<'exchange:'> = {
  'exchange:recordStay': (input, ctx) => recordExchangeStay(ctx, input),
  'exchange:overview': (input, ctx) => exchangeOverview(ctx.db, input),
  'exchange:courses': (input, ctx) => exchangeCourseOptions(ctx.db, input),
  'exchange:file': (input, ctx) => exchangeFile(ctx.db, input.studentId),
  'exchange:registerCourse': (input, ctx) => registerExchangeCourse(ctx, input),
  'exchange:dropCourse': (input, ctx) => dropExchangeCourse(ctx, input),
  'exchange:recordResult': (input, ctx) => recordExamResult(ctx, input),
  'exchange:registerResit': (input, ctx) => registerForResit(ctx, input),
  'exchange:deregisterResit': (input, ctx) => deregisterFromResit(ctx, input),
  'exchange:recordPlagiarism': (input, ctx) => recordPlagiarism(ctx, input),
  'exchange:decideExtension': (input, ctx) => decideExchangeExtension(ctx, input),
  // A preview registers nothing: without an actor and the file store, produceTranscript only renders.
  'exchange:transcript': async (input, ctx) =>
    transcriptAnswer(await produceTranscript({ db: ctx.db, clock: ctx.clock }, input.studentId), ctx),
  'exchange:issueTranscript': async (input, ctx) =>
    transcriptAnswer(await produceTranscript(ctx, input.studentId), ctx),
  'exchange:markTranscriptSent': (input, ctx) => markTranscriptSent(ctx, input),
  ...resitRetentionHandlers,
  'exchange:startTranscriptBatch': (input, ctx) => ctx.transcriptBatches.start(ctx, input),
  'exchange:transcriptBatchStatus': (input, ctx) =>
    Promise.resolve(ctx.transcriptBatches.status(input.batchId)),
  'exchange:latestTranscriptBatch': (input, ctx) =>
    Promise.resolve({ job: ctx.transcriptBatches.latest(input.semester) }),
  'exchange:cancelTranscriptBatch': (input, ctx) =>
    Promise.resolve(ctx.transcriptBatches.cancel(input.batchId, ctx.actor.name)),
  'exchange:transcriptBatchZip': (input, ctx) =>
    Promise.resolve(ctx.transcriptBatches.zip(ctx, input.batchId)),
  'exchange:markTranscriptBatchSent': (input, ctx) => ctx.transcriptBatches.markSent(ctx, input),
};
