import type { Page } from 'playwright-core';

/** "Courses without programme". */
export class OrphanCoursesPage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: 'Courses without programme' });
  }

  rowOf(courseCode: string) {
    return this.table().locator('tbody tr').filter({ hasText: courseCode });
  }

  /** Codes of the courses listed, in order. */
  async courseCodes(): Promise<string[]> {
    return this.table().locator('tbody tr td:nth-child(2)').allInnerTexts();
  }

  async filter(text: string): Promise<void> {
    await this.page.getByLabel('Filter courses without programme').fill(text);
  }

  async select(courseCode: string): Promise<void> {
    await this.rowOf(courseCode).getByRole('checkbox').check();
  }

  linkButton() {
    return this.page.getByRole('button', { name: /^Link (to programme|\d+ courses)/ });
  }

  /** Opens the link dialog for the selection and picks programmes by typing part of their names. */
  async linkSelectionTo(programmeSearches: readonly string[]): Promise<void> {
    await this.linkButton().click();
    const dialog = this.page.getByRole('dialog');
    const picker = dialog.getByLabel('Programmes');
    for (const search of programmeSearches) {
      await picker.fill(search);
      await this.page.getByRole('option').first().click();
    }
    // Leave the picker so its dropdown closes, as a keyboard user would.
    await picker.press('Tab');
    await dialog.getByRole('button', { name: 'Link', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}
