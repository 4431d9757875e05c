import type { HandlerMap } from '../../handler-map';
import { loadProvisions } from '../../provisions/load-provisions';
import { demoSize, seedCatalogue } from './demo-seed';

/** The demo data set. */
export const demoHandlers: HandlerMap<'demo:'> = {
  'demo:load': (_input, ctx) => seedCatalogue(ctx, loadProvisions(), demoSize),
};
