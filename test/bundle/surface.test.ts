import { describe, expect, it } from 'vitest';

import { SPEC_FUNCTIONS, startAddon } from './harness';

/** What the bundle exposes today; each later feature adds its SPEC §3 functions here. */
const EXPOSED = [
  'showSidebar',
  'getSidebarData',
  'searchDeals',
  'addDeal',
  'updateDeal',
  'moveDeal',
  'showImportSidebar',
  'listImportSheets',
  'previewImport',
  'importDeals',
  'validateAllDeals',
  'onEdit',
  'onInstall',
  'onOpen',
  'setUpSheets',
  'refreshSummary',
  'installReminderTrigger',
  'removeReminderTrigger',
  'sendRemindersNow',
  'sendDailyReminders',
  'takeForecastSnapshot',
  'FORECAST_WEIGHTED',
  'WIN_RATE',
  'STAGE_PROBABILITY',
  'SALES_VELOCITY',
  'CLOSE_DATE_PUSHES',
  'FORECAST_RANGE',
];
/** SPEC §3 allows further custom functions beside its list. */
const FURTHER_CUSTOM_FUNCTIONS = ['FORECAST_RANGE'];

describe('the public surface of the bundle', () => {
  it('exposes exactly the SPEC functions that exist so far, and nothing else', () => {
    const { addon } = startAddon();
    expect(addon.functionNames()).toEqual([...EXPOSED].sort());
    for (const name of addon.functionNames())
      expect([...SPEC_FUNCTIONS, ...FURTHER_CUSTOM_FUNCTIONS]).toContain(name);
  });

  it('keeps every internal function inside the DealPipeline global, out of google.script.run', () => {
    const { addon } = startAddon();
    expect(addon.functionNames()).not.toContain('setUpAllSheets');
    expect(addon.functionNames()).not.toContain('addMenu');
  });

  it('gives each load a fresh context: what one test defines does not leak into the next', () => {
    const first = startAddon();
    first.addon.context.leak = () => 1;
    const second = startAddon();
    expect(first.addon.functionNames()).toContain('leak');
    expect(second.addon.functionNames()).not.toContain('leak');
    expect(second.addon.context.DealPipeline).not.toBe(first.addon.context.DealPipeline);
  });
});

describe('the add-on menu', () => {
  it('onOpen adds an add-on menu whose every item calls a top-level function', () => {
    const { emulator, addon } = startAddon();
    addon.runIn('simple-trigger-none', 'onOpen', { authMode: 'NONE' });
    const menu = emulator.host.ui.addonMenu;
    expect(menu?.caption).toBe('Deal Pipeline');
    const items = menu!.items.flatMap((item) => ('functionName' in item ? [item] : []));
    expect(items.map((item) => item.caption)).toContain('Set up sheets');
    for (const item of items) expect(addon.functionNames()).toContain(item.functionName);
  });

  it('offers Open sidebar first, calling showSidebar', () => {
    const { emulator, addon } = startAddon();
    addon.runIn('simple-trigger-none', 'onOpen', { authMode: 'NONE' });
    expect(emulator.host.ui.addonMenu?.items[0]).toEqual({
      caption: 'Open sidebar',
      functionName: 'showSidebar',
    });
  });

  it('onOpen in AuthMode.NONE touches nothing but the menu', () => {
    const { emulator, addon } = startAddon();
    emulator.calls.reset();
    addon.runIn('simple-trigger-none', 'onOpen', { authMode: 'NONE' });
    const touched = Object.keys(emulator.calls.snapshot()).map((key) => key.split('.')[0]);
    expect(new Set(touched)).toEqual(new Set(['SpreadsheetApp', 'Ui', 'Menu']));
  });

  it('onInstall adds the same menu at once', () => {
    const { emulator, addon } = startAddon();
    addon.run('onInstall', { authMode: 'FULL' });
    expect(emulator.host.ui.addonMenu?.items.length).toBeGreaterThan(0);
  });
});
