import type { HandlerMap } from '../../handler-map';
import {
  exportIndList,
  recordCredits,
  recordExcusableReason,
  recordIndListSent,
  studyProgressList,
  withdrawExcusableReason,
} from './study-progress.service';

/** Study progress of study-permit students: the list, credits, excusable reasons and the list for the IND. */
export const studyProgressHandlers: HandlerMap<'studyProgress:'> = {
  'studyProgress:list': (input, ctx) => studyProgressList(ctx, input.academicYear),
  'studyProgress:recordCredits': (input, ctx) => recordCredits(ctx, input),
  'studyProgress:recordExcusableReason': (input, ctx) => recordExcusableReason(ctx, input),
  'studyProgress:withdrawExcusableReason': (input, ctx) => withdrawExcusableReason(ctx, input),
  'studyProgress:exportIndList': (input, ctx) => exportIndList(ctx, input),
  'studyProgress:recordIndListSent': (input, ctx) => recordIndListSent(ctx, input),
};
