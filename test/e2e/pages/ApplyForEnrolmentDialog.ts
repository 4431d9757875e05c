import type { Page } from 'playwright-core';

/** The Apply for enrolment… dialog of the enrolment desk on a student's page. */
export class ApplyForEnrolmentDialog {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByRole('dialog', { name: /^Apply for enrolment/ });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply for enrolment…' }).click();
    await this.dialog().waitFor();
  }

  /** Picks the programme by typing part of its name and choosing the option, e.g. 'Psychology (bachelor’s)'. */
  async chooseProgramme(text: string, option: string): Promise<void> {
    const input = this.dialog().getByLabel('Programme');
    await input.click();
    await input.fill(text);
    await this.page.getByRole('option', { name: option, exact: true }).click();
    // The fee facts are prefilled from the profile once the programme is chosen.
    await this.dialog().getByText('Nationality and residence').waitFor();
  }

  /** The nationalities the prefilled fee facts show, e.g. ['Greece (GR)']. */
  async factsNationalities(): Promise<string[]> {
    const pills = this.dialog()
      .locator('.mantine-InputWrapper-root')
      .filter({ has: this.page.getByText('Nationalities', { exact: true }) })
      .locator('.mantine-Pill-label');
    return (await pills.allTextContents()).map((t) => t.trim());
  }

  async submit(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Record the application' }).click();
  }

  /** The refusal with its articles, shown when Art 2–3 refuse the enrolment. */
  refusal() {
    return this.dialog().getByRole('alert').filter({ hasText: 'The enrolment is refused' });
  }
}
