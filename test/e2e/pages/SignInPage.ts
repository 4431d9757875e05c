import type { Page } from 'playwright-core';

/** The sign-in and first-run screens. */
export class SignInPage {
  constructor(readonly page: Page) {}

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('User name').fill(username);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.getByLabel('Signed in as').waitFor();
  }

  async createAdministrator(displayName: string, username: string, password: string): Promise<void> {
    await this.page.getByLabel('Your name').fill(displayName);
    await this.page.getByLabel('User name').fill(username);
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByLabel('Repeat password').fill(password);
    await this.page.getByRole('button', { name: 'Create administrator and sign in' }).click();
    await this.page.getByLabel('Signed in as').waitFor();
  }
}
