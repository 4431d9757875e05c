import type { CallName, CallOutput, ParsedInput } from '../shared/api';
import type { CallContext } from './context';

/** The function that serves one call: parsed input in, output out; throws DeskError to refuse. */
export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: CallContext) => Promise<CallOutput<N>>;

/** The handlers of the calls whose names start with `Prefix`, e.g. 'catalogue:'. */
export type HandlerMap<Prefix extends string> = {
  [N in Extract<CallName, `${Prefix}${string}`>]: Handler<N>;
};
