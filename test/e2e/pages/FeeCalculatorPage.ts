import type { Page } from 'playwright-core';

/** The fee calculator (what-if). */
export class FeeCalculatorPage {
  constructor(readonly page: Page) {}

  card(title: 'Assessment' | 'Pinned' | 'With your change') {
    return this.page.getByRole('region', { name: title });
  }

  async amountOf(title: 'Assessment' | 'Pinned' | 'With your change'): Promise<string> {
    return (await this.card(title).getByLabel('Tuition amount').innerText()).replace(/\s/g, '');
  }

  async kindOf(title: 'Assessment' | 'Pinned' | 'With your change'): Promise<string> {
    return (await this.card(title).getByLabel('Fee kind').textContent()) ?? '';
  }

  /** The article references of the tuition reasons shown in a card. */
  async articlesOf(title: 'Assessment' | 'Pinned' | 'With your change'): Promise<string[]> {
    return this.card(title)
      .getByRole('list', { name: `Reasons: ${title}` })
      .getByRole('button')
      .allInnerTexts();
  }

  async pin(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pin to compare' }).click();
  }

  async setFirstDutchEnrolment(date: string): Promise<void> {
    await this.page.getByLabel('First Dutch HE enrolment since 1991').fill(date);
  }

  async chooseProgramme(search: string): Promise<void> {
    const input = this.page
      .getByRole('textbox', { name: 'Programme' })
      .or(this.page.getByLabel('Programme', { exact: true }))
      .first();
    await input.fill(search);
    await this.page.getByRole('option').first().click();
  }
}
