import { DeskError } from '../../../shared/errors';
import type { HandlerMap } from '../../handler-map';
import { loadProvisions } from '../../provisions/load-provisions';
import { indNotificationsDue, recordIndNotification } from './ind-notifications.service';
import { checkLongTermResidentWording } from './long-term-resident.rules';
import {
  longTermResidentStates,
  recordLongTermResidentDecision,
  studentResidence,
} from './residence.service';

/** Residence: the App III check and decision, the App II group of a student, and the IND duties of Art 33.8. */
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
  'residence:longTermResidentStates': (input) => Promise.resolve(longTermResidentStates(input.academicYear)),
  'residence:recordLongTermResidentDecision': (input, ctx) => recordLongTermResidentDecision(ctx, input),
  'residence:wsfGroup': (input, ctx) => studentResidence(ctx, input),
  'residence:indNotificationsWorklist': async (_input, ctx) => ({ items: await indNotificationsDue(ctx) }),
  'residence:recordIndNotification': (input, ctx) => recordIndNotification(ctx, input),
};
