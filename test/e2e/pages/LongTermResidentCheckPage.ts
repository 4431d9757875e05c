import type { Page } from 'playwright-core';

/** The EU long-term resident check (App III), on its own screen or in the student's residence dialog. */
export class LongTermResidentCheckPage {
  /** `scope`: the page, or a dialog holding the same form. */
  constructor(
    readonly page: Page,
    readonly scope: Pick<Page, 'getByLabel' | 'getByRole'> = page,
  ) {}

  /** Picks the issuing Member State by typing part of its name into the searchable list. */
  async chooseMemberState(search: string, option: string): Promise<void> {
    await this.scope.getByLabel('Issuing Member State', { exact: true }).first().fill(search);
    await this.page.getByRole('option', { name: option }).click();
  }

  async typeWording(wording: string): Promise<void> {
    await this.scope.getByLabel('Wording on the residence document').fill(wording);
  }

  result() {
    return this.scope.getByRole('region', { name: 'Check result' });
  }

  /** Waits for the outcome badge to read `outcome` ('match', 'no match', 'needs review'). */
  async waitForOutcome(outcome: string): Promise<void> {
    await this.result()
      .getByLabel('Outcome')
      .filter({ hasText: new RegExp(`^${outcome}$`, 'i') })
      .waitFor();
  }

  officialTerm() {
    return this.result().getByLabel('Official term');
  }

  async reasonArticles(): Promise<string[]> {
    return this.result().getByRole('list', { name: 'Why' }).getByRole('button').allInnerTexts();
  }
}
