import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';

import { cell, deal, startWithDeals } from '../bundle/deals';
import type { Addon } from '../bundle/harness';
import { startAddon } from '../bundle/harness';
import type { Sidebar } from './sidebar-page';
import { describeInChromium, openSidebar } from './sidebar-page';

let sidebar: Sidebar | undefined;
afterEach(async () => {
  await sidebar?.close();
  sidebar = undefined;
});

function dealsRows(started: Addon): unknown[][] {
  return started.emulator.workbook.values('Deals').slice(1);
}

function calls(name: string): unknown[][] {
  return sidebar!.log.calls.filter((call) => call.name === name).map((call) => call.args);
}

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

describeInChromium('New deal', (browser) => {
  it('adds the deal, shows its new ID, clears the form, and the row is in Deals', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1)]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await field(page, 'Deal').fill('Fleet tablets');
    await field(page, 'Company').fill('Initech');
    await field(page, 'Email').fill('ann@initech.example');
    await field(page, 'Amount').fill('12,000');
    await page.getByRole('button', { name: 'Add deal' }).click();

    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Added D-0002');
    expect(await field(page, 'Deal').inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Owner' }).inputValue()).toBe('owner@example.com');
    expect(calls('addDeal')).toEqual([
      [
        {
          stage: 'Lead',
          deal: 'Fleet tablets',
          company: 'Initech',
          email: 'ann@initech.example',
          owner: 'owner@example.com',
          amount: '12,000',
        },
      ],
    ]);
    expect(cell(started, 'deal', 3)).toBe('Fleet tablets');
    expect(cell(started, 'id', 3)).toBe('D-0002');
    expect(cell(started, 'amount', 3)).toBe(12_000);
  });

  it('shows an invalid email beside its field, announced, and sends nothing', async () => {
    const started = startAddon();
    startWithDeals(started, []);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await field(page, 'Deal').fill('Fleet tablets');
    await field(page, 'Company').fill('Initech');
    await field(page, 'Email').fill('ann@');
    await field(page, 'Email').press('Tab');

    const error = page.locator('#new-email-error');
    await expect.poll(() => error.textContent()).toMatch(/^Email must be an email address.*"ann@"/);
    expect(await error.getAttribute('aria-live')).toBe('polite');
    expect(await field(page, 'Email').getAttribute('aria-invalid')).toBe('true');
    expect(await field(page, 'Email').getAttribute('aria-describedby')).toBe('new-email-error');

    await page.getByRole('button', { name: 'Add deal' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('1 field to fix: Email.');
    // Focus moves to the first bad field once the alert is shown (a render later).
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('new-email');
    expect(calls('addDeal')).toEqual([]);
    expect(dealsRows(started)).toEqual([]);

    await field(page, 'Email').fill('ann@initech.example');
    await expect.poll(() => error.textContent()).toBe('');
  });

  it('marks the fields the chosen stage requires, and follows the stage', async () => {
    const started = startAddon();
    startWithDeals(started, [deal(1, { owner: 'rep1@team.example' })]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;
    const required = () =>
      page.evaluate<string[]>(
        `[...document.querySelectorAll('#panel-new [aria-required="true"]')].map((e) => e.name)`,
      );

    expect(await required()).toEqual(['deal', 'company', 'owner']);
    const stages = await page.locator('#new-stage option').allTextContents();
    expect(stages).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation']);
    await page.getByRole('combobox', { name: 'Stage', exact: true }).selectOption('Proposal');
    expect(await required()).toEqual(['deal', 'company', 'email', 'owner', 'amount', 'closeDate']);
    expect(await page.locator('label[for="new-amount"] .required').count()).toBe(1);
    const owners = await page
      .locator('#new-owners option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value')));
    expect(owners).toContain('rep1@team.example');
  });

  it('is submitted by keyboard alone: Tab through the tabs and fields, Enter adds the deal', async () => {
    const started = startAddon();
    startWithDeals(started, []);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;
    const focused = () => page.evaluate<string>('document.activeElement.id');

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('tab-new');
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('tab-move');
    expect(await page.locator('#panel-move').isVisible()).toBe(true);
    await page.keyboard.press('End');
    expect(await focused()).toBe('tab-import');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('tab-new');
    expect(await page.locator('#tab-new').getAttribute('aria-selected')).toBe('true');

    await page.keyboard.press('Tab'); // the panel
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('new-stage');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('new-deal');
    await page.keyboard.type('Kiosk pilot');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Umbrella');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Added D-0001');
    expect(await focused()).toBe('new-deal');
    expect(cell(started, 'company', 2)).toBe('Umbrella');
  });

  it('renders a deal named like HTML as text, running nothing', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const started = startAddon();
    startWithDeals(started, [deal(1, { deal: name, owner: 'owner@example.com', followUp: '2026-11-20' })]);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;

    await page.getByRole('tab', { name: /My day/ }).click();
    await expect
      .poll(() => page.locator('#panel-day .deal-title').first().textContent())
      .toBe(`D-0001 · ${name}`);
    await page.getByRole('tab', { name: 'Move' }).click();
    await page.getByLabel('Find a deal by ID, name or company').fill('img');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain(name);

    expect(await page.locator('img').count()).toBe(0);
    expect(sidebar.dialogs).toEqual([]);
  });
});
