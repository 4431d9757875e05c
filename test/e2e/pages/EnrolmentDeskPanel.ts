import type { Page } from 'playwright-core';

/** The enrolment desk on a student's page: enrolments, their status changes and the Art 13 documents. */
export class EnrolmentDeskPanel {
  constructor(readonly page: Page) {}

  /** Opens the student's page directly by id. */
  async openStudent(baseUrl: string, studentId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/students?id=${studentId}`);
    await this.section().waitFor();
    await this.documentRow('a').waitFor();
  }

  section() {
    return this.page.getByRole('heading', { name: 'Enrolments and documents' });
  }

  enrolment() {
    return this.page.locator('section[aria-label^="Enrolment "]').first();
  }

  status() {
    return this.enrolment().getByLabel(/^Status: /);
  }

  documentRow(letter: string) {
    return this.page.locator(`tr[data-document="${letter}"]`);
  }

  /** The status badge of a document as written (badges show it in capitals). */
  async documentStatus(letter: string): Promise<string> {
    return ((await this.documentRow(letter).locator('td').nth(3).textContent()) ?? '').trim();
  }

  /** The enrolment's status as written. */
  async statusText(): Promise<string> {
    return ((await this.status().textContent()) ?? '').trim();
  }

  /** Picks a scan for a requested document; the upload starts at once. */
  async receive(letter: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.documentRow(letter).getByLabel(`Scan of document ${letter}`).setInputFiles(file);
  }

  async verify(letter: string): Promise<void> {
    await this.documentRow(letter).getByRole('button', { name: 'Verify' }).click();
  }

  async reject(letter: string, reason: string): Promise<void> {
    await this.documentRow(letter).getByRole('button', { name: 'Reject…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Reject document ${letter}` });
    await dialog.getByLabel('Reason for the rejection').fill(reason);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async preview(letter: string) {
    await this.documentRow(letter).getByRole('button', { name: 'Preview' }).click();
    return this.page.getByRole('dialog', { name: new RegExp(`^Document ${letter}: `) });
  }

  /** Clicks a status change (e.g. 'Place hold'), gives the reason and confirms. */
  async changeStatus(button: string | RegExp, reason: string): Promise<void> {
    await this.enrolment().getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  historyRows() {
    return this.page.getByRole('table', { name: 'Status history' }).locator('tbody tr');
  }
}
