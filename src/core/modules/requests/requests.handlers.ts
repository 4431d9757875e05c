import type { HandlerMap } from '../../handler-map';
import {
  attachEvidence,
  correctDecisionLetter,
  decideRequest,
  decisionLetter,
  evidenceFile,
  registerRequest,
  requestById,
  requestsOfStudent,
  requestsWorklist,
} from './requests.service';

/** Requests to the SSC director: register, evidence, the Art 42 worklist, the decision and its letter. */
export const requestsHandlers: HandlerMap<'requests:'> = {
  'requests:register': (input, ctx) => registerRequest(ctx, input),
  'requests:attachEvidence': (input, ctx) => attachEvidence(ctx, input),
  'requests:evidenceFile': (input, ctx) => evidenceFile(ctx, input.evidenceId),
  'requests:get': (input, ctx) => requestById(ctx, input.requestId),
  'requests:ofStudent': (input, ctx) => requestsOfStudent(ctx, input.studentId),
  'requests:worklist': (_input, ctx) => requestsWorklist(ctx),
  'requests:decide': (input, ctx) => decideRequest(ctx, input),
  'requests:correctLetter': (input, ctx) => correctDecisionLetter(ctx, input),
  'requests:letter': (input, ctx) => decisionLetter(ctx, input.requestId),
};
