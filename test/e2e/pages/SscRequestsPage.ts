import type { Download, Locator, Page } from 'playwright-core';

/** A file the browser saved: its suggested name and bytes. */
export interface SavedRequestFile {
  fileName: string;
  bytes: Buffer;
}

async function saved(download: Download): Promise<SavedRequestFile> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** One request opened in its dialog: completeness, evidence, the decision form and the letter. */
export class SscRequestDialog {
  constructor(
    readonly page: Page,
    readonly dialog: Locator,
  ) {}

  completeness() {
    return this.dialog.getByRole('list', { name: 'Completeness' });
  }

  status(reference: string) {
    return this.dialog.getByLabel(`Status of ${reference}`);
  }

  deadline(reference: string) {
    return this.dialog.getByLabel(`Deadline of ${reference}`);
  }

  /** Attaches a scan as the evidence whose label matches. */
  async attachScan(evidence: RegExp, file: { name: string; bytes: Buffer }): Promise<void> {
    await this.dialog.getByLabel('The scan shows', { exact: true }).click();
    await this.page.getByRole('option', { name: evidence }).click();
    await this.dialog.locator('input[type="file"]').setInputFiles({
      name: file.name,
      mimeType: 'application/pdf',
      buffer: file.bytes,
    });
    await this.dialog.getByRole('button', { name: 'Attach scan' }).click();
    await this.dialog.getByText(file.name).waitFor();
  }

  /** Decides as the SSC director and returns the decision letter the browser saved. */
  async decide(outcome: 'Grant' | 'Refuse', reasoning: string): Promise<SavedRequestFile> {
    const form = this.dialog.getByRole('region', { name: 'Decision of the SSC director' });
    await form.getByText(outcome, { exact: true }).click();
    await form.getByLabel('Reasoning').fill(reasoning);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      form
        .getByRole('button', { name: outcome === 'Grant' ? 'Grant the request' : 'Refuse the request' })
        .click(),
    ]);
    await this.dialog.getByRole('region', { name: 'Decision', exact: true }).waitFor();
    return saved(download);
  }

  decision() {
    return this.dialog.getByRole('region', { name: 'Decision', exact: true });
  }

  /** Downloads the decision letter again from the decided request. */
  async downloadLetter(): Promise<SavedRequestFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.decision().getByRole('button', { name: 'Decision letter' }).click(),
    ]);
    return saved(download);
  }

  /** The decision letter's entry in the document register: number, verification code, status. */
  letterRegistration() {
    return this.decision().getByLabel('Decision letter in the register');
  }

  /** Corrects the decision letter as the SSC director and returns the corrected letter the browser saved. */
  async correctLetter(reason: string, reasoning: string): Promise<SavedRequestFile> {
    await this.decision().getByRole('button', { name: 'Correct letter…' }).click();
    const modal = this.page.getByRole('dialog', { name: /^Correct decision letter/ });
    await modal.getByLabel('Why the letter is corrected').fill(reason);
    await modal.getByLabel('Reasons as the corrected letter states them').fill(reasoning);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      modal.getByRole('button', { name: 'Issue corrected letter' }).click(),
    ]);
    await modal.waitFor({ state: 'hidden' });
    return saved(download);
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }
}

/** The "Requests" section of a student file: the student's requests and "New request…". */
export class StudentRequestsPanel {
  constructor(readonly page: Page) {}

  async openStudent(baseUrl: string, studentId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/students?id=${studentId}`);
    await this.section().waitFor();
  }

  section() {
    return this.page.getByRole('region', { name: 'Requests', exact: true });
  }

  /** Registers a request and returns its dialog, which opens on the new request. */
  async newRequest(kind: RegExp, grounds: string): Promise<SscRequestDialog> {
    await this.section().getByRole('button', { name: 'New request…' }).click();
    const form = this.page.getByRole('dialog', { name: 'New request to the SSC' });
    await form.getByLabel('Request', { exact: true }).click();
    await this.page.getByRole('option', { name: kind }).click();
    await form.getByLabel('Grounds the student gives').fill(grounds);
    await form.getByRole('button', { name: 'Register request' }).click();
    await form.waitFor({ state: 'hidden' });
    const dialog = this.page.getByRole('dialog', { name: /^Request SSC-/ });
    await dialog.getByRole('list', { name: 'Completeness' }).waitFor();
    return new SscRequestDialog(this.page, dialog);
  }

  /** The reference of the request shown in the open dialog. */
  async openReference(): Promise<string> {
    const title = await this.page
      .getByRole('dialog', { name: /^Request SSC-/ })
      .getAttribute('aria-labelledby');
    const text = title ? await this.page.locator(`#${title}`).innerText() : '';
    return /SSC-\d{4}-\d{5}/.exec(text)?.[0] ?? '';
  }

  row(reference: string) {
    return this.section().getByRole('row').filter({ hasText: reference });
  }
}

/** The "Requests to the SSC" screen: the worklist by Art 42 deadline, and a request opened from it. */
export class SscRequestsPage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: 'Requests to the SSC' });
  }

  row(reference: string) {
    return this.table().locator('tbody tr').filter({ hasText: reference });
  }

  /** The references in the worklist's order. */
  async references(): Promise<string[]> {
    const texts = await this.table().locator('tbody tr').allInnerTexts();
    return texts.map((t) => /SSC-\d{4}-\d{5}/.exec(t)?.[0] ?? '');
  }

  async openRequest(reference: string): Promise<SscRequestDialog> {
    await this.row(reference).dblclick();
    const dialog = this.page.getByRole('dialog', { name: `Request ${reference}` });
    await dialog.getByRole('list', { name: 'Completeness' }).waitFor();
    return new SscRequestDialog(this.page, dialog);
  }
}
