import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context';
import type { OrphanCourse } from '../../src/shared/api/catalogue.contract';
import { AppShell } from './pages/AppShell';
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

describe('notifications (toasts) when moving between screens', () => {
  beforeAll(async () => {
    env = await startEnvironment({ seeded: true });
  });
  afterAll(async () => {
    await env.close();
  });

  it("cleans one screen's notification on going to another screen, and shows those the new screen raises", async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.desk.username, testPassword);
    const shell = new AppShell(page);
    await shell.goTo('Courses without programme');
    const orphans = new OrphanCoursesPage(page);
    const [course] = await orphanCourses();
    if (!course) throw new Error('the demo data has no course without programme');
    await orphans.filter(course.code);
    await orphans.select(course.code);
    await orphans.linkSelectionTo(['Econometrics and Operations Research']);
    const linked = shell.notification(`Linked ${course.code} to 1 programme`);
    await linked.waitFor();
    const shownAt = Date.now();

    await shell.goTo('Courses');
    // Gone at once, well before it would close by itself (4 seconds).
    await expect.poll(() => linked.count(), { timeout: 1500 }).toBe(0);
    expect(Date.now() - shownAt).toBeLessThan(3500);

    const courses = new CoursesPage(page);
    await courses.search(course.code);
    await courses.open(course.code);
    await courses.setTitle(`${course.title} (revised)`);
    await courses.save();
    await shell.notification(`Saved ${course.code}`).waitFor();
    await context.close();
  });
});
