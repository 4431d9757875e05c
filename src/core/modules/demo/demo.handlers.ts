import type { HandlerMap } from '../../handler-map';
import { loadProvisions } from '../../provisions/load-provisions';
import { demoSize, seedCatalogue } from './demo-seed';
import { programmeSeedsFromProvisions } from './programme-seeds';

/** The demo data set. */
export const demoHandlers: HandlerMap<'demo:'> = {
  'demo:load': (_input, ctx) => seedCatalogue(ctx, programmeSeedsFromProvisions(loadProvisions()), demoSize),
};
