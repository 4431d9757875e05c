import { describe, expect, it, vi } from 'vitest';
import { allCalls, api, type CallDefinition } from '../shared/api';

// The Electron binary is not installed here: contextBridge and ipcRenderer are fakes.
const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((name: string, input: unknown) =>
    Promise.resolve({ ok: true, value: { echoed: name, input } }),
  ),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

const { buildDeskApi } = await import('./index');

// Captured at once: vitest clears mock calls before each test, and the preload exposes on import.
const exposures = electron.exposeInMainWorld.mock.calls.map(
  ([key, value]) => [key, value] as [string, unknown],
);

type Exposed = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

function exposed(): Exposed {
  expect(exposures).toHaveLength(1);
  const [key, value] = exposures[0] as [string, Exposed];
  expect(key).toBe('desk');
  return value;
}

/** Every property name at every depth of an object. */
function allKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...allKeys(inner)]);
}

describe('the preload', () => {
  it('exposes window.desk and nothing else', () => {
    exposed();
    expect(exposures.map(([key]) => key)).toEqual(['desk']);
  });

  it('exposes exactly the contract’s areas and verbs, each a function', () => {
    const desk = exposed();
    expect(Object.keys(desk).sort()).toEqual(Object.keys(api).sort());
    for (const [area, calls] of Object.entries(api)) {
      expect(Object.keys(desk[area] ?? {}).sort(), area).toEqual(Object.keys(calls).sort());
      for (const verb of Object.keys(calls))
        expect(typeof desk[area]?.[verb], `${area}.${verb}`).toBe('function');
    }
  });

  it('exposes no ipcRenderer, no generic invoke or send, and no listener', () => {
    const keys = allKeys(exposed());
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once', 'postMessage'])
      expect(keys).not.toContain(forbidden);
  });

  it('forwards each function to ipcRenderer.invoke with its call name and the input, and returns the answer', async () => {
    const desk = exposed();
    const sent: string[] = [];
    const contract: Readonly<Record<string, Readonly<Record<string, CallDefinition>>>> = api;
    for (const [area, calls] of Object.entries(contract)) {
      for (const [verb, call] of Object.entries(calls)) {
        electron.invoke.mockClear();
        const input = { probe: `${area}.${verb}` };
        await expect(desk[area]?.[verb]?.(input)).resolves.toEqual({
          ok: true,
          value: { echoed: call.name, input },
        });
        expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(call.name, input);
        sent.push(call.name);
      }
    }
    expect(sent.sort()).toEqual(allCalls.map((call) => call.name).sort());
  });

  it('builds the same client around any sender, for instance a recording one', async () => {
    const send = vi.fn(() => Promise.resolve({ ok: true as const, value: {} }));
    const desk = buildDeskApi(send);
    await desk.session.status({});
    expect(send).toHaveBeenCalledExactlyOnceWith('session:status', {});
    expect(Object.isFrozen(desk) && Object.isFrozen(desk.session)).toBe(true);
  });
});
