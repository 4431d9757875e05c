import type { Download, Page } from 'playwright-core';

/** The Import and export screen. */
export class ImportExportPage {
  constructor(readonly page: Page) {}

  async chooseKind(label: string): Promise<void> {
    await this.page.getByLabel('What the file holds').first().click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async chooseFile(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'File (CSV or XLSX)' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  async check(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check file' }).click();
  }

  async importConfirmed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  }

  problemRows() {
    return this.page.getByRole('alert').locator('tbody tr');
  }

  /** The rows of the table that says what each row of the file does (create, update, unchanged, problem). */
  outcomeRows() {
    return this.page.getByRole('table', { name: 'What each row does' }).locator('tbody tr');
  }

  async export(table: string, format: 'Excel (XLSX)' | 'CSV'): Promise<Download> {
    await this.page.getByLabel('Table', { exact: true }).first().click();
    await this.page.getByRole('option', { name: table, exact: true }).click();
    await this.page.getByText(format, { exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export' }).click();
    return download;
  }
}
