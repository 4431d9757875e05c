import type { Page } from 'playwright-core';

/** The audit trail. */
export class AuditPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByRole('table', { name: 'Audit trail' }).locator('tbody tr');
  }

  async filterByStaff(name: string): Promise<void> {
    await this.page.getByLabel('Staff member').first().click();
    await this.page.getByRole('option', { name }).click();
  }
}
