import { DeskError } from '../../../shared/errors';
import type { HandlerMap } from '../../handler-map';
import { loadProvisions } from '../../provisions/load-provisions';
import { checkLongTermResidentWording } from './long-term-resident.rules';

/** Residence: the App III check of another Member State's long-term resident wording, a pure rule. */
export const residenceHandlers: HandlerMap<'residence:'> = {
  'residence:checkLongTermResidentWording': (input) => {
    let provisions;
    try {
      provisions = loadProvisions(input.academicYear);
    } catch (error) {
      throw new DeskError('validation', (error as Error).message, { field: 'academicYear' });
    }
    return Promise.resolve(checkLongTermResidentWording(provisions, input));
  },
};
