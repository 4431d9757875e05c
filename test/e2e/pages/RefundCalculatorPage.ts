import type { Page } from 'playwright-core';

/** The refund calculator (Art 33–39) and its printed calculation. */
export class RefundCalculatorPage {
  constructor(readonly page: Page) {}

  /** Types the fee for the year and what was paid, in euros. */
  async enterFee(amounts: { applicable: string; paid: string }): Promise<void> {
    await this.page.getByLabel('Fee for the year', { exact: true }).fill(amounts.applicable);
    await this.page.getByLabel('Paid', { exact: true }).fill(amounts.paid);
  }

  /** Enters the date on which the student asked to terminate the enrolment (Art 33.2). */
  async requestTermination(date: string): Promise<void> {
    await this.page.getByLabel('Request date', { exact: true }).fill(date);
  }

  result() {
    return this.page.getByRole('region', { name: 'Refund' });
  }

  /** The figure on a line of the result, e.g. 'Effective date', without spaces. */
  async figure(label: string): Promise<string> {
    const row = this.result()
      .getByRole('table', { name: 'Refund figures' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
    return (await row.getByRole('cell').innerText()).replace(/\s+/g, ' ').trim();
  }

  async netRefund(): Promise<string> {
    return (await this.result().getByLabel('Net refund').innerText()).replace(/\s/g, '');
  }

  /** The article references of the reasons. */
  async articles(): Promise<string[]> {
    return this.result().getByRole('list', { name: 'Reasons: refund' }).getByRole('button').allInnerTexts();
  }

  /** Replaces the browser's print dialog with a flag, so that a test can see it was asked for. */
  async stubPrintDialog(): Promise<void> {
    await this.page.evaluate(() => {
      Reflect.set(globalThis, 'print', () => Reflect.set(globalThis, '__printed', true));
    });
  }

  async wasPrintRequested(): Promise<boolean> {
    return this.page.evaluate(() => Reflect.get(globalThis, '__printed') === true);
  }

  async print(): Promise<void> {
    await this.page.getByRole('button', { name: 'Print' }).click();
  }

  printout() {
    return this.page.getByRole('article', { name: 'Refund calculation' });
  }
}
