import type { Locator, Page } from 'playwright-core';

/** The IRO's "Exchange" screen: the overview by semester and home university, and a student opened in a dialog. */
export class ExchangePage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: 'Exchange students' });
  }

  rows() {
    return this.table().locator('tbody tr[data-row]');
  }

  /** Chooses a semester ('Fall 2022 …' / 'Spring 2023 …') in the filter. */
  async filterSemester(label: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Semester', exact: true }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  /** Chooses a home university in the filter. */
  async filterHomeUniversity(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Home university', exact: true }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Narrows the table by text and opens the student's row with the keyboard. */
  async openWithKeyboard(studentNumber: string): Promise<ExchangeStudentDialog> {
    await this.page.getByLabel('Filter exchange students').fill(studentNumber);
    const row = this.rows().filter({ hasText: studentNumber });
    await row.focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('region', { name: 'Stay' }).waitFor();
    return new ExchangeStudentDialog(this.page, dialog);
  }
}

/** One exchange student opened from the overview. */
export class ExchangeStudentDialog {
  constructor(
    readonly page: Page,
    readonly dialog: Locator,
  ) {}

  period(period: number) {
    return this.dialog.getByRole('region', { name: `Period ${period}`, exact: true });
  }

  violations(period: number) {
    return this.dialog.getByRole('list', { name: `Rule violations in period ${period}` });
  }

  registration(code: string) {
    return this.dialog.getByLabel(`Registration ${code}`);
  }

  refusal() {
    return this.dialog.getByRole('alert', { name: 'Refused', exact: true });
  }

  lastDecision() {
    return this.dialog.getByRole('region', { name: 'Last decision', exact: true });
  }

  attempt(code: string, sitting: 'first sitting' | 're-sit') {
    return this.dialog.getByRole('row', { name: `${code} ${sitting}` });
  }

  /** Picks a course of a period in the course picker and registers it. */
  async registerCourse(period: number, code: string): Promise<void> {
    const form = this.dialog.getByRole('form', { name: 'Register a course' });
    await form.getByRole('combobox', { name: 'Period', exact: true }).click();
    await this.page.getByRole('option', { name: `Period ${period}`, exact: true }).click();
    await form.getByRole('combobox', { name: 'Course', exact: true }).fill(code);
    await this.page.getByRole('option', { name: new RegExp(`^${code} `) }).click();
    await form.getByRole('button', { name: 'Register' }).click();
  }

  async dropCourse(code: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Drop ${code}` }).click();
  }

  async deregisterResit(code: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Deregister ${code} re-sit` }).click();
  }

  async registerResit(code: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Register ${code} re-sit` }).click();
  }

  /** Records a grade ('4.5', 'NG') for a sitting of a course. */
  async recordResult(code: string, sitting: 'First sitting' | 'Re-sit', grade: string, gradedOn: string) {
    const form = this.dialog.getByRole('form', { name: 'Record a result' });
    await form.getByRole('combobox', { name: 'Result for', exact: true }).click();
    await this.page.getByRole('option', { name: code, exact: true }).click();
    await form.getByRole('combobox', { name: 'Sitting', exact: true }).click();
    await this.page.getByRole('option', { name: sitting, exact: true }).click();
    await form.getByLabel('Grade', { exact: true }).fill(grade);
    await form.getByLabel('Graded on').fill(gradedOn);
    await form.getByRole('button', { name: 'Record result' }).click();
  }
}
