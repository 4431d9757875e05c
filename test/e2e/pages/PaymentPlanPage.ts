import type { Page } from 'playwright-core';

/** The payment plan: deadline, ways of paying and the instalment schedule (Art 14, 31). */
export class PaymentPlanPage {
  constructor(readonly page: Page) {}

  /** Types the fee to pay, in euros. */
  async enterFee(euros: string): Promise<void> {
    await this.page.getByLabel('Fee to pay', { exact: true }).fill(euros);
  }

  async chooseIntake(intake: 'September' | 'February'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Intake' })
      .locator('label')
      .filter({ hasText: intake })
      .click();
  }

  async setUmAppliesForStudyPermit(applies: boolean): Promise<void> {
    await this.page
      .getByLabel("UM applies for the student's residence permit for study (Art 31.6–31.7)")
      .setChecked(applies);
  }

  async chooseMethod(label: RegExp | string): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }

  async enterIban(iban: string): Promise<void> {
    await this.page.getByLabel('IBAN', { exact: true }).fill(iban);
  }

  instalments() {
    return this.page.getByRole('region', { name: 'Instalments' });
  }

  /** Each row of the schedule as [number, debit date, fee, charge, amount], without spaces in amounts. */
  async scheduleRows(): Promise<string[][]> {
    const rows = this.instalments().getByRole('table', { name: 'Instalment schedule' }).locator('tbody tr');
    const texts: string[][] = [];
    for (const row of await rows.all()) {
      texts.push((await row.getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s/g, '')));
    }
    return texts;
  }

  async total(which: 'Total fee' | 'Total amount'): Promise<string> {
    return (await this.instalments().getByLabel(which).innerText()).replace(/\s/g, '');
  }

  /** The articles of the refusal of instalments. */
  async refusalArticles(): Promise<string[]> {
    return this.instalments()
      .getByRole('list', { name: 'Reasons: instalments refused' })
      .getByRole('button')
      .allInnerTexts();
  }

  /** Whether a way of paying is marked allowed or refused. */
  async methodStatus(method: string): Promise<string> {
    return ((await this.page.getByLabel(new RegExp(`^${method}: `)).textContent()) ?? '').trim();
  }
}
