import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import {
  appEntryUrl,
  appSchemePrivileges,
  createRendererProtocolHandler,
  mimeTypeOf,
  originOf,
  resolveRendererFile,
  serveRendererOverAppScheme,
} from './protocol';

// The Electron binary is not installed here: nothing may load the real module.
vi.mock('electron', () => ({}));

let folder: string;
let rendererDir: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'desk-protocol-'));
  rendererDir = join(folder, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(folder, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const serve = (url: string, method = 'GET') =>
  createRendererProtocolHandler(rendererDir)(new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered as standard, secure and fetch-enabled, without bypassing the CSP', () => {
    expect(appSchemePrivileges).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(appEntryUrl).toBe('app://desk/index.html');
  });

  it('serves the renderer folder with its content type and the strict CSP header', async () => {
    const page = await serve('app://desk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>desk</title>');

    const script = await serve('app://desk/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await serve('app://desk/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
  });

  it('serves index.html for the root and for unknown page paths, but 404 for unknown assets', async () => {
    expect(await (await serve('app://desk/')).text()).toContain('<title>desk</title>');
    expect(await (await serve('app://desk/students/42')).text()).toContain('<title>desk</title>');
    expect((await serve('app://desk/assets/missing.js')).status).toBe(404);
  });

  it('answers path traversal with 404, also percent-encoded, and still sends the CSP', async () => {
    const attempts = [
      'app://desk/../secret.txt',
      'app://desk/%2e%2e/secret.txt',
      'app://desk/%2E%2E/secret.txt',
      'app://desk/..%2fsecret.txt',
      'app://desk/assets/..%2f..%2fsecret.txt',
      'app://desk/..%5csecret.txt',
      `app://desk/${encodeURIComponent(join(folder, 'secret.txt'))}`,
      `app://desk/${join(folder, 'secret.txt')}`,
      'app://desk//etc/passwd',
      'app://desk/C:%5cWindows%5cwin.ini',
      'app://desk/index.html%00.js',
      'app://desk/%E0%A4%A',
    ];
    for (const url of attempts) {
      const response = await serve(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toBe('secret');
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy);
    }
  });

  it('refuses methods other than GET and HEAD, and sends no body for HEAD', async () => {
    expect((await serve('app://desk/index.html', 'POST')).status).toBe(405);
    const head = await serve('app://desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers its handler on the scheme "app"', async () => {
    const protocol = { handle: vi.fn() };
    serveRendererOverAppScheme(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledOnce();
    const [scheme, handler] = protocol.handle.mock.calls[0] as [
      string,
      (request: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    expect(
      (await handler(new Request('app://desk/index.html'))).headers.get('content-security-policy'),
    ).toContain("script-src 'self'");
  });
});

describe('resolveRendererFile', () => {
  it('maps a URL to a file inside the renderer folder', () => {
    expect(resolveRendererFile(rendererDir, 'app://desk/assets/index-abc.js')).toBe(
      join(rendererDir, 'assets', 'index-abc.js'),
    );
    expect(resolveRendererFile(rendererDir, 'app://desk/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveRendererFile(rendererDir, 'app://desk/index.html?x=1#top')).toBe(
      join(rendererDir, 'index.html'),
    );
  });

  it('returns null for traversal, absolute paths, another host or scheme, and non-URLs', () => {
    for (const url of [
      'app://desk/..%2f..%2fetc%2fpasswd',
      'app://desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://desk//etc/passwd',
      'app://desk/%2fetc%2fpasswd',
      'app://desk/c:/windows/win.ini',
      'app://desk/a%5c..%5c..%5csecret.txt',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://desk/index.html',
      'not a url',
    ]) {
      expect(resolveRendererFile(rendererDir, url), url).toBeNull();
    }
  });
});

describe('mimeTypeOf and originOf', () => {
  it('names the content type by extension, bytes for the unknown', () => {
    expect(mimeTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('/x/font.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('/x/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });

  it('computes an origin for the custom scheme, where URL.origin would be "null"', () => {
    expect(originOf('app://desk/index.html')).toBe('app://desk');
    expect(originOf('APP://DESK/x')).toBe('app://desk');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('nonsense')).toBeNull();
  });
});
