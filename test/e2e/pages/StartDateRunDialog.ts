import type { Page } from 'playwright-core';

/** The Start-date run… dialog of the Documents screen (Art 13.3). */
export class StartDateRunDialog {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByRole('dialog', { name: 'Start-date run (Art 13.3)' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start-date run…' }).click();
    await this.dialog().waitFor();
  }

  /** Runs a dry run for `date` and waits for its outcome. */
  async dryRun(date: string): Promise<void> {
    await this.dialog().getByLabel('Run on').fill(date);
    await this.dialog().getByRole('button', { name: 'Dry run' }).click();
    await this.dialog().getByText('Dry run: nothing changed').waitFor();
  }

  /** Applies the run after the dry run, confirming that it changes statuses. */
  async apply(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Apply…' }).click();
    await this.dialog().getByRole('alert').filter({ hasText: 'This changes statuses' }).waitFor();
    await this.dialog().getByRole('button', { name: 'Apply the start-date run' }).click();
    await this.dialog().getByText('Applied', { exact: true }).waitFor();
  }

  /** The line of a student: outcome, missing documents and reasons. */
  row(studentNumber: string) {
    return this.dialog()
      .getByRole('table', { name: 'Start-date run' })
      .locator('tbody tr')
      .filter({ hasText: studentNumber });
  }

  /** The outcome of a student's line as written, e.g. 'Denied'. */
  async outcome(studentNumber: string): Promise<string> {
    return (
      (await this.row(studentNumber).locator('td').nth(1).locator('.mantine-Badge-label').textContent()) ?? ''
    ).trim();
  }

  /** Downloads the letter of a student's line and returns its bytes. */
  async downloadLetter(studentNumber: string): Promise<{ fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.row(studentNumber)
        .getByRole('button', { name: `Letter to ${studentNumber}` })
        .click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { fileName: download.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }
}
