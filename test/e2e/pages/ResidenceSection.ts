import type { Page } from 'playwright-core';
import { LongTermResidentCheckPage } from './LongTermResidentCheckPage';

/** The residence section of a student's file: the WSF group, the App III decision and its dialog. */
export class ResidenceSection {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByRole('region', { name: 'WSF group and EU long-term residence' });
  }

  wsfGroup() {
    return this.section().getByLabel('WSF group', { exact: true });
  }

  decision() {
    return this.section().getByLabel('EU long-term resident decision');
  }

  async reasonArticles(): Promise<string[]> {
    return this.section()
      .getByRole('list', { name: 'Why this WSF group' })
      .getByRole('button')
      .allInnerTexts();
  }

  /** Opens the dialog; its form is the same as the standalone check's. */
  async openCheck(): Promise<LongTermResidentCheckPage> {
    await this.section().getByRole('button', { name: 'Check residence document…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return new LongTermResidentCheckPage(this.page, dialog);
  }

  async recordDecision(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: 'Record decision' }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'hidden' });
  }
}
