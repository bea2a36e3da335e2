/**
 * The sidebar's Import view (issue 11 §1) in Chromium, against the bundle in the emulator: a
 * team's tracker and the 2015 snapshot typed into sheets as File › Import leaves them, previewed,
 * the mapping corrected in its two tables, imported, and the report read.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';

import { cell, stages, startWithDeals } from '../bundle/deals';
import type { Addon } from '../bundle/harness';
import { startAddon, typeSheet } from '../bundle/harness';
import { readCsv } from '../fixtures/reference-data';
import type { Sidebar } from './sidebar-page';
import {
  describeInChromium,
  openSidebar,
  overflowsSideways,
  screenshot,
  SIDEBAR_WIDTH,
} from './sidebar-page';

let sidebar: Sidebar | undefined;
afterEach(async () => {
  await sidebar?.close();
  sidebar = undefined;
});

const SCRIPT_TEXT = '<img src=x onerror=alert(1)>';

/** A team's own tracker: a stage name the table lacks, a row without a stage, an amount in words. */
const TRACKER = [
  ['Deal ID', 'Deal name', 'Customer', 'Sales stage', 'Deal size', 'Close', 'Region'],
  ['T-1', 'Fleet tablets', 'Initech', 'Prospecting', '12000', '2027-01-15', 'West'],
  ['T-2', 'Kiosk pilot', 'Umbrella', 'Parked', '5000', '2027-02-01', 'East'],
  ['T-3', SCRIPT_TEXT, 'Globex', 'Won', '8000', '2026-10-01', 'West'],
  ['T-4', 'Scanners', 'Hooli', '', '300', '', 'North'],
  ['T-5', 'Badges', 'Acme', 'Proposal', 'lots', '', 'East'],
];

function withSheet(name: string, rows: string[][]): Addon {
  const started = startAddon();
  startWithDeals(started, []);
  typeSheet(started.emulator, name, rows);
  return started;
}

const panel = (page: Page) => page.locator('#panel-import');
const select = (page: Page, name: string) => page.getByRole('combobox', { name, exact: true });

async function previewSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByRole('combobox', { name: 'Sheet to import from' }).fill(sheet);
  await page.getByRole('button', { name: 'Preview' }).click();
}

const reportText = (page: Page) => panel(page).getByRole('status').last().textContent();

function importCalls(): unknown[][] {
  return sidebar!.log.calls.filter((call) => call.name === 'importDeals').map((call) => call.args);
}

describeInChromium('Import deals in the sidebar', (browser) => {
  it('previews a tracker, takes a corrected stage and a column left out, and reports what it did', async () => {
    const started = withSheet('Tracker', TRACKER);
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;
    await previewSheet(page, 'Tracker');

    await panel(page).getByRole('heading', { name: '“Tracker”: 5 rows with data' }).waitFor();
    expect(await select(page, 'Sales stage goes to').inputValue()).toBe('stage');
    expect(await select(page, 'Deal ID goes to').inputValue()).toBe('keep');
    expect(await select(page, 'Region goes to').inputValue()).toBe('');
    expect(await select(page, 'Parked becomes').inputValue()).toBe('Lead');
    expect(await select(page, 'Won becomes').inputValue()).toBe('Closed Won');
    expect(await select(page, 'Column that identifies a deal').inputValue()).toBe('Deal ID');

    await select(page, 'Parked becomes').selectOption('Qualified');
    await select(page, 'Close goes to').selectOption({ label: 'Don’t import' });
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'import-preview');
    await page.getByRole('button', { name: 'Import from “Tracker”' }).click();

    await expect
      .poll(() => reportText(page))
      .toBe('Imported 3 deals into rows 2–4 of Deals. 2 rows left out.');
    expect(await panel(page).locator('.rejected li').allTextContents()).toEqual([
      'Row 5: it has no stage',
      'Row 6: Amount (from "Deal size") cannot be read: lots',
    ]);
    expect(await panel(page).textContent()).toContain('Columns added to Deals: Deal ID.');
    expect(await panel(page).textContent()).toContain('recognised by the "Deal ID" column');
    expect(importCalls()).toEqual([
      [
        'Tracker',
        {
          columns: {
            'Deal ID': 'keep',
            'Deal name': 'deal',
            Customer: 'company',
            'Sales stage': 'stage',
            'Deal size': 'amount',
            Close: '',
            Region: '',
          },
          stages: { Prospecting: 'Lead', Parked: 'Qualified', Won: 'Closed Won', Proposal: 'Proposal' },
          sourceId: 'Deal ID',
        },
      ],
    ]);
    expect([2, 3, 4].map((row) => cell(started, 'stage', row))).toEqual(['Lead', 'Qualified', 'Closed Won']);
    expect([2, 3, 4].map((row) => cell(started, 'deal', row))).toEqual([
      'Fleet tablets',
      'Kiosk pilot',
      SCRIPT_TEXT,
    ]);
    expect(cell(started, 'closeDate', 2)).toBe('');
    expect(started.emulator.workbook.values('Deals')[0]).not.toContain('Region');
    await screenshot(page, 'import-report');

    await page.getByRole('button', { name: 'Import from “Tracker”' }).click();
    await expect
      .poll(() => reportText(page))
      .toBe('No new deals imported. 3 deals already imported: skipped. 2 rows left out.');
    expect(stages(started).filter((stage) => stage !== '')).toHaveLength(3);
  });

  it('shows a source cell that looks like HTML as text, in the samples and the tables', async () => {
    sidebar = await openSidebar(browser(), withSheet('Tracker', TRACKER));
    const { page } = sidebar;
    await previewSheet(page, 'Tracker');

    const row = panel(page).getByRole('rowheader', { name: /^Deal name/ });
    expect(await row.locator('.samples').textContent()).toBe(`Fleet tablets · Kiosk pilot · ${SCRIPT_TEXT}`);
    expect(await panel(page).locator('img').count()).toBe(0);
    expect(sidebar.dialogs).toEqual([]);
  });

  it('lists the first 50 rows left out and counts the rest', async () => {
    const stageless = Array.from({ length: 55 }, (_, i) => [
      `T-${i}`,
      `Deal ${i}`,
      'Acme',
      '',
      '100',
      '',
      '',
    ]);
    sidebar = await openSidebar(browser(), withSheet('Tracker', [TRACKER[0]!, ...stageless]));
    const { page } = sidebar;
    await previewSheet(page, 'Tracker');
    await page.getByRole('button', { name: 'Import from “Tracker”' }).click();

    await expect.poll(() => reportText(page)).toBe('No new deals imported. 55 rows left out.');
    const listed = await panel(page).locator('.rejected li').allTextContents();
    expect(listed).toHaveLength(50);
    expect(listed.at(-1)).toBe('Row 51: it has no stage');
    expect(await panel(page).textContent()).toContain('…and 5 more rows left out.');
  });

  it('moves a Deals field to the column chosen, says which column lost it, and whose stage names are listed', async () => {
    sidebar = await openSidebar(browser(), withSheet('Tracker', TRACKER));
    const { page } = sidebar;
    await previewSheet(page, 'Tracker');

    await select(page, 'Region goes to').selectOption({ label: 'Stage' });
    expect(await select(page, 'Sales stage goes to').inputValue()).toBe('');
    expect(await panel(page).locator('.notice').textContent()).toBe(
      'Stage now comes from “Region”; “Sales stage” is not imported.',
    );
    expect(await panel(page).locator('.import-warning').textContent()).toBe(
      'The stage names below come from “Sales stage”, not “Region”: rows whose stage is not listed will be left out.',
    );
    await select(page, 'Deal ID goes to').selectOption({ label: 'Don’t import' });
    expect(await select(page, 'Column that identifies a deal').inputValue()).toBe('');
  });

  it('shows the server’s message at the top for a sheet that is not there, then previews the right one, by keyboard', async () => {
    sidebar = await openSidebar(browser(), withSheet('Tracker', TRACKER));
    const { page } = sidebar;
    const focused = () => page.evaluate('document.activeElement.id');
    await page.getByRole('tab', { name: 'New deal' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('import-sheet');
    await page.keyboard.type('Trackr');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => panel(page).getByRole('alert').textContent())
      .toBe('There is no sheet named "Trackr" in this spreadsheet.');
    await expect.poll(focused).toBe('import-alert');
    expect(await panel(page).locator('table').count()).toBe(0);

    // Tabbing into a text box selects what it holds: typing replaces it.
    await page.keyboard.press('Tab');
    await page.keyboard.type('Tracker');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('import-mapping-title');
    // An empty alert is not shown, so it is found by its id.
    expect(await page.locator('#import-alert').textContent()).toBe('');
    expect(await panel(page).locator('table').count()).toBe(2);
    expect(importCalls()).toEqual([]);
  });

  it('opens on the Import view from Deal Pipeline › Import deals, the one sheet to import from filled in', async () => {
    sidebar = await openSidebar(browser(), withSheet('Tracker', TRACKER), SIDEBAR_WIDTH, 'Import deals');
    const { page } = sidebar;

    await expect
      .poll(() => page.getByRole('tab', { name: 'Import' }).getAttribute('aria-selected'))
      .toBe('true');
    expect(await panel(page).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Sheet to import from' }).inputValue())
      .toBe('Tracker');
  });

  it('imports the 2015 snapshot: 1,000 deals, the one row without a stage named', async () => {
    const started = withSheet('Snapshot', readCsv('pipeline-snapshot-2015.csv'));
    sidebar = await openSidebar(browser(), started);
    const { page } = sidebar;
    await previewSheet(page, 'Snapshot');

    await panel(page).getByRole('heading', { name: '“Snapshot”: 1,001 rows with data' }).waitFor();
    expect(await select(page, 'Identified becomes').inputValue()).toBe('Lead');
    await page.getByRole('button', { name: 'Import from “Snapshot”' }).click();

    await expect
      .poll(() => reportText(page))
      .toBe('Imported 1,000 deals into rows 2–1001 of Deals. 1 row left out.');
    expect(await panel(page).locator('.rejected li').allTextContents()).toEqual([
      'Row 3764: it has no stage',
    ]);
    expect(stages(started).filter((stage) => stage === 'Closed Won')).toHaveLength(53);
    expect(await overflowsSideways(page)).toBe(false);
    await screenshot(page, 'import-snapshot');
  });
});
