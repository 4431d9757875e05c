import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not installed here: BrowserWindow, its webContents and session are fakes.
const electron = vi.hoisted(() => {
  class FakeWebContents {
    readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    readonly session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    on(event: string, listener: (...args: unknown[]) => void): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
      this.windowOpenHandler = handler;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  const windows: unknown[] = [];
  return { FakeWebContents, windows, openExternal: vi.fn((_url: string) => Promise.resolve()) };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class BrowserWindow extends Emitter {
    readonly options: unknown;
    readonly webContents = new electron.FakeWebContents();
    readonly show = vi.fn();
    readonly loadURL = vi.fn((_url: string) => Promise.resolve());
    constructor(options: unknown) {
      super();
      this.options = options;
      electron.windows.push(this);
    }
  }
  return { BrowserWindow, shell: { openExternal: electron.openExternal } };
});

const { createMainWindow, externalLinkOrigins, isAllowedExternalUrl, trustedRendererOrigins, windowTitle } =
  await import('./window');

interface FakeWindow extends EventEmitter {
  readonly options: {
    title: string;
    show: boolean;
    width: number;
    height: number;
    minWidth: number;
    minHeight: number;
    webPreferences: Record<string, unknown>;
  };
  readonly webContents: InstanceType<typeof electron.FakeWebContents>;
  readonly show: ReturnType<typeof vi.fn>;
  readonly loadURL: ReturnType<typeof vi.fn>;
}

function openWindow(env: Record<string, string | undefined> = {}): FakeWindow {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', env });
  return electron.windows.at(-1) as FakeWindow;
}

/** Emits a navigation event on the window and says whether a listener prevented it. */
function navigationPrevented(window: FakeWindow, event: string, url: string): boolean {
  const details = { url, preventDefault: vi.fn() };
  window.webContents.emit(event, details, url);
  return details.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  electron.windows.length = 0;
  electron.openExternal.mockClear();
});

describe('the main window', () => {
  it('isolates the page: contextIsolation, sandbox, no nodeIntegration, webSecurity, no insecure content', () => {
    const { webPreferences } = openWindow().options;
    expect(webPreferences['contextIsolation']).toBe(true);
    expect(webPreferences['sandbox']).toBe(true);
    expect(webPreferences['nodeIntegration']).toBe(false);
    expect(webPreferences['nodeIntegrationInSubFrames']).toBe(false);
    expect(webPreferences['webSecurity']).toBe(true);
    expect(webPreferences['allowRunningInsecureContent']).toBe(false);
    expect(webPreferences['webviewTag']).toBe(false);
    // The PDF viewer for previews of scans and issued documents, the only plugin Electron has.
    expect(webPreferences['plugins']).toBe(true);
    expect(webPreferences['preload']).toBe('/app/out/preload/index.cjs');
  });

  it('is titled, sized, and hidden until its first paint is ready', () => {
    const window = openWindow();
    expect(window.options.title).toBe('Student Affairs Desk');
    expect(windowTitle).toBe('Student Affairs Desk');
    expect(window.options.minWidth).toBeGreaterThanOrEqual(960);
    expect(window.options.minHeight).toBeGreaterThanOrEqual(600);
    expect(window.options.width).toBeGreaterThanOrEqual(window.options.minWidth);
    expect(window.options.show).toBe(false);
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('loads the renderer over app://, never file://', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://desk/index.html');
    expect(String(window.loadURL.mock.calls[0]?.[0])).not.toMatch(/^file:/);
  });

  it("loads electron-vite's dev server in dev, and then trusts its origin as well", () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(openWindow(env).loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173');
    expect(trustedRendererOrigins(env)).toEqual(['app://desk', 'http://localhost:5173']);
    expect(trustedRendererOrigins({})).toEqual(['app://desk']);
  });
});

describe('navigation', () => {
  it('prevents navigation to another origin and allows the app’s own pages', () => {
    const window = openWindow();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigationPrevented(window, event, 'https://evil.example/phish'), event).toBe(true);
      expect(navigationPrevented(window, event, 'https://www.maastrichtuniversity.nl/'), event).toBe(true);
      expect(navigationPrevented(window, event, 'file:///etc/passwd'), event).toBe(true);
      expect(navigationPrevented(window, event, 'http://localhost:5173/'), event).toBe(true);
      expect(navigationPrevented(window, event, 'app://other/index.html'), event).toBe(true);
      expect(navigationPrevented(window, event, 'javascript:alert(1)'), event).toBe(true);
      expect(navigationPrevented(window, event, 'app://desk/index.html'), event).toBe(false);
      expect(navigationPrevented(window, event, 'app://desk/students?id=1'), event).toBe(false);
    }
  });

  it('allows the dev server’s pages in dev only', () => {
    const window = openWindow({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(navigationPrevented(window, 'will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(navigationPrevented(window, 'will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('prevents attaching a <webview>', () => {
    const window = openWindow();
    const event = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', event, {}, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('new windows and links', () => {
  const openLink = (window: FakeWindow, url: string) => window.webContents.windowOpenHandler?.({ url });

  it('denies every window.open and sends allow-listed https links to the system browser', () => {
    const window = openWindow();
    expect(openLink(window, 'https://www.maastrichtuniversity.nl/education')).toEqual({ action: 'deny' });
    expect(openLink(window, 'https://www.studielink.nl/')).toEqual({ action: 'deny' });
    expect(electron.openExternal.mock.calls).toEqual([
      ['https://www.maastrichtuniversity.nl/education'],
      ['https://www.studielink.nl/'],
    ]);
  });

  it('opens nothing for http, other hosts, look-alike hosts, credentials or other schemes', () => {
    const window = openWindow();
    for (const url of [
      'http://www.maastrichtuniversity.nl/',
      'https://evil.example/',
      'https://maastrichtuniversity.nl/',
      'https://www.maastrichtuniversity.nl.evil.example/',
      'https://user:pass@www.studielink.nl/',
      'https://www.studielink.nl:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://desk/index.html',
      'not a url',
    ]) {
      expect(openLink(window, url), url).toEqual({ action: 'deny' });
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    expect(electron.openExternal).not.toHaveBeenCalled();
  });

  it('lists only https origins', () => {
    expect(externalLinkOrigins.length).toBeGreaterThan(0);
    for (const origin of externalLinkOrigins) expect(origin).toMatch(/^https:\/\/[^/]+$/);
  });
});

describe('permissions', () => {
  it('denies every permission request and fails every permission check', () => {
    const { session } = openWindow().webContents;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      webContents: unknown,
      permission: string,
      origin: string,
    ) => boolean;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission, 'app://desk'), permission).toBe(false);
    }
  });
});
