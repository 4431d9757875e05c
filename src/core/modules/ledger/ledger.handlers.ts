import { DeskError } from '../../../shared/errors';
import type { HandlerMap } from '../../handler-map';
import { issueArrearsReminderLetter } from './arrears-letter.service';
import { arrearsWorklist, recordArrearsStep } from './arrears.service';
import { selectStudentFeeFile } from './ledger.repo';
import {
  enrolWithFee,
  reassessEnrolment,
  recordPayment,
  recordReversal,
  terminateEnrolment,
} from './ledger.service';

/** Students' enrolments, fees and ledgers. */
export const ledgerHandlers: HandlerMap<'ledger:'> = {
  'ledger:studentFile': async (input, ctx) => {
    const file = await selectStudentFeeFile(ctx.db, input.studentId);
    if (!file)
      throw new DeskError(
        'not_found',
        `No student with id ${input.studentId}; search for the student again.`,
      );
    return file;
  },
  'ledger:enrol': (input, ctx) => enrolWithFee(ctx, input),
  'ledger:reassess': (input, ctx) => reassessEnrolment(ctx, input),
  'ledger:terminate': (input, ctx) => terminateEnrolment(ctx, input),
  'ledger:recordPayment': (input, ctx) => recordPayment(ctx, input),
  'ledger:recordReversal': (input, ctx) => recordReversal(ctx, input),
  'ledger:arrearsWorklist': (input, ctx) =>
    arrearsWorklist(ctx.db, input.today ?? ctx.clock.now().toISOString().slice(0, 10)),
  'ledger:recordArrearsStep': (input, ctx) => recordArrearsStep(ctx, input),
  'ledger:arrearsReminderLetter': (input, ctx) =>
    issueArrearsReminderLetter(ctx, {
      studentId: input.studentId,
      today: input.today ?? ctx.clock.now().toISOString().slice(0, 10),
    }),
};
