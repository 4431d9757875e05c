import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as windowModule from './window';

// The Electron binary is not installed here: app, protocol, dialog and BrowserWindow are fakes,
// and the desk, IPC and window are stand-ins so that only the lifecycle is under test.
interface Fakes {
  app: FakeApp;
  order: string[];
  protocol: {
    registerSchemesAsPrivileged: (...args: unknown[]) => void;
    handle: (...args: unknown[]) => void;
  };
  showErrorBox: (title: string, message: string) => void;
  createDesk: (options: { databaseFile: string }) => Promise<unknown>;
  listenForDeskCalls: (desk: unknown, options: unknown) => void;
  createMainWindow: (options: { preloadPath: string }) => unknown;
  windowCount: number;
}

// Filled in by beforeEach; the mocked modules read them when called.
const fakes = vi.hoisted((): Fakes => ({}) as Fakes);

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

interface FakeApp extends EventEmitter {
  hasLock: boolean;
  ready: Deferred;
  userData: string;
  quit: ReturnType<typeof vi.fn>;
}

vi.mock('electron', () => ({
  get app() {
    return fakes.app;
  },
  protocol: {
    registerSchemesAsPrivileged: (...args: unknown[]) => fakes.protocol.registerSchemesAsPrivileged(...args),
    handle: (...args: unknown[]) => fakes.protocol.handle(...args),
  },
  dialog: { showErrorBox: (title: string, message: string) => fakes.showErrorBox(title, message) },
  BrowserWindow: { getAllWindows: () => Array.from({ length: fakes.windowCount }) },
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
}));
vi.mock('../core/desk', () => ({
  createDesk: (options: { databaseFile: string }) => fakes.createDesk(options),
}));
vi.mock('./ipc', () => ({
  listenForDeskCalls: (desk: unknown, options: unknown) => fakes.listenForDeskCalls(desk, options),
}));
vi.mock('./window', async (importOriginal) => ({
  ...(await importOriginal<typeof windowModule>()),
  createMainWindow: (options: { preloadPath: string }) => fakes.createMainWindow(options),
}));

const folder = mkdtempSync(join(tmpdir(), 'desk-main-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let desk: { close: ReturnType<typeof vi.fn> };
let mainWindow: EventEmitter & {
  isMinimized: ReturnType<typeof vi.fn>;
  restore: ReturnType<typeof vi.fn>;
  focus: ReturnType<typeof vi.fn>;
};
const registerSchemesAsPrivileged = vi.fn((..._args: unknown[]) =>
  fakes.order.push('registerSchemesAsPrivileged'),
);
const handleScheme = vi.fn();
const showErrorBox = vi.fn();
const createDesk = vi.fn((_options: { databaseFile: string }): Promise<unknown> => Promise.resolve(desk));
const listenForDeskCalls = vi.fn();
const createMainWindow = vi.fn((_options: { preloadPath: string }) => mainWindow);
const savedDeskDb = process.env['DESK_DB'];
const savedRendererUrl = process.env['ELECTRON_RENDERER_URL'];

beforeEach(() => {
  vi.resetModules();
  delete process.env['DESK_DB'];
  delete process.env['ELECTRON_RENDERER_URL'];
  const app = Object.assign(new EventEmitter(), {
    hasLock: true,
    ready: deferred(),
    userData: join(folder, 'user-data'),
    quit: vi.fn(),
  });
  Object.assign(app, {
    requestSingleInstanceLock: () => app.hasLock,
    whenReady: () => {
      fakes.order.push('whenReady');
      return app.ready.promise;
    },
    getPath: (name: string) => (name === 'userData' ? app.userData : `/unexpected/${name}`),
  });
  fakes.app = app;
  fakes.order = [];
  fakes.windowCount = 0;
  desk = { close: vi.fn(() => Promise.resolve()) };
  mainWindow = Object.assign(new EventEmitter(), {
    isMinimized: vi.fn(() => true),
    restore: vi.fn(),
    focus: vi.fn(),
  });
  fakes.protocol = { registerSchemesAsPrivileged, handle: handleScheme };
  fakes.showErrorBox = showErrorBox;
  fakes.createDesk = createDesk;
  fakes.listenForDeskCalls = listenForDeskCalls;
  fakes.createMainWindow = createMainWindow;
  createDesk.mockImplementation(() => Promise.resolve(desk));
});
afterEach(() => {
  if (savedDeskDb === undefined) delete process.env['DESK_DB'];
  else process.env['DESK_DB'] = savedDeskDb;
  if (savedRendererUrl === undefined) delete process.env['ELECTRON_RENDERER_URL'];
  else process.env['ELECTRON_RENDERER_URL'] = savedRendererUrl;
});

/** Loads the main process entry and lets Electron become ready. */
async function startApp(): Promise<void> {
  await import('./index');
  fakes.app.ready.resolve();
  await vi.waitFor(() =>
    expect(createMainWindow.mock.calls.length + fakes.app.quit.mock.calls.length).toBeGreaterThan(0),
  );
}

describe('the main process', () => {
  it('registers the app scheme as privileged (standard, secure, fetch) before ready', async () => {
    await import('./index');
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fakes.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fakes.order.indexOf('whenReady'));
    expect(handleScheme).not.toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock, without opening the database', async () => {
    fakes.app.hasLock = false;
    await import('./index');
    fakes.app.ready.resolve();
    await Promise.resolve();
    expect(fakes.app.quit).toHaveBeenCalledOnce();
    expect(createDesk).not.toHaveBeenCalled();
  });

  it('on ready serves app://, opens the database in userData, registers IPC and opens the window', async () => {
    await startApp();
    expect(handleScheme).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    expect(createDesk).toHaveBeenCalledExactlyOnceWith({
      databaseFile: join(folder, 'user-data', 'student-affairs-desk.sqlite'),
    });
    expect(listenForDeskCalls).toHaveBeenCalledExactlyOnceWith(desk, { trustedOrigins: ['app://desk'] });
    expect(createMainWindow).toHaveBeenCalledOnce();
    expect(createMainWindow.mock.calls[0]?.[0].preloadPath).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(fakes.app.quit).not.toHaveBeenCalled();
  });

  it('uses the database named by DESK_DB', async () => {
    process.env['DESK_DB'] = join(folder, 'elsewhere', 'test.sqlite');
    await startApp();
    expect(createDesk).toHaveBeenCalledExactlyOnceWith({
      databaseFile: join(folder, 'elsewhere', 'test.sqlite'),
    });
  });

  it('trusts the dev server for IPC in electron-vite dev', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    await startApp();
    expect(listenForDeskCalls).toHaveBeenCalledExactlyOnceWith(desk, {
      trustedOrigins: ['app://desk', 'http://localhost:5173'],
    });
  });

  it('shows the refusal and quits when the database is refused, e.g. written by a newer version', async () => {
    const refusal =
      'This database was written by a newer version of Student Affairs Desk (schema 9); install that version.';
    // The same module instance as the freshly loaded main process uses (modules are reset per test).
    const { DeskError } = await import('../shared/errors');
    createDesk.mockImplementation(() => Promise.reject(new DeskError('refused', refusal)));
    await startApp();
    expect(showErrorBox).toHaveBeenCalledExactlyOnceWith(expect.any(String), refusal);
    expect(fakes.app.quit).toHaveBeenCalledOnce();
    expect(listenForDeskCalls).not.toHaveBeenCalled();
    expect(createMainWindow).not.toHaveBeenCalled();
  });

  it('also says so and quits when the database cannot be opened for another reason', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    createDesk.mockImplementation(() =>
      Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database file')),
    );
    await startApp();
    expect(showErrorBox).toHaveBeenCalledExactlyOnceWith(
      expect.any(String),
      expect.stringContaining('SQLITE_CANTOPEN'),
    );
    expect(fakes.app.quit).toHaveBeenCalledOnce();
    expect(createMainWindow).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await startApp();
    fakes.app.emit('second-instance');
    expect(mainWindow.restore).toHaveBeenCalledOnce();
    expect(mainWindow.focus).toHaveBeenCalledOnce();
  });

  it('quits when all windows are closed, except on macOS', async () => {
    await startApp();
    fakes.app.emit('window-all-closed');
    expect(fakes.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the desk before quitting', async () => {
    await startApp();
    const event = { preventDefault: vi.fn() };
    fakes.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(desk.close).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(fakes.app.quit).toHaveBeenCalledOnce());
    // The second will-quit, from that quit, lets the app end.
    const again = { preventDefault: vi.fn() };
    fakes.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(desk.close).toHaveBeenCalledOnce();
  });
});
