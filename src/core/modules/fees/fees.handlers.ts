import { provisionProgrammes } from '../../provisions/provision-programmes';
import { DeskError } from '../../../shared/errors';
import type { HandlerMap } from '../../handler-map';
import { loadProvisions } from '../../provisions/load-provisions';
import { decideRefund } from '../payments/refund.rules';
import { assessHandlingFee } from './handling-fee.rules';
import { quotePaymentPlan } from './payment-plan-quote';
import { assessTuitionFee, feeKindLabels } from './tuition-fee.rules';

/** The academic year a facts object is assessed under; an unknown year is a field error. */
function provisionsFor(academicYear: string, field = 'facts.academicYear') {
  try {
    return loadProvisions(academicYear);
  } catch (error) {
    throw new DeskError('validation', (error as Error).message, { field });
  }
}

/** Fee assessment and refunds: pure rules over the provisions of the year. */
export const feesHandlers: HandlerMap<'fees:'> = {
  'fees:quote': (input) => {
    const provisions = loadProvisions();
    const tuition = assessTuitionFee(input.facts, provisions);
    return Promise.resolve({
      tuition: { ...tuition, kindLabel: feeKindLabels[tuition.kind] },
      handlingFee: assessHandlingFee(input.facts, provisions),
    });
  },
  'fees:refund': (input) =>
    Promise.resolve(decideRefund(input.facts, provisionsFor(input.facts.academicYear))),
  'fees:paymentPlan': (input) =>
    Promise.resolve(quotePaymentPlan(input, provisionsFor(input.academicYear, 'academicYear'))),
  'fees:programmes': (input) => {
    const provisions = provisionsFor(input.academicYear);
    return Promise.resolve(
      provisionProgrammes(provisions).map(({ code, name, level }) => ({ code, name, level })),
    );
  },
};
