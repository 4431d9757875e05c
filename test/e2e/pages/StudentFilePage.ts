import type { Page } from 'playwright-core';

/** The student file: search as you type, the header, and the sections with their Edit… dialogs. */
export class StudentFilePage {
  constructor(readonly page: Page) {}

  searchBox() {
    return this.page.getByLabel('Search students');
  }

  resultRows() {
    return this.page.getByRole('table', { name: 'Students' }).locator('tbody tr[data-row]');
  }

  /** Types into the search box as a clerk would, key by key, and waits for a row showing `expected` (default: the text). */
  async search(text: string, expected: string | RegExp = text): Promise<void> {
    await this.searchBox().fill('');
    await this.searchBox().pressSequentially(text, { delay: 30 });
    await this.resultRows().first().filter({ hasText: expected }).waitFor();
  }

  /** Opens the first result with the keyboard only: arrow down from the search box, then Enter. */
  async openFirstResultWithKeyboard(): Promise<void> {
    await this.searchBox().focus();
    await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.page.getByRole('button', { name: 'All students' }).waitFor();
    await this.page.getByLabel('Student number').waitFor();
  }

  studentName() {
    return this.page.getByRole('heading', { level: 2 });
  }

  section(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Opens a section's Edit… dialog and returns it. */
  async edit(title: string) {
    await this.section(title)
      .getByRole('button', { name: `Edit ${title.toLowerCase()}` })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  /** Records a residence permit: type (as labelled), validity, and the reason. */
  async recordResidencePermit(permit: {
    type: string;
    validFrom: string;
    validUntil: string;
    reason: string;
  }) {
    const dialog = await this.edit('Residence');
    await dialog.getByLabel('Residence permit', { exact: true }).click();
    await this.page.getByRole('option', { name: permit.type, exact: true }).click();
    await dialog.getByLabel('Valid from').fill(permit.validFrom);
    await dialog.getByLabel('Valid until').fill(permit.validUntil);
    await dialog.getByLabel('Why the file changes').fill(permit.reason);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
