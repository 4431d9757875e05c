import type { Download, Page } from 'playwright-core';

/** A PDF the browser saved: its suggested name and bytes. */
export interface SavedFile {
  fileName: string;
  bytes: Buffer;
}

async function saved(download: Download): Promise<SavedFile> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The "Documents issued" section of a student file: issue, open, reissue and revoke documents. */
export class IssuedDocumentsPanel {
  constructor(readonly page: Page) {}

  async openStudent(baseUrl: string, studentId: number): Promise<void> {
    await this.page.goto(`${baseUrl}/#/students?id=${studentId}`);
    await this.section().waitFor();
  }

  section() {
    return this.page.getByRole('region', { name: 'Documents issued', exact: true });
  }

  /** Issues a BBC for the first enrolment and returns the PDF the browser saved. */
  async issueBbc(): Promise<SavedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.section()
        .getByRole('button', { name: /^Issue BBC for/ })
        .first()
        .click(),
    ]);
    return saved(download);
  }

  /** Asks for a BBC that the rules refuse and returns the refusal's text. */
  async issueBbcRefused(): Promise<string> {
    await this.section()
      .getByRole('button', { name: /^Issue BBC for/ })
      .first()
      .click();
    const alert = this.section().getByRole('alert');
    await alert.waitFor();
    return alert.innerText();
  }

  row(number: string) {
    return this.section().getByRole('row').filter({ hasText: number });
  }

  status(number: string) {
    return this.section().getByLabel(`Status of ${number}`);
  }

  /** Opens (downloads) an issued document as issued. */
  async open(number: string): Promise<SavedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.section()
        .getByRole('button', { name: `Open ${number}` })
        .click(),
    ]);
    return saved(download);
  }

  /** Revokes a document with a reason, confirming in the dialog. */
  async revoke(number: string, reason: string): Promise<void> {
    await this.section()
      .getByRole('button', { name: `Revoke ${number}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Revoke ${number}` });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: `Revoke ${number}` }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
