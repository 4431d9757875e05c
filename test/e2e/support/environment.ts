import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDesk, type Desk } from '../../../src/core/desk';
import { systemActor } from '../../../src/core/context';
import type { Clock } from '../../../src/core/db/audit';
import { demoSize, seedCatalogue } from '../../../src/core/modules/demo/demo-seed';
import { addStaff } from '../../../src/core/modules/staff/staff.service';
import { loadProvisions } from '../../../src/core/provisions/load-provisions';
import { startWebBridge, type WebBridge } from '../../../src/web/web-bridge';

/** Debian's Chromium, driven by playwright-core (never a downloaded browser). */
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Staff accounts the seeded environment has; every password is the same. */
export const testPassword = 'correct horse battery';
export const testStaff = {
  admin: { username: 'admin', displayName: 'Ada Admin', role: 'admin' },
  desk: { username: 'dirk', displayName: 'Dirk Desk', role: 'desk' },
  desk2: { username: 'dana', displayName: 'Dana Desk', role: 'desk' },
  iro: { username: 'ingrid', displayName: 'Ingrid IRO', role: 'iro' },
  ssc: { username: 'sofie', displayName: 'Sofie SSC', role: 'ssc' },
} as const;

/** A desk on a temporary database, its web bridge, and a browser. */
export interface E2eEnvironment {
  readonly desk: Desk;
  readonly bridge: WebBridge;
  readonly browser: Browser;
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Starts a fresh environment: empty database (`seeded: false`) or demo data plus the test staff.
 *
 * The renderer must be built (`npm run build`), as `npm test` does before the end-to-end tests.
 */
export async function startEnvironment(options: {
  seeded: boolean;
  /** The desk's clock (e.g. a day in 2022-23 for rules with deadlines); default the system clock. */
  clock?: Clock;
  /** Seed the demo data on the desk's clock (ledger days, created-at) rather than the real time, as the app does. */
  seedOnDeskClock?: boolean;
}): Promise<E2eEnvironment> {
  const rendererDir = resolve('out/renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('Build the renderer first: npm run build');
  const folder = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const desk = await createDesk({
    databaseFile: join(folder, 'desk.sqlite'),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.seeded) {
    const clock = options.seedOnDeskClock && options.clock ? options.clock : { now: () => new Date() };
    const ctx = { db: desk.database.db, clock, actor: systemActor };
    for (const member of Object.values(testStaff)) await addStaff(ctx, { ...member, password: testPassword });
    await seedCatalogue(ctx, loadProvisions(), demoSize);
  }
  const bridge = await startWebBridge({ desk, rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  return {
    desk,
    bridge,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('page error:', error));
      await page.goto(bridge.url);
      return { context, page };
    },
    async close() {
      await browser.close();
      await bridge.close();
      await desk.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
