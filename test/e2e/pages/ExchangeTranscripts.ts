import type { Download, Locator, Page } from 'playwright-core';
import type { ExchangeStudentDialog } from './ExchangePage';

/** A file the page handed to the browser to save: its suggested name and bytes. */
export interface SavedDownload {
  fileName: string;
  bytes: Buffer;
}

async function saved(download: Download): Promise<SavedDownload> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** Clicks a button that downloads a file and returns the file. */
async function downloadFrom(page: Page, button: Locator): Promise<SavedDownload> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return saved(download);
}

/** Confirms the confirmation dialog of "Mark … as sent". */
async function confirmSent(page: Page): Promise<void> {
  const confirmation = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('button', { name: 'Record as sent' }) });
  await confirmation.getByRole('button', { name: 'Record as sent' }).click();
  await confirmation.waitFor({ state: 'detached' });
}

/** The transcript preview opened from an exchange student ("Transcript"). */
export class TranscriptPreviewDialog {
  constructor(
    readonly page: Page,
    readonly dialog: Locator,
  ) {}

  /** Opens the preview of the student shown in the exchange dialog and waits for the transcript. */
  static async openFrom(file: ExchangeStudentDialog): Promise<TranscriptPreviewDialog> {
    await file.dialog.getByRole('button', { name: 'Transcript', exact: true }).click();
    const dialog = file.page.getByRole('dialog', { name: /^Transcript of records of / });
    await dialog.getByRole('region', { name: 'Transcript summary' }).waitFor({ timeout: 30_000 });
    return new TranscriptPreviewDialog(file.page, dialog);
  }

  summary() {
    return this.dialog.getByRole('region', { name: 'Transcript summary' });
  }

  /** The course rows of the summary, as text per cell. */
  async courses(): Promise<string[][]> {
    const rows = await this.dialog
      .getByRole('table', { name: 'Courses on the transcript' })
      .locator('tbody tr')
      .all();
    return Promise.all(
      rows.map(async (row) => (await row.locator('td').allTextContents()).map((cell) => cell.trim())),
    );
  }

  totals() {
    return this.dialog.getByRole('row', { name: 'Transcript totals' });
  }

  pdfFrame() {
    return this.dialog.locator('iframe[title^="Transcript "]');
  }

  downloadButton(form: 'PDF' | 'ELMO XML' | 'tors XML') {
    return this.dialog.getByRole('button', { name: `Download ${form}` });
  }

  /** Issues the previewed transcript and waits until the dialog shows it issued; returns the alert's title. */
  async issue(): Promise<string> {
    await this.dialog.getByRole('button', { name: 'Issue transcript' }).click();
    const issued = this.dialog.getByRole('alert').filter({ hasText: /^Issued as / });
    await issued.waitFor({ timeout: 30_000 });
    return (await issued.innerText()).split('\n')[0] ?? '';
  }

  async download(form: 'PDF' | 'ELMO XML' | 'tors XML'): Promise<SavedDownload> {
    return downloadFrom(this.page, this.dialog.getByRole('button', { name: `Download ${form}` }));
  }

  sentDates() {
    return this.dialog.getByLabel('Sent dates');
  }

  sentOnField() {
    return this.dialog.getByRole('form', { name: 'Mark as sent to home university' }).getByLabel('Sent on');
  }

  /** Records the transcript as sent on the day in the field, confirming when asked. */
  async markSent(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Mark as sent to home university' }).click();
    await confirmSent(this.page);
  }

  /** Closes the preview with Escape, back to the student. */
  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'detached' });
  }
}

/** The end-of-semester transcripts, opened with "Transcripts" on the Exchange screen. */
export class TranscriptBatchDialog {
  constructor(
    readonly page: Page,
    readonly dialog: Locator,
  ) {}

  static async open(page: Page): Promise<TranscriptBatchDialog> {
    await page.getByRole('button', { name: 'Transcripts', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'End-of-semester transcripts' });
    await dialog.getByRole('combobox', { name: 'Batch semester' }).waitFor();
    return new TranscriptBatchDialog(page, dialog);
  }

  /** Chooses the semester by its label, e.g. 'Fall 2022'. */
  async chooseSemester(label: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'Batch semester' }).click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  async start(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(Start batch|Run batch again)$/ }).click();
  }

  progress() {
    return this.dialog.getByRole('progressbar', { name: 'Transcript batch progress' });
  }

  counts() {
    return this.dialog.getByLabel('Transcript batch counts');
  }

  state() {
    return this.dialog.getByLabel('Transcript batch state');
  }

  /** The results' rows as text: student number, name, home university, result, transcript or reason, sent on. */
  async results(): Promise<string[][]> {
    const rows = await this.dialog
      .getByRole('table', { name: 'Transcript batch results' })
      .locator('tbody tr[data-row]')
      .all();
    return Promise.all(
      rows.map(async (row) => (await row.locator('td').allTextContents()).map((cell) => cell.trim())),
    );
  }

  async downloadZip(): Promise<SavedDownload> {
    return downloadFrom(this.page, this.dialog.getByRole('button', { name: /^Download ZIP/ }));
  }

  /** Records every produced transcript as sent on the day in the field, confirming when asked. */
  async markAllSent(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Mark all produced as sent' }).click();
    await confirmSent(this.page);
  }
}
