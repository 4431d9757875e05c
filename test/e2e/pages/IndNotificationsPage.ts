import type { Page } from 'playwright-core';

/** The worklist of IND notifications due (Art 33.8) and the dialog that records one. */
export class IndNotificationsPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByRole('table', { name: 'IND notifications due' }).locator('tbody tr');
  }

  row(studentNumber: string) {
    return this.rows().filter({ hasText: studentNumber });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Opens a student's row with the keyboard. */
  async open(studentNumber: string): Promise<void> {
    const row = this.row(studentNumber).first();
    await row.waitFor();
    await row.focus();
    await this.page.keyboard.press('Enter');
    await this.dialog().waitFor();
  }

  async reasonArticles(): Promise<string[]> {
    return this.dialog()
      .getByRole('list', { name: 'Why the IND must be notified' })
      .getByRole('button')
      .allInnerTexts();
  }

  async record(notifiedOn: string, reference: string): Promise<void> {
    await this.dialog().getByLabel('Notified on').fill(notifiedOn);
    await this.dialog().getByLabel('IND reference').fill(reference);
    await this.dialog().getByRole('button', { name: 'Record notification' }).click();
  }
}
