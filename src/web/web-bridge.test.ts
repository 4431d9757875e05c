import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../core/desk';
import { startWebBridge, type WebBridge } from './web-bridge';

let folder: string;
let desk: Desk;
let bridge: WebBridge;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'desk-bridge-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(folder, 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'desk-bridge-secret.txt'), 'secret');
  desk = await createDesk({ databaseFile: ':memory:', log: () => undefined });
  bridge = await startWebBridge({ desk, rendererDir: folder });
});
afterAll(async () => {
  await bridge.close();
  await desk.close();
  rmSync(folder, { recursive: true, force: true });
});

const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback web bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${bridge.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('<title>desk</title>');
    expect((await fetch(`${bridge.url}/app.js`)).headers.get('content-type')).toContain('text/javascript');
  });

  it('refuses paths outside the renderer folder', async () => {
    for (const path of [
      '/../desk-bridge-secret.txt',
      '/%2e%2e/desk-bridge-secret.txt',
      '/..%2fdesk-bridge-secret.txt',
    ]) {
      const response = await fetch(`${bridge.url}${path}`);
      expect(await response.text()).not.toBe('secret');
    }
  });

  it('answers the contract as envelopes, with the same sign-in as the app', async () => {
    const status = await (await post('session:status', {})).json();
    expect(status).toMatchObject({
      ok: true,
      value: { needsSetup: true, staff: null, isSimulatedToday: false },
    });
    const signedOut = await (await post('catalogue:summary', {})).json();
    expect(signedOut).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
    const created = (await (
      await post('session:createAdministrator', {
        username: 'ada',
        displayName: 'Ada',
        password: 'correct horse battery',
      })
    ).json()) as {
      value: { token: string };
    };
    const summary = await (
      await post('catalogue:summary', {}, { Authorization: `Bearer ${created.value.token}` })
    ).json();
    expect(summary).toMatchObject({ ok: true, value: { courses: 0 } });
  });

  it('accepts only JSON posts, so another site cannot call it with a simple form', async () => {
    const form = await fetch(`${bridge.url}/api/session:status`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect((await fetch(`${bridge.url}/api/session:status`)).status).toBe(405);
    const broken = await fetch(`${bridge.url}/api/session:status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(await broken.json()).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
