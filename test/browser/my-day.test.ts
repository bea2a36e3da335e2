import { afterEach, expect, it } from 'vitest';

import { dayOfDate, isoOfDay } from '../../src/core/dates';
import { cell, deal, startWithDeals } from '../bundle/deals';
import type { Addon } from '../bundle/harness';
import { startAddon, TIME_ZONE } from '../bundle/harness';
import type { Sidebar } from './sidebar-page';
import { describeInChromium, openSidebar } from './sidebar-page';

let sidebar: Sidebar | undefined;
afterEach(async () => {
  await sidebar?.close();
  sidebar = undefined;
});

const ME = 'owner@example.com';

/** A date cell as yyyy-mm-dd in the spreadsheet's time zone. */
function dayIn(started: Addon, key: 'followUp' | 'lastContact', row: number): string {
  const value = cell(started, key, row);
  return value instanceof Date ? isoOfDay(dayOfDate(value, TIME_ZONE)) : `not a date: ${String(value)}`;
}

describeInChromium('My day', (browser) => {
  it('lists my overdue and due-today follow-ups, not the team’s', async () => {
    const started = startAddon();
    startWithDeals(started, [
      deal(1, { owner: ME, followUp: '2026-11-20' }),
      deal(2, { owner: ME, followUp: '2026-11-27' }),
      deal(3, { owner: 'rep@team.example', followUp: '2026-11-20' }),
      deal(4, { owner: ME, followUp: '2026-12-20' }),
    ]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    expect(await page.getByRole('tab', { name: /My day/ }).textContent()).toBe('My day2');
    await page.getByRole('tab', { name: /My day/ }).click();
    const listed = (section: string) =>
      page.getByRole('region', { name: section }).locator('.deal-title').allTextContents();
    expect(await listed('Overdue follow-ups')).toEqual(['D-0001 · Deal 1']);
    expect(await listed('Due today')).toEqual(['D-0002 · Deal 2']);
    expect(await page.locator('#panel-day').textContent()).toContain('7 days overdue');
  });

  it('marks a follow-up done in one click: next follow-up a week on, Last Contact today', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { owner: ME, followUp: '2026-11-20' })]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await page.getByRole('tab', { name: /My day/ }).click();
    await page.getByRole('button', { name: 'Done: follow-up of D-0001' }).click();

    await expect
      .poll(() => page.locator('#panel-day [role="status"]').textContent())
      .toBe('D-0001 “Deal 1”: follow-up done, next on 2026-12-04.');
    expect(sidebar.log.calls.filter((call) => call.name === 'updateDeal').map((call) => call.args)).toEqual([
      ['D-0001', { followUp: '2026-12-04', lastContact: '2026-11-27' }],
    ]);
    expect(dayIn(started, 'followUp', 2)).toBe('2026-12-04');
    expect(dayIn(started, 'lastContact', 2)).toBe('2026-11-27');
    await expect.poll(() => page.getByRole('button', { name: 'Done: follow-up of D-0001' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: /My day/ }).textContent()).toBe('My day');
  });

  it('takes another next date when one is chosen', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { owner: ME, followUp: '2026-11-27' })]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await page.getByRole('tab', { name: /My day/ }).click();
    await page.locator('#day-next-D-0001').fill('2026-12-15');
    await page.getByRole('button', { name: 'Done: follow-up of D-0001' }).click();
    await expect.poll(() => dayIn(started, 'followUp', 2)).toBe('2026-12-15');
  });
});
