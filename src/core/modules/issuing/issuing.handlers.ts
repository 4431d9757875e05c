import type { HandlerMap } from '../../handler-map';
import {
  issueDocument,
  issuedDocumentPdf,
  issuedDocumentsOfStudent,
  reissueDocument,
  revokeDocument,
  verifyDocument,
} from './issuing.service';

/** The document register: issuing, reissuing, revoking and verifying (Art 5, 8.3; DESIGN.md §5). */
export const documentsHandlers: HandlerMap<'documents:'> = {
  'documents:issue': (input, ctx) => issueDocument(ctx, input),
  'documents:ofStudent': (input, ctx) => issuedDocumentsOfStudent(ctx, input.studentId),
  'documents:pdf': (input, ctx) => issuedDocumentPdf(ctx, input.documentId),
  'documents:reissue': (input, ctx) => reissueDocument(ctx, input),
  'documents:revoke': (input, ctx) => revokeDocument(ctx, input),
  'documents:verify': (input, ctx) => verifyDocument(ctx, input),
};
