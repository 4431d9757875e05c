import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { SignInPage } from './pages/SignInPage';
import { startEnvironment, testPassword, testStaff, type E2eEnvironment } from './support/environment';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startEnvironment({ seeded: true });
});
afterAll(async () => {
  await env.close();
});

describe('the Enrolment Provisions in the browser', () => {
  it('opens the article a reference cites, with the cited paragraph marked, and moves between articles', async () => {
    const { page, context } = await env.newPage();
    await new SignInPage(page).signIn(testStaff.iro.username, testPassword);
    await page.goto(`${env.bridge.url}/#/provisions?ref=${encodeURIComponent('Art 17.1')}`);
    const article = page.getByRole('article', { name: /^Article 17 Low statutory tuition fee/ });
    await article.waitFor();
    expect(await article.locator('[aria-current="true"]').innerText()).toContain('€1,105');

    await page.getByLabel('Find an article').fill('handling');
    await page
      .getByRole('navigation', { name: 'Articles and appendices' })
      .getByRole('link', { name: /Article 15 Handling fee/ })
      .click();
    await page.getByRole('article', { name: /^Article 15 Handling fee/ }).waitFor();
    expect(page.url()).toContain('ref=Art%2015');
    await new AppShell(page).goTo('Overview');
    await context.close();
  });
});
