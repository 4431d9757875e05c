import type { Download, Page } from 'playwright-core';

/** The study progress list (study-permit students against the requirement) and its dialogs. */
export class StudyProgressPage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: 'Study progress' });
  }

  rows() {
    return this.table().locator('tbody tr');
  }

  row(studentNumber: string) {
    return this.rows().filter({ hasText: studentNumber });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel('Filter the study progress list').fill(text);
  }

  /** Chooses what the list shows, e.g. 'Notify the IND'. */
  async show(label: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Show outcome' }).click();
    await this.page.getByRole('option', { name: label }).click();
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
    return this.dialog().getByRole('list', { name: 'Why' }).getByRole('button').allInnerTexts();
  }

  async recordExcusableReason(kind: string, adviser: string, decidedOn: string, note: string): Promise<void> {
    const dialog = this.dialog();
    await dialog.getByRole('combobox', { name: 'Kind of circumstance' }).click();
    await this.page.getByRole('option', { name: kind }).click();
    await dialog.getByLabel('Study adviser').fill(adviser);
    await dialog.getByLabel("Adviser's finding on").fill(decidedOn);
    await dialog.getByLabel('Note (optional)').fill(note);
    await dialog.getByRole('button', { name: 'Record excusable reason' }).click();
  }

  /** Downloads the list for the IND in a format and returns the download. */
  async download(format: 'PDF' | 'CSV'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `IND list (${format})` }).click(),
    ]);
    return download;
  }
}
