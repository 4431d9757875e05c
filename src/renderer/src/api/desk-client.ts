import { api, type CallDefinition, type DeskApi } from '../../../shared/api';
import type { DeskErrorShape, Envelope } from '../../../shared/errors';

const tokenKey = 'desk.session';

/** A failed call, carrying the error the UI places (beside a field, in a notification, as a conflict). */
export class DeskCallError extends Error {
  readonly shape: DeskErrorShape;

  constructor(shape: DeskErrorShape) {
    super(shape.message);
    this.name = 'DeskCallError';
    this.shape = shape;
  }
}

/** The client for the web bridge: the same contract over `POST /api/<name>`, built mechanically. */
function createWebClient(): DeskApi {
  const client: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const [area, calls] of Object.entries(api)) {
    client[area] = {};
    for (const [verb, call] of Object.entries(calls) as [string, CallDefinition][]) {
      (client[area] as Record<string, unknown>)[verb] = async (input: unknown) => {
        const token = sessionStorage.getItem(tokenKey);
        const response = await fetch(`/api/${encodeURIComponent(call.name)}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        if (!response.ok && response.headers.get('content-type')?.startsWith('application/json') !== true) {
          return {
            ok: false,
            error: {
              kind: 'internal',
              message: `The desk did not answer (${response.status}). Is it still running?`,
            },
          };
        }
        const envelope = (await response.json()) as Envelope<unknown>;
        if (envelope.ok && (call.name === 'session:signIn' || call.name === 'session:createAdministrator')) {
          sessionStorage.setItem(tokenKey, (envelope.value as { token: string }).token);
        }
        if (call.name === 'session:signOut') sessionStorage.removeItem(tokenKey);
        return envelope;
      };
    }
  }
  return client as unknown as DeskApi;
}

/** The desk API: the preload's `window.desk` in Electron, the web bridge in a browser. */
export const desk: DeskApi = window.desk ?? createWebClient();

/** Unwraps an envelope: the value, or a thrown DeskCallError. */
export async function unwrap<T>(pending: Promise<Envelope<T>>): Promise<T> {
  const envelope = await pending;
  if (!envelope.ok) throw new DeskCallError(envelope.error);
  return envelope.value;
}
