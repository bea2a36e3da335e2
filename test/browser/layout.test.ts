import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';

import { deal, startWithDeals } from '../bundle/deals';
import type { Addon } from '../bundle/harness';
import { startAddon } from '../bundle/harness';
import type { Sidebar } from './sidebar-page';
import { describeInChromium, openSidebar, overflowsSideways, screenshot } from './sidebar-page';

let sidebar: Sidebar | undefined;
afterEach(async () => {
  await sidebar?.close();
  sidebar = undefined;
});

const ME = 'owner@example.com';
const DAY_MS = 86_400_000;

/**
 * A team's pipeline three weeks after its deals went in: follow-ups overdue and due, Leads gone
 * stale, one deal won, and a name too long for a line.
 */
function teamPipeline(): Addon {
  const started = startAddon();
  startWithDeals(started, [
    deal(1, {
      deal: 'Fleet tablets',
      company: 'Initech',
      owner: ME,
      followUp: '2026-12-10',
      nextStep: 'Send the quote',
    }),
    deal(2, { deal: 'Kiosk pilot', company: 'Umbrella', owner: ME, followUp: '2026-12-18' }),
    deal(3, { deal: 'Enterprise-wide-rollout-of-the-new-tablet-fleet', company: 'Globex', owner: ME }),
    deal(4, { stage: 'Negotiation', owner: 'rep@team.example', amount: 48_000, closeDate: '2026-12-01' }),
    deal(5, { stage: 'Proposal', owner: ME, amount: 15_500, closeDate: '2027-02-01' }),
  ]);
  started.addon.run('moveDeal', 'D-0004', 'Closed Won', {});
  started.emulator.clock.advance(21 * DAY_MS);
  return started;
}

async function showView(page: Page, tab: string | RegExp): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
}

describeInChromium('The sidebar at 300 px', (browser) => {
  it('shows every view without sideways scrolling, and saves a screenshot of each', async () => {
    sidebar = await openSidebar(browser(), teamPipeline());
    const { page } = sidebar;

    await page.getByRole('textbox', { name: 'Deal', exact: true }).fill('Warehouse scanners');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('ann@');
    await page.getByRole('textbox', { name: 'Email', exact: true }).press('Tab');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'new-deal');

    await showView(page, 'Move');
    await page.getByRole('combobox', { name: 'Find a deal by ID, name or company' }).fill('umbrella');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Move to' }).selectOption('Closed Lost');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'move-deal');

    await showView(page, /My day/);
    await page.getByRole('region', { name: 'Stale deals' }).waitFor();
    expect(await page.locator('#panel-day').textContent()).toContain(
      'Enterprise-wide-rollout-of-the-new-tablet-fleet',
    );
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'my-day');

    await showView(page, 'Pipeline');
    const kpi = (label: string) =>
      page.locator('.kpi').filter({ hasText: label }).locator('dd').textContent();
    expect(await kpi('Won this quarter')).toBe('$48,000');
    expect(await kpi('Win rate')).toBe('100 %');
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'pipeline');
  });
});
