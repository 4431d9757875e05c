import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppShell } from './pages/AppShell';
import { CoursesPage } from './pages/CoursesPage';
import { OrphanCoursesPage } from './pages/OrphanCoursesPage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff } from './support/environment';

// `npm run screenshots [-- --out DIR]`: the real screens with demo data, as PNGs to look at.
const { values } = parseArgs({ options: { out: { type: 'string', default: 'test-results/screenshots' } } });
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const env = await startEnvironment({ seeded: true });
try {
  const { page } = await env.newPage();
  await page.screenshot({ path: join(out, '01-sign-in.png') });
  await new SignInPage(page).signIn(testStaff.admin.username, testPassword);
  const shell = new AppShell(page);
  await page.screenshot({ path: join(out, '02-overview.png') });
  await shell.goTo('Courses without programme');
  const orphans = new OrphanCoursesPage(page);
  await orphans.table().locator('tbody tr').first().waitFor();
  const codes = await orphans.courseCodes();
  for (const code of codes.slice(0, 3)) await orphans.select(code);
  await page.screenshot({ path: join(out, '03-orphans.png') });
  await orphans.linkButton().click();
  await page.getByRole('dialog').getByLabel('Programmes').fill('econ');
  await page.screenshot({ path: join(out, '04-link-dialog.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await shell.goTo('Courses');
  const courses = new CoursesPage(page);
  await page.getByRole('table', { name: 'Courses' }).locator('tbody tr').first().waitFor();
  await page.screenshot({ path: join(out, '05-courses.png') });
  await courses.open(codes[5] ?? '');
  await page.waitForTimeout(400); // let the drawer finish sliding in
  await page.screenshot({ path: join(out, '06-course-drawer.png') });
  await page.keyboard.press('Escape');
  await shell.goTo('Programmes');
  await page.screenshot({ path: join(out, '07-programmes.png') });
  await shell.goTo('Import and export');
  await page.screenshot({ path: join(out, '08-import-export.png') });
  await page.goto(`${env.bridge.url}/#/provisions?ref=${encodeURIComponent('Art 20.1')}`);
  await page.getByRole('article').waitFor();
  await page.screenshot({ path: join(out, '09-provisions.png') });
  await shell.goTo('Audit trail');
  await page.screenshot({ path: join(out, '10-audit.png') });
  await shell.goTo('Staff');
  await page.screenshot({ path: join(out, '11-staff.png') });
  console.log(`Screenshots in ${out}`);
} finally {
  await env.close();
}
