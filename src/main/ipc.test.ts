import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allCalls } from '../shared/api';
import type { Envelope } from '../shared/errors';

type Handler = (event: unknown, input?: unknown) => Promise<Envelope<unknown>>;

/** A stand-in for Electron's ipcMain that, like the real one, refuses a second handler for a channel. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

// The Electron binary is not installed here: `ipcMain` is a fake.
const electron = vi.hoisted((): { ipcMain: unknown } => ({ ipcMain: null }));
vi.mock('electron', () => ({
  get ipcMain() {
    return electron.ipcMain;
  },
}));

const { isTrustedSenderFrame, listenForDeskCalls, registerDeskIpc } = await import('./ipc');

const signedIn = { token: 'token-of-ada', staff: { id: 1, username: 'ada' } };

function fakeDesk() {
  return {
    invoke: vi.fn((_token: string | null, name: string, input: unknown): Promise<Envelope<unknown>> => {
      if (name === 'session:signIn') {
        const { password } = input as { password: string };
        return Promise.resolve(
          password === 'correct horse'
            ? { ok: true, value: signedIn }
            : { ok: false, error: { kind: 'unauthenticated', message: 'Wrong user name or password.' } },
        );
      }
      if (name === 'session:createAdministrator')
        return Promise.resolve({ ok: true, value: { ...signedIn, token: 'token-of-admin' } });
      return Promise.resolve({ ok: true, value: {} });
    }),
  };
}

class FakeWebContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
}

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

const appFrame: FakeFrame = { url: 'app://desk/index.html', parent: null };

function eventFrom(sender: FakeWebContents, senderFrame: FakeFrame | null = appFrame) {
  return { sender, senderFrame };
}

let ipcMain: ReturnType<typeof fakeIpcMain>;
let desk: ReturnType<typeof fakeDesk>;
let window: FakeWebContents;

function call(
  name: string,
  input: unknown = {},
  event: unknown = eventFrom(window),
): Promise<Envelope<unknown>> {
  const handler = ipcMain.handlers.get(name);
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler(event, input);
}

beforeEach(() => {
  ipcMain = fakeIpcMain();
  desk = fakeDesk();
  window = new FakeWebContents(1);
  registerDeskIpc(ipcMain, desk, { trustedOrigins: ['app://desk'] });
});

describe('registerDeskIpc', () => {
  it('registers every contract call exactly once, and nothing else', () => {
    const names = ipcMain.handle.mock.calls.map(([name]) => name);
    expect(names).toHaveLength(allCalls.length);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(allCalls.map((c) => c.name).sort());
  });

  it('refuses a call from another origin without reaching the desk', async () => {
    for (const url of [
      'https://evil.example/',
      'file:///app/out/renderer/index.html',
      'http://localhost:5173/',
      'app://other/index.html',
      'about:blank',
    ]) {
      const envelope = await call('staff:list', {}, eventFrom(window, { url, parent: null }));
      expect(envelope, url).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
      expect(envelope.ok ? '' : envelope.error.message, url).toMatch(/refused/);
    }
    expect(desk.invoke).not.toHaveBeenCalled();
  });

  it('refuses a call from a subframe, even one of the app’s own origin, and from a vanished frame', async () => {
    expect(
      (
        await call(
          'session:status',
          {},
          eventFrom(window, { url: 'app://desk/index.html', parent: appFrame }),
        )
      ).ok,
    ).toBe(false);
    expect((await call('session:status', {}, eventFrom(window, null))).ok).toBe(false);
    expect(desk.invoke).not.toHaveBeenCalled();
  });

  it('passes a trusted call to desk.invoke unchanged, without a token before sign-in', async () => {
    const input = { anything: ['the core parses it'] };
    await expect(call('catalogue:listCourses', input)).resolves.toEqual({ ok: true, value: {} });
    expect(desk.invoke).toHaveBeenCalledExactlyOnceWith(null, 'catalogue:listCourses', input);
  });

  it('leaves input validation to the core: a non-object input is passed on as it is', async () => {
    await call('session:signIn', 'not an object');
    expect(desk.invoke).toHaveBeenCalledExactlyOnceWith(null, 'session:signIn', 'not an object');
  });

  it('keeps the token of a successful sign-in and sends it with the window’s next calls', async () => {
    const envelope = await call('session:signIn', { username: 'ada', password: 'correct horse' });
    expect(envelope).toEqual({ ok: true, value: signedIn });
    await call('staff:list');
    expect(desk.invoke).toHaveBeenLastCalledWith('token-of-ada', 'staff:list', {});
  });

  it('keeps the token of the first administrator as well', async () => {
    await call('session:createAdministrator', {
      username: 'root',
      displayName: 'Root',
      password: 'long enough password',
    });
    await call('staff:list');
    expect(desk.invoke).toHaveBeenLastCalledWith('token-of-admin', 'staff:list', {});
  });

  it('keeps no token after a failed sign-in', async () => {
    await call('session:signIn', { username: 'ada', password: 'wrong' });
    await call('staff:list');
    expect(desk.invoke).toHaveBeenLastCalledWith(null, 'staff:list', {});
  });

  it('keeps tokens per window', async () => {
    await call('session:signIn', { username: 'ada', password: 'correct horse' });
    const other = new FakeWebContents(2);
    await call('staff:list', {}, eventFrom(other));
    expect(desk.invoke).toHaveBeenLastCalledWith(null, 'staff:list', {});
  });

  it('forgets the token on sign-out, after passing it to the desk to end the session', async () => {
    await call('session:signIn', { username: 'ada', password: 'correct horse' });
    await call('session:signOut');
    expect(desk.invoke).toHaveBeenLastCalledWith('token-of-ada', 'session:signOut', {});
    await call('staff:list');
    expect(desk.invoke).toHaveBeenLastCalledWith(null, 'staff:list', {});
  });

  it('forgets the token when the window’s contents are destroyed', async () => {
    await call('session:signIn', { username: 'ada', password: 'correct horse' });
    window.emit('destroyed');
    await call('staff:list');
    expect(desk.invoke).toHaveBeenLastCalledWith(null, 'staff:list', {});
  });

  it('trusts the dev server only when it is named a trusted origin', async () => {
    const devIpc = fakeIpcMain();
    registerDeskIpc(devIpc, desk, { trustedOrigins: ['app://desk', 'http://localhost:5173'] });
    const fromDevServer = eventFrom(window, { url: 'http://localhost:5173/', parent: null });
    expect((await devIpc.handlers.get('session:status')?.(fromDevServer, {}))?.ok).toBe(true);
    expect((await call('session:status', {}, fromDevServer)).ok).toBe(false);
  });

  it('removes its handlers when asked', () => {
    const other = fakeIpcMain();
    const remove = registerDeskIpc(other, desk, { trustedOrigins: ['app://desk'] });
    remove();
    expect(other.handlers.size).toBe(0);
    expect(other.removeHandler).toHaveBeenCalledTimes(allCalls.length);
  });

  it('registers on Electron’s own ipcMain through listenForDeskCalls', () => {
    const electronIpc = fakeIpcMain();
    electron.ipcMain = electronIpc;
    listenForDeskCalls(desk, { trustedOrigins: ['app://desk'] });
    expect(electronIpc.handlers.size).toBe(allCalls.length);
  });
});

describe('isTrustedSenderFrame', () => {
  it('trusts only the main frame of a trusted origin', () => {
    expect(isTrustedSenderFrame(appFrame, ['app://desk'])).toBe(true);
    expect(isTrustedSenderFrame({ url: 'APP://DESK/students', parent: null }, ['app://desk'])).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://desk/index.html', parent: appFrame }, ['app://desk'])).toBe(
      false,
    );
    expect(isTrustedSenderFrame({ url: 'app://desk.evil/index.html', parent: null }, ['app://desk'])).toBe(
      false,
    );
    expect(isTrustedSenderFrame({ url: '', parent: null }, ['app://desk'])).toBe(false);
    expect(isTrustedSenderFrame(null, ['app://desk'])).toBe(false);
  });
});

describe('the IPC boundary in the source', () => {
  const sourceRoot = join(import.meta.dirname, '..');
  const sourceFiles = (readdirSync(sourceRoot, { recursive: true }) as string[])
    .filter((file) => /\.(ts|tsx|mts|cts)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(sourceRoot, file));

  it('registers IPC handlers in src/main/ipc.ts only', () => {
    const registering = sourceFiles.filter((file) =>
      /ipcMain\s*\.\s*(handle|handleOnce|on|once)\s*\(/.test(readFileSync(file, 'utf8')),
    );
    expect(registering.map((file) => relative(sourceRoot, file))).toEqual([join('main', 'ipc.ts')]);
    expect(readFileSync(join(sourceRoot, 'main', 'ipc.ts'), 'utf8')).toMatch(/ipcMain\.handle\(/);
  });

  it('uses ipcRenderer in the preload only', () => {
    const using = sourceFiles
      .filter((file) => readFileSync(file, 'utf8').includes('ipcRenderer'))
      .map((file) => relative(sourceRoot, file));
    expect(using).toEqual([join('preload', 'index.ts')]);
  });
});
