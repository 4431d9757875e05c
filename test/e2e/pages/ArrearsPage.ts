import type { Page } from 'playwright-core';

/** The arrears worklist and the step dialog of one student. */
export class ArrearsPage {
  constructor(readonly page: Page) {}

  rows() {
    return this.page.getByRole('table', { name: 'Arrears worklist' }).locator('tbody tr');
  }

  row(studentNumber: string) {
    return this.rows().filter({ hasText: studentNumber });
  }

  /** Filters to one student and opens their row with the keyboard. */
  async open(studentNumber: string): Promise<void> {
    await this.page.getByLabel('Filter the arrears worklist').fill(studentNumber);
    const row = this.row(studentNumber).first();
    await row.waitFor();
    await row.focus();
    await this.page.keyboard.press('Enter');
    await this.dialog().waitFor();
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  async reasonArticles(): Promise<string[]> {
    return this.dialog().getByRole('list', { name: 'Why this step' }).getByRole('button').allInnerTexts();
  }

  /** Records the step shown in the dialog as taken on a day; the dialog stays open when it is refused. */
  async recordStep(takenOn: string): Promise<void> {
    await this.dialog().getByLabel('Taken on').fill(takenOn);
    await this.dialog()
      .getByRole('button', { name: /^Record: / })
      .click();
  }

  /** Asks for the reminder letter of the open dialog and returns the PDF's bytes as saved. */
  async downloadReminderLetter(): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.dialog().getByRole('button', { name: 'Reminder letter (PDF)' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
