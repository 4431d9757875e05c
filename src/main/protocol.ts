import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { contentSecurityPolicy } from '../shared/content-security-policy';

/** The scheme the renderer is served over: a privileged, standard scheme instead of `file://`. */
export const appScheme = 'app';

/** The one host of the app scheme. */
export const appHost = 'desk';

/** The renderer's origin in the packaged app; IPC and navigation trust it (DESIGN.md §6). */
export const appOrigin = `${appScheme}://${appHost}`;

/** The page the main window loads outside electron-vite's dev server. */
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * How the app scheme is registered before `ready`.
 *
 * Standard, so that it has an origin and relative URLs; secure, so that it counts as a secure context;
 * fetch-enabled, so that the renderer may fetch its own assets. It does not bypass the CSP.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file of the built renderer, by its extension; unknown ones are plain bytes. */
export function mimeTypeOf(filePath: string): string {
  return mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The origin of a URL as `scheme://host[:port]`, lower-cased; null when it is not a URL.
 *
 * Computed by hand because WHATWG `URL.origin` is "null" for a custom scheme such as `app:`.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The file inside the renderer folder that an `app://desk/…` URL names, or null to answer 404.
 *
 * Refuses another scheme or host, `.` and `..` segments (also percent-encoded ones such as
 * `..%2f`), backslashes, NUL bytes and absolute paths (`app://desk//etc/passwd`, `app://desk/C:/…`).
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host.toLowerCase() !== appHost) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.startsWith('//') || /^\/[a-z]:/i.test(path)) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  if (isAbsolute(relative)) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

/** The headers on every answer of the app scheme, whatever its status. */
function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

async function readFileIfPresent(file: string): Promise<Buffer<ArrayBuffer> | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

function plainText(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}

/**
 * The `protocol.handle` handler that serves the built renderer folder over `app://desk/…`.
 *
 * Only GET and HEAD; every answer carries the strict CSP. The renderer is a single page, so an
 * unknown path without an extension gets index.html, while an unknown asset is a 404.
 */
export function createRendererProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainText(405, 'Method not allowed');
    const file = resolveRendererFile(rendererDir, request.url);
    if (file === null) return plainText(404, 'Not found');
    let served = file;
    let body = await readFileIfPresent(file);
    if (body === null && extname(file) === '') {
      served = join(resolve(rendererDir), 'index.html');
      body = await readFileIfPresent(served);
    }
    if (body === null) return plainText(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: responseHeaders(mimeTypeOf(served)),
    });
  };
}

/** Serves the renderer folder on the app scheme; call after `ready`, with Electron's `protocol`. */
export function serveRendererOverAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme, createRendererProtocolHandler(rendererDir));
}
