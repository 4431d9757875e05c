import type { Download, Page } from 'playwright-core';

/** The Batch issue screen: a document kind, year and programme; progress, results, Cancel and the ZIP. */
export class BatchIssuePage {
  constructor(readonly page: Page) {}

  /** Chooses the document kind, e.g. 'Certificate of enrolment'. */
  async chooseKind(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Document', exact: true }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** Chooses the programme by (part of) its name; the option shows the enrolment count. */
  async chooseProgramme(name: string): Promise<void> {
    const field = this.page.getByRole('combobox', { name: 'Programme', exact: true });
    await field.click();
    await field.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${escape(name)} \\(\\d+\\)$`) }).click();
  }

  preview() {
    return this.page.getByLabel('Batch preview');
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start batch' }).click();
  }

  progress() {
    return this.page.getByRole('progressbar', { name: 'Batch progress' });
  }

  counts() {
    return this.page.getByLabel('Batch counts');
  }

  state() {
    return this.page.getByLabel('Batch state');
  }

  /** The results table's rows, as text: student number, name, result, number or reason. */
  async results(): Promise<string[][]> {
    const rows = await this.page.getByRole('table', { name: 'Batch results' }).locator('tbody tr').all();
    return Promise.all(
      rows.map(async (row) => (await row.locator('td').allTextContents()).map((cell) => cell.trim())),
    );
  }

  /**
   * Cancels the running batch; true when the click landed, false when the batch had already completed
   * (a fast machine can finish a programme's documents before the click), which callers then check.
   */
  async cancel(): Promise<boolean> {
    try {
      await this.page.getByRole('button', { name: 'Cancel batch' }).click({ timeout: 3_000 });
      return true;
    } catch (error) {
      if ((await this.state().filter({ hasText: 'Completed' }).count()) > 0) return false;
      throw error;
    }
  }

  /** Downloads the batch's ZIP and returns its name and bytes. */
  async downloadZip(): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: /^Download ZIP/ }).click(),
    ]);
    return saved(download);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function saved(download: Download): Promise<{ fileName: string; bytes: Buffer }> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}
