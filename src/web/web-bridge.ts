import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import type { Desk } from '../core/desk';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Requests larger than this are refused; an import file of 50 MB is about 67 MB in base64. */
const maxBodyBytes = 75 * 1024 * 1024;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** A running bridge: its address and how to stop it. */
export interface WebBridge {
  readonly url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(rendererDir: string, pathname: string, response: ServerResponse): Promise<void> {
  const root = resolve(rendererDir);
  const decoded = decodeURIComponent(pathname);
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  if (!file.startsWith(root + sep)) return send(response, 404, 'Not found', 'text/plain; charset=utf-8');
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    send(response, 200, await readFile(file), mimeTypes[extname(file)] ?? 'application/octet-stream');
  } catch {
    // The renderer is a single page: unknown paths without a file extension get the page itself.
    if (extname(file) === '')
      send(response, 200, await readFile(join(root, 'index.html')), mimeTypes['.html'] ?? 'text/html');
    else send(response, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}

/**
 * Serves the renderer and the contract over HTTP on 127.0.0.1 only (DESIGN.md §6).
 *
 * `POST /api/<call name>` with a JSON body runs the call for the session in the Authorization header;
 * the same sign-in and roles apply as in the desktop app, because `desk.invoke` enforces them.
 */
export async function startWebBridge(options: {
  desk: Desk;
  rendererDir: string;
  port?: number;
}): Promise<WebBridge> {
  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        if (request.method !== 'POST') return send(response, 405, 'Use POST', 'text/plain; charset=utf-8');
        // Only the page this bridge served may call it: a JSON content type cannot be sent cross-site without CORS.
        if (!request.headers['content-type']?.startsWith('application/json')) {
          return send(response, 415, 'Send application/json', 'text/plain; charset=utf-8');
        }
        let input: unknown;
        try {
          const body = await readBody(request);
          input = body === '' ? {} : (JSON.parse(body) as unknown);
        } catch {
          return send(
            response,
            400,
            JSON.stringify({
              ok: false,
              error: {
                kind: 'validation',
                message: 'The request is not valid JSON or is larger than 75 MB.',
              },
            }),
            'application/json',
          );
        }
        const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
        const envelope = await options.desk.invoke(
          token,
          decodeURIComponent(url.pathname.slice('/api/'.length)),
          input,
        );
        return send(response, 200, JSON.stringify(envelope), 'application/json');
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return send(response, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      return serveStatic(options.rendererDir, url.pathname, response);
    })().catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) send(response, 500, 'Internal error', 'text/plain; charset=utf-8');
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
