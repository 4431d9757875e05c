import {
  BrowserWindow,
  shell,
  type BrowserWindowConstructorOptions,
  type HandlerDetails,
  type Session,
  type WebContents,
} from 'electron';
import { appEntryUrl, appOrigin, originOf } from './protocol';

/** The window title, also shown in the task bar. */
export const windowTitle = 'Student Affairs Desk';

/**
 * The only sites a link in the app may open, in the system browser; everything else is refused.
 *
 * The university's own site and Studielink, where students enrol. Only https.
 */
export const externalLinkOrigins: readonly string[] = [
  'https://www.maastrichtuniversity.nl',
  'https://www.studielink.nl',
];

/** Environment the window reads: electron-vite sets ELECTRON_RENDERER_URL in `dev`. */
export type RendererEnvironment = Readonly<Record<string, string | undefined>>;

/** The page the window loads: electron-vite's dev server in `dev`, the `app://` scheme otherwise (never `file://`). */
export function rendererEntryUrl(env: RendererEnvironment = process.env): string {
  return env['ELECTRON_RENDERER_URL'] || appEntryUrl;
}

/** The origins whose pages are the app's own: `app://desk`, and the dev server's origin in `dev`. */
export function trustedRendererOrigins(env: RendererEnvironment = process.env): readonly string[] {
  const devServer = env['ELECTRON_RENDERER_URL'] ? originOf(env['ELECTRON_RENDERER_URL']) : null;
  return devServer === null ? [appOrigin] : [appOrigin, devServer];
}

/** Whether a URL is a page of the app itself. */
export function isOwnPage(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.some((trusted) => originOf(trusted) === origin);
}

/** Whether a link may open in the system browser: https, on an allow-listed site, without credentials in it. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  return externalLinkOrigins.includes(parsed.origin);
}

/** The window's options; the webPreferences are the security settings of DESIGN.md §6. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: windowTitle,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Chromium's built-in PDF viewer shows scans and documents (blob: frames, CSP frame-src blob:);
      // Electron counts it as a plugin. No other plugin exists in Electron.
      plugins: true,
    },
  };
}

/** A navigation event: prevented unless it goes to a page of the app itself (no remote content). */
export function refuseForeignNavigation(
  event: { readonly url: string; preventDefault(): void },
  trustedOrigins: readonly string[],
): void {
  if (!isOwnPage(event.url, trustedOrigins)) event.preventDefault();
}

/**
 * The `setWindowOpenHandler` answer: never a new Electron window.
 *
 * An allow-listed https link opens in the system browser instead; anything else is dropped.
 */
export function refuseNewWindow(
  details: Pick<HandlerDetails, 'url'>,
  openExternal: (url: string) => Promise<void>,
): { action: 'deny' } {
  if (isAllowedExternalUrl(details.url)) {
    openExternal(details.url).catch((error: unknown) =>
      console.error('Could not open the link in the browser:', error),
    );
  }
  return { action: 'deny' };
}

/** The permission request handler: the app needs no camera, location, notifications or any other permission. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

/** The permission check handler: every permission check fails. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** A `<webview>` about to attach: prevented, the app embeds no other page. */
export function refuseWebviewAttach(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** Denies every permission request and check on a session. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
}

/** Blocks navigation away from the app, new windows and webviews on a window's contents. */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  trustedOrigins: readonly string[],
  openExternal: (url: string) => Promise<void> = (url) => shell.openExternal(url),
): void {
  contents.on('will-navigate', (event) => refuseForeignNavigation(event, trustedOrigins));
  contents.on('will-frame-navigate', (event) => refuseForeignNavigation(event, trustedOrigins));
  contents.on('will-redirect', (event) => refuseForeignNavigation(event, trustedOrigins));
  contents.on('will-attach-webview', (event) => refuseWebviewAttach(event));
  contents.setWindowOpenHandler((details) => refuseNewWindow(details, openExternal));
}

/** What the main window needs to know. */
export interface MainWindowOptions {
  /** The built preload, out/preload/index.cjs. */
  readonly preloadPath: string;
  /** The environment; defaults to process.env. */
  readonly env?: RendererEnvironment;
}

/** Creates the hardened main window, shown once its first paint is ready, and loads the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const env = options.env ?? process.env;
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  hardenSession(window.webContents.session);
  hardenWebContents(window.webContents, trustedRendererOrigins(env));
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(rendererEntryUrl(env))
    .catch((error: unknown) => console.error('Could not load the Student Affairs Desk page:', error));
  return window;
}
