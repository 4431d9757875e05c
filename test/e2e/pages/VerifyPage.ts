import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The Verify screen: a verification code or a presented PDF, and the register's answer. */
export class VerifyPage {
  constructor(readonly page: Page) {}

  result() {
    return this.page.getByRole('status', { name: 'Verification result' });
  }

  /** Verifies a code and returns the answer's text once it names `expected`. */
  async verifyCode(code: string, expected: string | RegExp): Promise<string> {
    await this.page.getByLabel('Verification code').fill(code);
    await this.page.getByRole('button', { name: 'Verify code' }).click();
    await this.result().filter({ hasText: expected }).waitFor();
    return this.result().innerText();
  }

  /** Verifies a PDF as if dropped there, through the file chooser, and returns the answer's text. */
  async verifyFile(bytes: Buffer, expected: string | RegExp): Promise<string> {
    const file = join(mkdtempSync(join(tmpdir(), 'desk-verify-')), 'presented.pdf');
    writeFileSync(file, bytes);
    await this.page.getByLabel('PDF to verify').setInputFiles(file);
    await this.result().filter({ hasText: expected }).waitFor();
    return this.result().innerText();
  }
}
