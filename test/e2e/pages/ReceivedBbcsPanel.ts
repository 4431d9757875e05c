import type { Page } from 'playwright-core';

/** "BBCs received" and the Art 33.7 list in the "Documents issued" section of a student file. */
export class ReceivedBbcsPanel {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'Documents issued', exact: true });
  }

  /** Records a BBC of another institution on the first open enrolment (amount in euros, e.g. '2209'). */
  async record(bbc: {
    number: string;
    institution: string;
    feeKind: string;
    euros: string;
    receivedOn: string;
  }): Promise<void> {
    await this.section().getByRole('button', { name: 'Record received BBC…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Record received BBC (Art 14.6, 30)' });
    await dialog.getByLabel('BBC number').fill(bbc.number);
    await dialog.getByLabel('Institution', { exact: true }).fill(bbc.institution);
    await dialog.getByLabel('Fee paid there').click();
    await this.page.getByRole('option', { name: bbc.feeKind, exact: true }).click();
    await dialog.getByLabel('Amount paid').fill(bbc.euros);
    await dialog.getByLabel('Received on').fill(bbc.receivedOn);
    await dialog.getByRole('button', { name: 'Record BBC' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  received(number: string) {
    return this.section().getByLabel(`Received BBC ${number}`);
  }

  /** Withdraws a received BBC with a reason, confirming in the dialog; returns the dialog's warning. */
  async withdraw(number: string, reason: string): Promise<string> {
    await this.section()
      .getByRole('button', { name: `Withdraw BBC ${number}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Withdraw BBC ${number}` });
    const warning = await dialog.getByRole('alert').innerText();
    await dialog.getByLabel('Why is it withdrawn?').fill(reason);
    await dialog.getByRole('button', { name: `Withdraw BBC ${number}` }).click();
    await dialog.waitFor({ state: 'hidden' });
    return warning;
  }

  /** Issues a BBC for an institution through its dialog (the PDF downloads). */
  async issueBbcFor(institution: string): Promise<void> {
    await this.section()
      .getByRole('button', { name: /^BBC for an institution/ })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog', { name: 'BBC for an institution (Art 33.7)' });
    await dialog.getByLabel('Institution the BBC is for').fill(institution);
    await Promise.all([
      this.page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Issue BBC' }).click(),
    ]);
  }

  institutionToInform(institution: string) {
    return this.section().getByLabel(`Inform ${institution}`);
  }

  /** Records an institution of the Art 33.7 list as informed: day, how, and a note. */
  async markInformed(institution: string, how: string, note: string): Promise<void> {
    await this.section()
      .getByRole('button', { name: `Mark ${institution} informed` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `${institution} informed (Art 33.7)` });
    await dialog.getByLabel('How').click();
    await this.page.getByRole('option', { name: how, exact: true }).click();
    await dialog.getByLabel('Note').fill(note);
    await dialog.getByRole('button', { name: 'Record informed' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
