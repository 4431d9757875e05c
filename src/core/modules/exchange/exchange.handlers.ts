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
import { markTranscriptSent, produceTranscript } from './transcript.service';

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
  'exchange:transcript': async (input, ctx) => {
    const t = await produceTranscript(ctx, input.studentId);
    return {
      studentId: t.data.student.id,
      studentNumber: t.data.student.studentNumber,
      reference: t.reference,
      pdfBase64: t.pdf.toString('base64'),
      elmoXml: t.elmoXml,
      torsXml: t.torsXml,
      sentOn: [...t.data.sentOn],
    };
  },
  'exchange:markTranscriptSent': (input, ctx) => markTranscriptSent(ctx, input),
};
