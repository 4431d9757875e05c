import type { Page } from 'playwright-core';

/** The New student… dialog of the Students screen. */
export class NewStudentDialog {
  constructor(readonly page: Page) {}

  dialog() {
    return this.page.getByRole('dialog', { name: 'New student' });
  }

  /** Opens the dialog from the Students screen. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New student…' }).click();
    await this.dialog().waitFor();
  }

  /** Picks an option of a Mantine Select or MultiSelect by typing and choosing it. */
  private async choose(label: string, text: string, option: string | RegExp): Promise<void> {
    const input = this.dialog().getByLabel(label);
    await input.click();
    await input.fill(text);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Fills the dialog; date of birth, country of residence and nationalities start the profile. */
  async fill(student: {
    studentNumber: string;
    givenNames: string;
    familyName: string;
    email?: string;
    dateOfBirth?: string;
    livesIn?: { type: string; option: string | RegExp };
    nationalities?: { type: string; option: string | RegExp }[];
  }): Promise<void> {
    const d = this.dialog();
    await d.getByLabel('Student number').fill(student.studentNumber);
    await d.getByLabel('Given names').fill(student.givenNames);
    await d.getByLabel('Family name').fill(student.familyName);
    if (student.email) await d.getByLabel('E-mail').fill(student.email);
    if (student.dateOfBirth) await d.getByLabel('Date of birth').fill(student.dateOfBirth);
    if (student.livesIn) await this.choose('Lives in', student.livesIn.type, student.livesIn.option);
    for (const nationality of student.nationalities ?? []) {
      await this.choose('Nationalities', nationality.type, nationality.option);
    }
    // Close an open option list, so that it does not cover the buttons.
    await d.getByText('New student', { exact: true }).first().click({ force: true });
  }

  async submit(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Add student' }).click();
  }

  /** The error shown beside a field, e.g. 'Student number'. */
  fieldError(label: string) {
    return this.dialog()
      .locator('.mantine-InputWrapper-root')
      .filter({ has: this.page.getByLabel(label) })
      .locator('[id$="-error"]');
  }
}
