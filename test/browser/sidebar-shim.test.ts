import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';

import type { ScriptCallLog } from '../../local/sidebar-shim';
import { connectSidebar } from '../../local/sidebar-shim';
import { describeInChromium } from './sidebar-page';

/** A server with three functions, standing in for the bundle: what crosses is the shim's doing. */
const SERVER = {
  echo: (value: unknown) => value,
  today: () => ({ today: new Date('2026-11-27T12:00:00Z') }),
  fail: () => {
    throw new Error('Email: "ann@" is not an email address.');
  },
};

const fakeAddon = {
  run: (name: string, ...args: unknown[]) =>
    (SERVER as Record<string, (...a: unknown[]) => unknown>)[name]!(...args),
  functionNames: () => Object.keys(SERVER),
};

/** Calls a server function from the page as the sidebar does, and says how it ended. */
function callFromPage(page: Page, name: string, argument: string): Promise<unknown> {
  return page.evaluate(`new Promise((resolve) => {
    try {
      google.script.run
        .withSuccessHandler((value) => resolve({ success: value }))
        .withFailureHandler((error) => resolve({ failure: error.message, isError: error instanceof Error }))
        .${name}(${argument});
    } catch (error) {
      resolve({ thrown: error.name + ': ' + error.message });
    }
  })`);
}

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

describeInChromium('google.script.run outside Google (local/sidebar-shim.ts)', (browser) => {
  async function connected(): Promise<{ page: Page; log: ScriptCallLog }> {
    context = await browser().newContext();
    const page = await context.newPage();
    const log = await connectSidebar(page, fakeAddon);
    await page.goto('about:blank');
    return { page, log };
  }

  it('carries plain values both ways', async () => {
    const { page, log } = await connected();
    const value = { deal: 'Acme', amount: 12, tags: ['a', null], nested: { ok: true } };
    expect(await callFromPage(page, 'echo', JSON.stringify(value))).toEqual({ success: value });
    expect(log.calls).toEqual([{ name: 'echo', args: [value] }]);
    expect(log.refused).toEqual([]);
  });

  it('hands a server error to the failure handler as an Error with its message', async () => {
    const { page } = await connected();
    expect(await callFromPage(page, 'fail', '')).toEqual({
      failure: 'Email: "ann@" is not an email address.',
      isError: true,
    });
  });

  it('refuses a Date the page sends, before anything reaches the server', async () => {
    const { page, log } = await connected();
    expect(await callFromPage(page, 'echo', '{ closeDate: new Date() }')).toEqual({
      thrown: 'TypeError: Failed due to illegal value: a Date at echo arguments[0].closeDate',
    });
    expect(log.calls).toEqual([]);
    expect(log.refused).toEqual(['google.script.run cannot carry a Date at echo arguments[0].closeDate']);
  });

  it('refuses a function the page sends', async () => {
    const { page, log } = await connected();
    expect(await callFromPage(page, 'echo', '[() => 1]')).toEqual({
      thrown: 'TypeError: Failed due to illegal value: a Function at echo arguments[0][0]',
    });
    expect(log.calls).toEqual([]);
  });

  it('fails a call whose result holds a Date, and logs it', async () => {
    const { page, log } = await connected();
    expect(await callFromPage(page, 'today', '')).toEqual({
      failure: 'google.script.run cannot carry a Date at today().today that the server returned',
      isError: true,
    });
    expect(log.refused).toEqual([
      'google.script.run cannot carry a Date at today().today that the server returned',
    ]);
  });

  it('offers only the server’s functions', async () => {
    const { page } = await connected();
    expect(await page.evaluate('typeof google.script.run.echo')).toBe('function');
    expect(await page.evaluate('typeof google.script.run.internalHelper')).toBe('undefined');
  });
});
