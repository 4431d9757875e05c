import type { Page } from 'playwright-core';

/** The Documents worklist: enrolments with missing or rejected documents, by deadline. */
export class DocumentsPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByRole('table', { name: 'Documents worklist' }).locator('tbody tr');
  }

  row(studentNumber: string) {
    return this.rows().filter({ hasText: studentNumber });
  }

  /** The missing documents of a student's row as written, e.g. ['b rejected', 'g']. */
  async missing(studentNumber: string): Promise<string[]> {
    const badges = await this.row(studentNumber)
      .first()
      .locator('td')
      .last()
      .locator('.mantine-Badge-label')
      .allTextContents();
    return badges.map((b) => b.trim());
  }

  /** Filters to one student and opens their row with the keyboard: the student's page. */
  async open(studentNumber: string): Promise<void> {
    await this.page.getByLabel('Filter the documents worklist').fill(studentNumber);
    const row = this.row(studentNumber).first();
    await row.waitFor();
    await row.focus();
    await this.page.keyboard.press('Enter');
  }
}
