/**
 * Browser tests: the sidebar exactly as the add-on serves it (Deal Pipeline › Open sidebar runs
 * showSidebar in the emulator, which hands over dist/Sidebar.html) in Debian's Chromium, its
 * google.script.run reaching the built bundle in the emulator (local/sidebar-shim.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';

import type { MenuTree } from '../../local/emulator/services';
import type { ScriptCallLog } from '../../local/sidebar-shim';
import { connectSidebar } from '../../local/sidebar-shim';
import type { Addon } from '../bundle/harness';

const CHROMIUM = '/usr/bin/chromium';

/** Screenshots to look at, not to commit (test-results/ is git-ignored). */
export const SCREENSHOTS = 'test-results/screenshots';

/** A sidebar in Sheets is 300 px wide. */
export const SIDEBAR_WIDTH = 300;

/** Never fetched: every request to it is answered by the test with the sidebar's HTML. */
const SIDEBAR_URL = 'https://sidebar.invalid/Sidebar.html';

/**
 * A describe block that runs in Chromium. Where Chromium is missing a developer's run skips it
 * and says why; CI (process.env.CI) runs it, and fails.
 */
export function describeInChromium(title: string, body: (browser: () => Browser) => void): void {
  if (!existsSync(CHROMIUM) && !process.env.CI) {
    const why = `${CHROMIUM} is missing (apt-get install -y chromium)`;
    console.warn(`Skipping the browser tests of "${title}": ${why}.`);
    describe.skip(`${title} — skipped: ${why}`, () =>
      body(() => {
        throw new Error('skipped');
      }));
    return;
  }
  describe(title, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
    });
    body(() => browser!);
  });
}

export interface Sidebar {
  page: Page;
  /** What crossed google.script.run. */
  log: ScriptCallLog;
  /** Every URL the page asked for. */
  requests: string[];
  /** The message of every alert, confirm or prompt the page opened. */
  dialogs: string[];
  /** Checks what must hold after every browser test: nothing refused, nothing fetched. */
  close(): Promise<void>;
}

function menuFunction(menu: MenuTree | undefined, caption: string): string {
  for (const item of menu?.items ?? []) {
    if ('caption' in item && item.caption === caption) return item.functionName;
  }
  throw new Error(`The add-on menu has no item "${caption}".`);
}

/**
 * Opens the sidebar with an item of the add-on menu in a new page `width` px wide, and waits for
 * its data.
 */
export async function openSidebar(
  browser: Browser,
  started: Addon,
  width = SIDEBAR_WIDTH,
  menuItem = 'Open sidebar',
): Promise<Sidebar> {
  const { addon, emulator } = started;
  addon.run('onOpen', { authMode: 'FULL' });
  addon.run(menuFunction(emulator.host.ui.addonMenu, menuItem));
  const html = emulator.host.ui.sidebar?.html ?? '';
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  // Fail a step that waits for what never comes well before the test's own time-out.
  page.setDefaultTimeout(10_000);
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const log = await connectSidebar(page, addon);
  await page.route(SIDEBAR_URL, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(SIDEBAR_URL);
  await page.getByRole('tab', { name: 'New deal' }).waitFor();
  return {
    page,
    log,
    requests,
    dialogs,
    async close() {
      await context.close();
      expect(log.refused, 'values google.script.run cannot carry').toEqual([]);
      expect(requests, 'the sidebar loads nothing but itself').toEqual([SIDEBAR_URL]);
    },
  };
}

/** Saves a screenshot of the sidebar's content as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('main').screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

/** Whether the page is wider than its viewport: content a person would have to scroll sideways to. */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(
    'document.documentElement.scrollWidth > document.documentElement.clientWidth',
  );
}
