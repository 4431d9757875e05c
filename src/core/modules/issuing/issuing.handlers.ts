import type { HandlerMap } from '../../handler-map';
import {
  issueDocument,
  issuedDocumentPdf,
  issuedDocumentsOfStudent,
  reissueDocument,
  revokeDocument,
  verifyDocument,
} from './issuing.service';
import { batchSelection } from './issuing-batches';
import {
  institutionsToInform,
  receivedBbcsOfStudent,
  recordInstitutionInformed,
  recordReceivedBbc,
  withdrawReceivedBbc,
} from './received-bbcs.service';

/** The document register: issuing, reissuing, revoking and verifying (Art 5, 8.3; DESIGN.md §5). */
export const documentsHandlers: HandlerMap<'documents:'> = {
  'documents:issue': (input, ctx) => issueDocument(ctx, input),
  'documents:ofStudent': (input, ctx) => issuedDocumentsOfStudent(ctx, input.studentId),
  'documents:pdf': (input, ctx) => issuedDocumentPdf(ctx, input.documentId),
  'documents:reissue': (input, ctx) => reissueDocument(ctx, input),
  'documents:revoke': (input, ctx) => revokeDocument(ctx, input),
  'documents:verify': (input, ctx) => verifyDocument(ctx, input),
  'documents:recordReceivedBbc': (input, ctx) => recordReceivedBbc(ctx, input),
  'documents:receivedBbcs': (input, ctx) => receivedBbcsOfStudent(ctx, input.studentId),
  'documents:institutionsToInform': (input, ctx) => institutionsToInform(ctx, input),
  'documents:withdrawReceivedBbc': (input, ctx) => withdrawReceivedBbc(ctx, input),
  'documents:recordInstitutionInformed': (input, ctx) => recordInstitutionInformed(ctx, input),
  'documents:batchSelection': (input, ctx) => batchSelection(ctx, input),
  'documents:startBatch': (input, ctx) => ctx.issuingBatches.start(ctx, input),
  'documents:batchStatus': (input, ctx) => Promise.resolve(ctx.issuingBatches.status(input.batchId)),
  'documents:cancelBatch': (input, ctx) =>
    Promise.resolve(ctx.issuingBatches.cancel(input.batchId, ctx.actor.name)),
  'documents:batchZip': (input, ctx) => Promise.resolve(ctx.issuingBatches.zip(ctx, input.batchId)),
};
