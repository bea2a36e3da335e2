import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';

import { cell, deal, history, startWithDeals } from '../bundle/deals';
import { startAddon } from '../bundle/harness';
import type { Sidebar } from './sidebar-page';
import { describeInChromium, openSidebar } from './sidebar-page';

let sidebar: Sidebar | undefined;
afterEach(async () => {
  await sidebar?.close();
  sidebar = undefined;
});

function calls(name: string): unknown[][] {
  return sidebar!.log.calls.filter((call) => call.name === name).map((call) => call.args);
}

/** Opens Move, types `query` and chooses the first suggestion by keyboard. */
async function chooseDeal(page: Page, query: string): Promise<void> {
  await page.getByRole('tab', { name: 'Move' }).click();
  await page.getByRole('combobox', { name: 'Find a deal by ID, name or company' }).fill(query);
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Move to' }).waitFor();
}

describeInChromium('Move a deal', (browser) => {
  it('moves a deal to a lost stage with its reason, in one step', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2, { deal: 'Kiosk pilot', company: 'Umbrella' })]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await chooseDeal(page, 'umbrella');
    await page.getByRole('combobox', { name: 'Move to' }).selectOption('Closed Lost');
    const reason = page.getByRole('textbox', { name: 'Lost Reason' });
    expect(await reason.getAttribute('aria-required')).toBe('true');
    await page.getByRole('button', { name: 'Move to Closed Lost' }).click();
    await expect
      .poll(() => page.locator('#move-lostReason-error').textContent())
      .toMatch(/^Lost Reason is required/);
    expect(calls('moveDeal')).toEqual([]);

    await reason.fill('Budget cut');
    await reason.press('Enter');
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Moved D-0002 “Kiosk pilot” from Lead to Closed Lost.');
    expect(calls('moveDeal')).toEqual([['D-0002', 'Closed Lost', { lostReason: 'Budget cut' }]]);
    expect(cell(started, 'stage', 3)).toBe('Closed Lost');
    expect(cell(started, 'lostReason', 3)).toBe('Budget cut');
    expect(history(started).at(-1)?.slice(1)).toEqual([
      'D-0002',
      'Kiosk pilot',
      'Lead',
      'Closed Lost',
      'owner@example.com',
      'sidebar',
      '',
    ]);
  });

  it('offers only the moves the deal’s stage allows', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { stage: 'Negotiation' })]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await chooseDeal(page, 'D-0001');
    const moves = await page.locator('#move-target option').allTextContents();
    expect(moves).toEqual(['Proposal', 'Closed Won', 'Closed Lost']);
  });

  it('asks the server once the typing pauses, not at every keystroke', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1), deal(2), deal(3)]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await page.getByRole('tab', { name: 'Move' }).click();
    await page.getByRole('combobox', { name: 'Find a deal by ID, name or company' }).focus();
    await page.keyboard.type('Company', { delay: 30 });
    await expect.poll(() => page.getByRole('option').count()).toBe(3);
    expect(calls('searchDeals')).toEqual([['Company']]);
    await expect.poll(() => page.locator('#move-search ~ .hint').textContent()).toBe('3 deals found.');
  });
});
