import type { Locator, Page } from 'playwright-core';

/** "Re-sit retention" opened from the Exchange screen: the worklist of a fall semester, the dry run and the run. */
export class ResitRetentionDialog {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Re-sit retention at the end of the fall semester' });
  }

  /** Opens it with the button on the Exchange screen. */
  static async open(page: Page): Promise<ResitRetentionDialog> {
    await page.getByRole('button', { name: 'Re-sit retention' }).click();
    const view = new ResitRetentionDialog(page);
    await view.rows().first().waitFor();
    return view;
  }

  table() {
    return this.dialog.getByRole('table', { name: 'Re-sit retention worklist' });
  }

  rows() {
    return this.table().locator('tbody tr[data-row]');
  }

  row(studentNumber: string) {
    return this.rows().filter({ hasText: studentNumber });
  }

  outcome(studentNumber: string) {
    return this.dialog.getByLabel(`Outcome of ${studentNumber}`);
  }

  reasons(studentNumber: string) {
    return this.dialog.getByRole('list', { name: `Reasons for ${studentNumber}` });
  }

  summary() {
    return this.dialog.getByLabel('Retention summary');
  }

  /**
   * Moves to the last row with the keyboard (Home, then End) and measures, against the worklist's own
   * scroll area: where its top, the header, the first row and the focused row are.
   */
  async scrollToLastRowWithKeyboard(): Promise<{
    viewportTop: number;
    headerTop: number;
    firstRowTop: number;
    focusedIsLast: boolean;
  }> {
    await this.rows().first().focus();
    await this.page.keyboard.press('Home');
    await this.page.keyboard.press('End');
    const focused = this.table().locator('tbody tr[data-row]:focus');
    await focused.waitFor();
    const viewport = this.dialog.locator('.mantine-ScrollArea-viewport', {
      has: this.page.getByRole('table', { name: 'Re-sit retention worklist' }),
    });
    return {
      viewportTop: (await viewport.boundingBox())?.y ?? Number.NaN,
      headerTop: (await this.table().locator('thead').boundingBox())?.y ?? Number.NaN,
      firstRowTop: (await this.rows().first().boundingBox())?.y ?? Number.NaN,
      focusedIsLast: (await focused.innerText()) === (await this.rows().last().innerText()),
    };
  }

  async dryRun(): Promise<Locator> {
    await this.dialog.getByRole('button', { name: 'Preview run (dry run)' }).click();
    const result = this.dialog.getByRole('region', { name: 'Dry run result' });
    await result.waitFor();
    return result;
  }

  /** Runs after the confirmation and returns the result. */
  async run(): Promise<Locator> {
    await this.dialog.getByRole('button', { name: 'Run retention…' }).click();
    const confirm = this.page.getByRole('dialog', { name: 'Run the re-sit retention?' });
    await confirm.getByRole('button', { name: /^Remove \d+, keep \d+$/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    const result = this.dialog.getByRole('region', { name: 'Run result' });
    await result.waitFor();
    return result;
  }

  runs() {
    return this.dialog.getByRole('region', { name: 'Retention runs' });
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }
}

/** The re-sit sections of an exchange student's dialog: the request to stay and plagiarism. */
export class ResitSections {
  constructor(
    readonly page: Page,
    readonly dialog: Locator,
  ) {}

  stay() {
    return this.dialog.getByRole('region', { name: 'Re-sits after the fall semester' });
  }

  registrationState() {
    return this.stay().getByLabel('Active registration', { exact: true });
  }

  request() {
    return this.stay().getByLabel('Request to stay', { exact: true });
  }

  /** The button that records the request to stay. */
  recordStayButton() {
    return this.stay()
      .getByRole('form', { name: 'Request to stay for the re-sits' })
      .getByRole('button', { name: 'Record request to stay' });
  }

  /** Records the student's request to stay for the period-2 re-sits. */
  async recordStayRequest(askedOn: string, note: string): Promise<void> {
    const form = this.stay().getByRole('form', { name: 'Request to stay for the re-sits' });
    await form.getByLabel('Asked on').fill(askedOn);
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Record request to stay' }).click();
  }

  plagiarism() {
    return this.dialog.getByRole('region', { name: 'Plagiarism' });
  }

  exclusion() {
    return this.plagiarism().getByLabel('Re-sit exclusion', { exact: true });
  }

  finding(period: number) {
    return this.plagiarism().getByRole('row', { name: `Finding period ${period}` });
  }

  /** Fills the plagiarism form and opens the confirmation; returns the confirmation dialog. */
  async startPlagiarism(period: number, decidedOn: string, note: string): Promise<Locator> {
    const form = this.plagiarism().getByRole('form', { name: 'Record plagiarism' });
    await form.getByRole('combobox', { name: 'Plagiarism period' }).click();
    await this.page.getByRole('option', { name: `Period ${period}`, exact: true }).click();
    await form.getByLabel('Decided on').fill(decidedOn);
    await form.getByLabel('Finding').fill(note);
    await form.getByRole('button', { name: 'Record plagiarism…' }).click();
    const confirm = this.page.getByRole('dialog', { name: `Record plagiarism in period ${period}?` });
    await confirm.waitFor();
    return confirm;
  }
}
