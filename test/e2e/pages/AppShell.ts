import type { Page } from 'playwright-core';

/** The frame around every screen: navigation by area and the signed-in user. */
export class AppShell {
  constructor(readonly page: Page) {}

  async goTo(
    area:
      | 'Overview'
      | 'Courses without programme'
      | 'Courses'
      | 'Programmes'
      | 'Import and export'
      | 'Students and fees'
      | 'Documents'
      | 'Arrears'
      | 'EU long-term resident check'
      | 'IND notifications'
      | 'Study progress'
      | 'Exchange'
      | 'Batch issue'
      | 'Verify a document'
      | 'Requests to the SSC'
      | 'Fee calculator'
      | 'Refund calculator'
      | 'Payment plan'
      | 'Enrolment Provisions'
      | 'Audit trail'
      | 'Staff',
  ): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Areas' })
      .getByRole('link', { name: area, exact: true })
      .click();
    await this.page.getByRole('heading', { level: 2 }).first().waitFor();
  }

  signedInAs() {
    return this.page.getByLabel('Signed in as');
  }

  notification(text: string | RegExp) {
    return this.page.locator('.mantine-Notification-root').filter({ hasText: text });
  }
}
