import { contextBridge, ipcRenderer } from 'electron';
import { api, type CallDefinition, type DeskApi } from '../shared/api';
import type { Envelope } from '../shared/errors';

/** Sends one contract call to the main process and resolves with its envelope. */
export type DeskCallSender = (name: string, input: unknown) => Promise<Envelope<unknown>>;

type CallFunction = (input: unknown) => Promise<Envelope<unknown>>;

/**
 * Builds the typed client `desk.<area>.<verb>(input)` mechanically from the contract (STYLE.md 3).
 *
 * One function per declared call, each sending exactly that call's name: the page gets no generic
 * `invoke(channel, …)` and never sees `ipcRenderer`.
 */
export function buildDeskApi(send: DeskCallSender): DeskApi {
  const contract: Readonly<Record<string, Readonly<Record<string, CallDefinition>>>> = api;
  const areas: Record<string, Readonly<Record<string, CallFunction>>> = {};
  for (const [area, calls] of Object.entries(contract)) {
    const verbs: Record<string, CallFunction> = {};
    for (const [verb, call] of Object.entries(calls)) {
      const name = call.name;
      verbs[verb] = (input) => send(name, input);
    }
    areas[area] = Object.freeze(verbs);
  }
  // The loops above produce exactly the mapped type DeskApi describes; TypeScript cannot follow Object.entries.
  return Object.freeze(areas) as unknown as DeskApi;
}

const desk = buildDeskApi(
  (name, input) => ipcRenderer.invoke(name, input) as Promise<Envelope<unknown>>,
) satisfies DeskApi;

contextBridge.exposeInMainWorld('desk', desk);
