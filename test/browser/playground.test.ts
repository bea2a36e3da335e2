/**
 * The playground (`npm start`, local/playground/): the built add-on in the emulator behind a page
 * that behaves like the spreadsheet with the add-on installed. A walkthrough in Chromium, one
 * step per test on the same page, with a screenshot of each; then the server's answers to bad
 * requests, its save file, --reset, a restart, and the command line.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readSave } from '../../local/playground/save-file';
import type { RunningPlayground } from '../../local/playground/server';
import { startPlayground } from '../../local/playground/server';
import { readCsv } from '../fixtures/reference-data';
import { describeInChromium, SCREENSHOTS } from './sidebar-page';

const NOW = Date.parse('2026-11-27T17:00:00Z');
const OPTIONS = { port: 0, distDir: 'dist', timeZone: 'America/Los_Angeles', realNow: () => NOW };
const STAGE_PROBABILITY: Record<string, number> = {
  Lead: 0.1,
  Qualified: 0.25,
  Proposal: 0.5,
  Negotiation: 0.75,
};
const usd = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'playground-'));
}

/** Σ Amount × probability over the open deals of Deals, as the server holds them. */
function weightedPipeline(running: RunningPlayground): number {
  const [header = [], ...rows] = running.playground.emulator.workbook.values('Deals');
  const at = (name: string) => header.indexOf(name);
  return rows.reduce((sum, row) => {
    const p = STAGE_PROBABILITY[String(row[at('Stage')])];
    if (p === undefined) return sum;
    const own = row[at('Probability')];
    return sum + Number(row[at('Amount')]) * (typeof own === 'number' ? own : p);
  }, 0);
}

async function post(running: RunningPlayground, path: string, body: string, headers = {}): Promise<Response> {
  return fetch(new URL(path, running.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describeInChromium('The playground in a browser', (browser) => {
  let running: RunningPlayground;
  let page: Page;
  let dir: string;
  let step = 0;
  const shot = async (name: string) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/playground-${++step}-${name}.png` });
  };
  const cell = (a1: string) => page.locator(`[data-cell="${a1}"] .cell-text`);
  const openTab = (name: string) => page.getByRole('tab', { name, exact: true }).click();
  const menu = async (caption: string) => {
    await page.getByRole('menuitem', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Deal Pipeline' }).hover();
    await page.getByRole('menuitem', { name: caption, exact: true }).click();
  };
  /** Pastes text as the clipboard holds it (Ctrl+V) on the grid, at the selected cell. */
  const paste = (text: string) =>
    page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(text)});
      const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.querySelector('.grid-scroll').dispatchEvent(paste);
    })()`);
  /** The row of the first deal in `stage`, read from the grid, and the Stage column's letter. */
  const firstIn = async (stage: string) => {
    const headers = await page.locator('tbody tr:first-child td .cell-text').allTextContents();
    const letter = String.fromCharCode(65 + headers.indexOf('Stage'));
    const stages = await page.locator(`tbody td[data-cell^="${letter}"] .cell-text`).allTextContents();
    return { row: stages.indexOf(stage) + 1, letter };
  };

  beforeAll(async () => {
    dir = tempDir();
    running = await startPlayground({ ...OPTIONS, dir });
    const context = await browser().newContext({ viewport: { width: 1600, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(running.url);
    await cell('A1').waitFor();
  });
  afterAll(async () => {
    await page?.context().close();
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens on the seeded team pipeline, frozen header, notes and the whole add-on menu', async () => {
    expect(await cell('A1').textContent()).toBe('ID');
    expect(await page.locator('tbody td[data-cell^="A"] .cell-text').allTextContents()).toContain('D-0040');
    expect(await page.locator('tbody tr.frozen').count()).toBe(1);
    const noted = page.locator('td.has-note').first();
    expect(await noted.locator('.note-pop').isVisible()).toBe(false);
    // A mark: the note says what is wrong, the colour shows where.
    expect(
      await noted.evaluate((td) => (td as unknown as { style: { background: string } }).style.background),
    ).not.toBe('');
    await noted.hover();
    expect(await noted.locator('.note-pop').isVisible()).toBe(true);
    expect(await noted.locator('.note-pop').textContent()).not.toBe('');
    await page.getByRole('menuitem', { name: 'Extensions' }).click();
    await page.getByRole('menuitem', { name: 'Deal Pipeline' }).hover();
    const items = await page
      .getByRole('menu', { name: 'Deal Pipeline' })
      .getByRole('menuitem')
      .allTextContents();
    expect(items).toEqual(
      running.playground.emulator.host.ui.addonMenu?.items.flatMap((i) =>
        'caption' in i ? [i.caption] : [],
      ),
    );
    await shot('menu');
    await page.keyboard.press('Escape');
  });

  it('adds a deal in the real sidebar, and the new row appears in Deals', async () => {
    await menu('Open sidebar');
    const sidebar = page.frameLocator('iframe.sidebar-frame');
    const field = (name: string) => sidebar.getByRole('textbox', { name, exact: true });
    await field('Deal').fill('Fleet tablets');
    await field('Company').fill('Initech');
    await field('Email').fill('ann@initech.example');
    await field('Amount').fill('12,000');
    await sidebar.getByRole('button', { name: 'Add deal' }).click();
    await expect.poll(() => sidebar.getByRole('status').first().textContent()).toContain('Added D-0041');
    await expect.poll(() => cell('B42').textContent()).toBe('Fleet tablets');
    expect(await cell('I42').textContent()).toBe('$12,000.00');
    await shot('sidebar-added-deal');
    await sidebar.getByRole('tab', { name: /My day/ }).click();
  });

  it('works by keyboard: arrow to a Stage cell, Enter, type a legal move; onEdit records it', async () => {
    const { row, letter } = await firstIn('Lead');
    await cell(`${String.fromCharCode(letter.charCodeAt(0) - 1)}${row}`).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    // A cell with a dropdown edits in a combobox, its choices the stages.
    const editor = page.getByRole('combobox', { name: 'Cell value' });
    expect(await editor.inputValue()).toBe('Lead');
    await editor.fill('Qualified');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(`${letter}${row}`).textContent()).toBe('Qualified');
    expect(await page.getByLabel('Selected cell').textContent()).toBe(`${letter}${row + 1}`);
    const history = running.playground.emulator.workbook.values('History');
    expect(history.at(-1)?.slice(3)).toEqual(['Lead', 'Qualified', 'ana@pipeline.example', 'edit', '']);
  });

  it('asks before an edit lands on a cell protected with a warning, as Sheets does', async () => {
    await cell('A2').click();
    await page.keyboard.type('D-9999');
    await page.keyboard.press('Enter');
    const question = page.getByRole('dialog', { name: 'Heads up!' });
    expect(await question.textContent()).toContain("shouldn't be changed accidentally");
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await cell('A2').textContent()).toBe('D-0001');
  });

  it('reverts an illegal stage change pasted over two rows, with a toast naming the move', async () => {
    const { row, letter } = await firstIn('Lead');
    const deal = await cell(`B${row}`).textContent();
    const below = await cell(`${letter}${row + 1}`).textContent();
    await cell(`${letter}${row}`).click();
    await paste(`Closed Won\n${below}\n`);
    const toast = page.locator('.toast').filter({ hasText: 'Put back' });
    await expect.poll(() => toast.textContent()).toContain(`"${deal}": Lead → Closed Won is not allowed`);
    expect(await cell(`${letter}${row}`).textContent()).toBe('Lead');
    expect(await cell(`${letter}${row + 1}`).textContent()).toBe(below);
    await shot('paste-reverted');
    await page.getByRole('button', { name: 'Close Deal Pipeline' }).click();
  });

  it('shows the add-on’s alerts and HTML dialogs as Sheets does', async () => {
    await menu('Validate all deals');
    const dialog = page.getByRole('dialog', { name: 'Deal Pipeline: validation' });
    const report = page.frameLocator('iframe.dialog-frame');
    await expect.poll(() => report.locator('body').textContent()).toContain('41 deals checked.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await menu('Turn on daily reminders');
    const alert = page.getByRole('dialog', { name: 'Deal Pipeline' });
    await expect.poll(() => alert.textContent()).toContain('ana@pipeline.example');
    await alert.getByRole('button', { name: 'OK' }).click();
    expect(running.playground.emulator.host.triggers.forHandler('sendDailyReminders')).toHaveLength(1);
  });

  it('refreshes the summary and shows its numbers and charts', async () => {
    await menu('Refresh summary');
    await expect.poll(() => page.locator('.toast').filter({ hasText: 'Summary refreshed' }).count()).toBe(1);
    await openTab('Summary');
    await expect.poll(() => cell('A2').textContent()).toBe('Weighted pipeline');
    expect(await cell('B2').textContent()).toBe(usd(weightedPipeline(running)));
    const charts = page.getByRole('img', { name: /^Chart: / });
    expect(await charts.count()).toBe(3);
    expect(await charts.first().locator('text').allTextContents()).toEqual(
      expect.arrayContaining(['Open pipeline by stage', 'Lead', 'Negotiation', 'Amount', 'Weighted']),
    );
    await shot('summary');
  });

  it('moves the clock a day on: the daily reminders go out, to read in the outbox', async () => {
    expect(running.playground.emulator.host.mail.outbox).toEqual([]);
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^Outbox/ }).textContent())
      .not.toBe('Outbox (0)');
    await page.getByRole('button', { name: /^Outbox/ }).click();
    const outbox = page.getByRole('complementary', { name: 'Outbox' });
    const subjects = await outbox.locator('.mail-subject').allTextContents();
    expect(subjects).toContain('Deal Pipeline: 2 follow-ups due (2 overdue)');
    await shot('outbox-html');
    await outbox.getByRole('tab', { name: 'Text' }).click();
    expect(await outbox.locator('.mail-text').first().textContent()).toMatch(
      /^Reminders from Team pipeline, 2026-11-28/,
    );
    await page.getByRole('button', { name: 'Triggers (1)' }).click();
    expect(await page.locator('.trigger').textContent()).toContain('sendDailyReminders');
    await shot('triggers');
  });

  it('imports the 2015 snapshot in one click: the weighted pipeline grows by its open deals', async () => {
    const before = weightedPipeline(running);
    const [header = [], ...rows] = readCsv('pipeline-snapshot-2015.csv');
    const at = (name: string) => header.indexOf(name);
    const snapshot = rows
      .filter((row) => row[at('Sales stage')] && !['Won', 'Lost'].includes(row[at('Sales stage')]!))
      .reduce(
        (sum, row) => sum + Number(row[at('Deal size')]) * (parseFloat(row[at('Probability')]!) / 100),
        0,
      );
    await page.getByRole('menuitem', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'Import pipeline-snapshot-2015.csv' }).click();
    const report = page.getByRole('dialog', { name: 'Imported pipeline-snapshot-2015.csv' });
    await expect.poll(() => report.textContent(), { timeout: 20_000 }).toContain('1,000 deals imported');
    await shot('import-report');
    await report.getByRole('button', { name: 'OK' }).click();
    await menu('Refresh summary');
    await expect.poll(() => cell('B2').textContent()).toBe(usd(before + snapshot));
    expect(weightedPipeline(running)).toBeCloseTo(before + snapshot, 2);
    await shot('summary-after-import');
  });
});

describe('The playground server', () => {
  let running: RunningPlayground;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    running = await startPlayground({ ...OPTIONS, dir });
  });
  afterAll(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const saved = () => readFileSync(join(dir, 'workbook.json'), 'utf8');

  it('listens on the loopback address only', async () => {
    const { hostname, port } = new URL(running.url);
    expect(hostname).toBe('127.0.0.1');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((net) => net && net.family === 'IPv4' && !net.internal);
    if (outside) await expect(fetch(`http://${outside.address}:${port}/api/state`)).rejects.toThrow();
  });

  it('refuses bad requests with a 4xx that says why, and saves nothing', async () => {
    const before = saved();
    const cases: [Promise<Response>, number, RegExp][] = [
      [fetch(new URL('/api/edit', running.url)), 405, /Use POST/],
      [post(running, '/api/edit', '{"sheet": "Deals",'), 400, /not valid JSON/],
      [post(running, '/api/edit', '[1]'), 400, /JSON object/],
      [
        post(running, '/api/edit', JSON.stringify({ sheet: 'Deals', row: 0, column: 1, values: [['x']] })),
        400,
        /"row"/,
      ],
      [
        post(
          running,
          '/api/edit',
          JSON.stringify({ sheet: 'Deals', row: 2, column: 1, values: [['x'], []] }),
        ),
        400,
        /"values"/,
      ],
      [
        post(running, '/api/edit', JSON.stringify({ sheet: 'Nope', row: 2, column: 1, values: [['x']] })),
        404,
        /no sheet named "Nope"/,
      ],
      [post(running, '/api/menu', JSON.stringify({ functionName: 'sendDailyReminders' })), 404, /no item/],
      [
        post(running, '/api/script-run', JSON.stringify({ name: 'internalHelper', args: [] })),
        404,
        /no top-level function/,
      ],
      [post(running, '/api/import', JSON.stringify({ file: '../../etc/passwd' })), 404, /No reference file/],
      [post(running, '/api/edit', 'x'.repeat(3 * 1024 * 1024)), 413, /larger than/],
      [post(running, '/api/edit', '{}', { 'content-type': 'text/plain' }), 415, /JSON/],
      [post(running, '/api/edit', '{}', { origin: 'http://evil.example' }), 403, /not accepted/],
      [fetch(new URL('/nowhere', running.url)), 404, /Nothing at/],
    ];
    for (const [request, status, message] of cases) {
      const response = await request;
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    expect(saved()).toBe(before);
    expect(readSave(dir)?.workbook.sheets.map((s) => s.name)).toContain('Deals');
  });

  it('runs an installed trigger now, as it runs at its time: today’s digests go out', async () => {
    const [trigger] = running.playground.emulator.host.triggers.forHandler('sendDailyReminders');
    const response = await post(running, '/api/run-trigger', JSON.stringify({ id: trigger?.uniqueId }));
    expect(response.status).toBe(200);
    const { state } = (await response.json()) as {
      state: { now: string; outbox: { subject: string; sent: string }[] };
    };
    expect(state.outbox.map((mail) => mail.subject)).toContain('Deal Pipeline: 2 follow-ups due (2 overdue)');
    expect(new Set(state.outbox.map((mail) => mail.sent))).toEqual(new Set([state.now]));
  });

  it('saves every change, and a restart loads it: cells, triggers, outbox and clock', async () => {
    const edit = { sheet: 'Deals', row: 2, column: 13, values: [['Call back after the board meeting']] };
    expect((await post(running, '/api/edit', JSON.stringify(edit))).status).toBe(200);
    expect((await post(running, '/api/next-day', '{}')).status).toBe(200);
    const mails = running.playground.emulator.host.mail.outbox.length;
    expect(mails).toBeGreaterThan(0);
    await running.close();
    running = await startPlayground({ ...OPTIONS, dir });
    const { emulator } = running.playground;
    expect(emulator.workbook.value('Deals', 'M2')).toBe('Call back after the board meeting');
    expect(emulator.host.mail.outbox).toHaveLength(mails);
    expect(emulator.host.triggers.forHandler('sendDailyReminders')).toHaveLength(1);
    expect(emulator.clock.now()).toBe(NOW + 86_400_000);
  });

  it('starts over from the seeded pipeline with --reset', async () => {
    await running.close();
    running = await startPlayground({ ...OPTIONS, dir, reset: true });
    const { emulator } = running.playground;
    expect(emulator.workbook.value('Deals', 'M2')).not.toBe('Call back after the board meeting');
    expect(emulator.host.mail.outbox).toEqual([]);
    expect(emulator.workbook.values('Deals')).toHaveLength(41);
  });
});

describe('npm start', () => {
  /** The command line as npm start runs it after the build, in this process's Node. */
  const command = (...args: string[]) =>
    [process.execPath, ['--import', 'tsx', 'local/start.ts', ...args]] as const;
  const start = (...args: string[]) => promisify(execFile)(...command(...args), { timeout: 30_000 });

  it('serves the playground on the port given, and prints where', async () => {
    const port = await freePort();
    const dir = tempDir();
    const child = spawn(...command('--port', String(port), '--dir', dir));
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const found = /http:\/\/\S+\//.exec(out);
          if (found) done(found[0]);
        });
        child.once('exit', (code) => fail(new Error(`npm start ended (${code}) before serving: ${out}`)));
      });
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      const state = (await (await fetch(new URL('/api/state', url))).json()) as { sheets: string[] };
      expect(state.sheets).toEqual([
        'Deals',
        'Settings',
        'History',
        'Summary',
        'Reminder Log',
        'Forecast History',
      ]);
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the terminal walkthrough as --demo', async () => {
    const { stdout } = await start('--demo');
    expect(stdout).toContain('━━ Deal Pipeline › Refresh summary');
    expect(stdout).toContain('Put back:');
  });

  it('refuses a flag it does not know, with the usage', async () => {
    await expect(start('--prot', '80')).rejects.toMatchObject({
      stderr: expect.stringContaining('--port N'),
    });
  });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}
