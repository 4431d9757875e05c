import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context';
import type { OrphanCourse } from '../../src/shared/api/catalogue.contract';
import { AppShell } from './pages/AppShell';
import { AuditPage } from './pages/AuditPage';
import { CoursesPage } from './pages/CoursesPage';
import { OrphanCoursesPage } from './pages/OrphanCoursesPage';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;

async function orphanCourses(): Promise<OrphanCourse[]> {
  const envelope = await env.desk.invokeAsOperator(systemActor, 'catalogue:listOrphanCourses', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as OrphanCourse[];
}

describe('the course–programme catalogue in the browser', () => {
  beforeAll(async () => {
    env = await startEnvironment({ seeded: true });
  });
  afterAll(async () => {
    await env.close();
  });

  it('lets a desk clerk link an orphan course, which leaves the list at once and shows in the audit trail', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    await shell.goTo('Courses without programme');
    const orphans = new OrphanCoursesPage(page);
    const [first] = await orphanCourses();
    if (!first) throw new Error('the demo data has no course without programme');
    await orphans.rowOf(first.code).waitFor();

    await orphans.filter(first.code);
    await orphans.select(first.code);
    await orphans.linkSelectionTo(['Econometrics and Operations Research']);

    await shell.notification(`Linked ${first.code} to 1 programme`).waitFor();
    await orphans.filter('');
    await expect.poll(() => orphans.courseCodes()).not.toContain(first.code);
    expect((await orphanCourses()).map((c) => c.code)).not.toContain(first.code);

    await shell.goTo('Audit trail');
    const audit = new AuditPage(page);
    const entry = audit.rows().filter({ hasText: first.code }).first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Dirk Desk');
    expect(await entry.innerText()).toContain('course.link');
    expect(await entry.innerText()).toContain('Econometrics and Operations Research');
    await context.close();
  });

  it('links several selected courses to two programmes in one action', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    await new AppShell(page).goTo('Courses without programme');
    const orphans = new OrphanCoursesPage(page);
    const [a, b] = await orphanCourses();
    if (!a || !b) throw new Error('the demo data needs two courses without programme');
    await orphans.rowOf(a.code).waitFor();
    await orphans.select(a.code);
    await orphans.select(b.code);
    await orphans.linkSelectionTo(['Data Science for Decision', 'M Economics']);
    await new AppShell(page).notification('Linked 2 courses to 2 programmes').waitFor();
    const left = (await orphanCourses()).map((c) => c.code);
    expect(left).not.toContain(a.code);
    expect(left).not.toContain(b.code);
    await context.close();
  });

  it('does not let an IRO officer link courses, in the screen or through the API', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await new AppShell(page).goTo('Courses without programme');
    const orphans = new OrphanCoursesPage(page);
    const [course] = await orphanCourses();
    if (!course) throw new Error('no course without programme left');
    await orphans.rowOf(course.code).waitFor();
    await orphans.select(course.code);
    expect(await orphans.linkButton().isDisabled()).toBe(true);
    const answer = await page.evaluate(async (courseId) => {
      const token = sessionStorage.getItem('desk.session');
      const response = await fetch('/api/catalogue:linkCourses', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify({ courseIds: [courseId], programmeIds: [1] }),
      });
      return (await response.json()) as { ok: boolean; error?: { kind: string } };
    }, course.id);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await context.close();
  });

  it('explains a conflict when a second session saves a course the first one changed', async () => {
    const first = await env.newPage();
    const second = await env.newPage();
    await new SignInPage(first.page).signIn(testStaff.desk.username, testPassword);
    await new SignInPage(second.page).signIn(testStaff.desk2.username, testPassword);
    const [course] = await orphanCourses();
    if (!course) throw new Error('no course left');
    const pages = [new CoursesPage(first.page), new CoursesPage(second.page)] as const;
    for (const [index, coursesPage] of pages.entries()) {
      await new AppShell(index === 0 ? first.page : second.page).goTo('Courses');
      await coursesPage.search(course.code);
      await coursesPage.open(course.code);
    }
    await pages[0].setTitle(`${course.title} (revised)`);
    await pages[0].save();
    await new AppShell(first.page).notification(`Saved ${course.code}`).waitFor();

    await pages[1].setTitle(`${course.title} (other revision)`);
    await pages[1].save();
    const alert = pages[1].drawer().getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Someone else changed this course');
    expect(text).toContain('Dirk Desk');
    expect(text).toMatch(/Reload/);
    await first.context.close();
    await second.context.close();
  });
});

describe('first run in the browser', () => {
  let fresh: E2eEnvironment;
  beforeAll(async () => {
    fresh = await startEnvironment({ seeded: false });
  });
  afterAll(async () => {
    await fresh.close();
  });

  it('creates the administrator on an empty database and offers the demo data', async () => {
    const { page, context } = await fresh.newPage();
    await new SignInPage(page).createAdministrator('Ada Admin', 'ada', testPassword);
    await page.getByText('This database is empty').waitFor();
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Load demo data' }).click();
    await new AppShell(page).notification(/Loaded the demo data/).waitFor();
    await new AppShell(page).goTo('Courses without programme');
    await new OrphanCoursesPage(page).table().locator('tbody tr').first().waitFor();
    expect((await new OrphanCoursesPage(page).courseCodes()).length).toBeGreaterThan(10);
    await context.close();
  });
});
