import type { Page } from 'playwright-core';

/** The command palette (Ctrl+K): jump to a student or a screen. */
export class CommandPalette {
  constructor(readonly page: Page) {}

  input() {
    return this.page.getByLabel('Jump to', { exact: true });
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.input().waitFor();
  }

  actions() {
    return this.page.locator('.mantine-Spotlight-action');
  }

  /** Opens the palette, types, and picks the first action with the keyboard. */
  async jumpTo(text: string, expectedAction: string | RegExp): Promise<void> {
    await this.open();
    await this.input().pressSequentially(text, { delay: 20 });
    await this.actions().filter({ hasText: expectedAction }).first().waitFor();
    await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.input().waitFor({ state: 'hidden' });
  }
}
