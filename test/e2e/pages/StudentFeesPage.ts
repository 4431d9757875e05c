import type { Page } from 'playwright-core';

/** Students and fees: search, a student's enrolments with Fee panels, and the ledger. */
export class StudentFeesPage {
  constructor(readonly page: Page) {}

  async open(studentNumber: string): Promise<void> {
    await this.page.getByLabel('Search students').fill(studentNumber);
    const row = this.page
      .getByRole('table', { name: 'Students' })
      .locator('tbody tr')
      .filter({ hasText: studentNumber })
      .first();
    await row.waitFor();
    await row.focus();
    await this.page.keyboard.press('Enter');
    await this.page.getByLabel('Balance').waitFor();
  }

  async balance(): Promise<string> {
    return ((await this.page.getByLabel('Balance').textContent()) ?? '').replace(/\s/g, ' ');
  }

  feePanel(programmeName: string) {
    return this.page.getByRole('region', { name: `Fee of ${programmeName}` });
  }

  async feeAmount(programmeName: string): Promise<string> {
    return (await this.feePanel(programmeName).getByLabel('Fee amount').innerText()).replace(/\s/g, '');
  }

  ledgerRows() {
    return this.page.getByRole('table', { name: 'Ledger' }).locator('tbody tr');
  }

  /** Enrols with the facts form: programme by search, one nationality. */
  async enrol(programmeSearch: string, nationality: { name: string; code: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Enrol…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Programme', { exact: true }).first().fill(programmeSearch);
    await this.page.getByRole('option').first().click();
    await dialog.getByLabel('Nationalities').first().fill(nationality.name);
    await this.page.getByRole('option', { name: `${nationality.name} (${nationality.code})` }).click();
    await dialog.getByLabel('Nationalities').first().press('Escape');
    await dialog.getByRole('button', { name: 'Enrol and charge the fee' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async recordPayment(euros: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Record payment…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Amount (€)').fill(euros);
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Changes one fact in the Fee panel: the date of the first Dutch higher-education enrolment. */
  async changeFirstDutchEnrolment(programmeName: string, date: string, reason: string): Promise<void> {
    await this.feePanel(programmeName).getByRole('button', { name: 'Change facts…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('First Dutch HE enrolment since 1991').fill(date);
    await dialog.getByLabel('Why the facts change').fill(reason);
    await dialog.getByRole('button', { name: 'Assess again and book the difference' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Ends an enrolment at the student's request: calculates, returns the dialog's text, then confirms. */
  async endEnrolment(programmeName: string, requestDate: string): Promise<string> {
    await this.feePanel(programmeName).getByRole('button', { name: 'End enrolment…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Request received on (Studielink)').fill(requestDate);
    await dialog.getByRole('button', { name: 'Calculate the refund' }).click();
    const confirm = dialog.getByRole('button', { name: 'End the enrolment and book the refund' });
    await dialog.getByText('Art 34', { exact: false }).first().waitFor();
    const text = await dialog.innerText();
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    return text;
  }

  /** Opens the payment arrangement of an enrolment and chooses direct debit in instalments; the dialog stays open. */
  async chooseInstalments(
    programmeName: string,
    mandate: { iban: string; accountHolder: string; signedOn: string },
    debitDates: readonly string[],
  ): Promise<void> {
    await this.feePanel(programmeName)
      .getByRole('button', { name: /payment/i })
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Direct debit in instalments (Art 31.4c)').check();
    await dialog.getByLabel('IBAN').fill(mandate.iban);
    await dialog.getByLabel('Account holder').fill(mandate.accountHolder);
    await dialog.getByLabel('Mandate signed on').fill(mandate.signedOn);
    for (const [index, date] of debitDates.entries()) {
      await dialog.getByLabel(new RegExp(`^Instalment ${index + 1}\\b`)).fill(date);
    }
    await dialog.getByRole('button', { name: 'Record the arrangement' }).click();
  }

  instalmentRows(programmeName: string) {
    return this.feePanel(programmeName)
      .getByRole('table', { name: 'Instalment schedule' })
      .locator('tbody tr');
  }
}
