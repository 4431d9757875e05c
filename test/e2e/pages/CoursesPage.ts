import type { Page } from 'playwright-core';

/** The course list and the course drawer. */
export class CoursesPage {
  constructor(readonly page: Page) {}

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Search courses').fill(text);
  }

  row(courseCode: string) {
    return this.page
      .getByRole('table', { name: 'Courses' })
      .locator('tbody tr')
      .filter({ hasText: courseCode });
  }

  /** Opens a course with the keyboard: focus its row, press Enter. */
  async open(courseCode: string): Promise<void> {
    await this.row(courseCode).first().waitFor();
    await this.row(courseCode).first().focus();
    await this.page.keyboard.press('Enter');
    await this.drawer().waitFor();
  }

  drawer() {
    return this.page.getByRole('dialog');
  }

  async setTitle(title: string): Promise<void> {
    await this.drawer().getByLabel('Title').fill(title);
  }

  async save(): Promise<void> {
    await this.drawer().getByRole('button', { name: 'Save course' }).click();
  }
}
