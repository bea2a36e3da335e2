/**
 * Bundle tests: the real dist/ in the emulator. Each test gets a fresh emulator and context.
 */
import { afterEach, beforeEach, vi } from 'vitest';

import type { Emulator, EmulatorOptions } from '../../local/emulator';
import { createEmulator } from '../../local/emulator';
import type { Bundle } from '../../local/emulator/load-bundle';
import { loadBundle } from '../../local/emulator/load-bundle';

export const NOW = '2026-11-27T17:00:00Z';
export const TIME_ZONE = 'America/Los_Angeles';

export interface Addon {
  emulator: Emulator;
  addon: Bundle;
}

/**
 * The emulators the running test started: after each test, setup-no-formulas.ts checks that no
 * text the add-on wrote became a formula in any of them, then forgets them.
 */
export const startedEmulators = new Set<Emulator>();

/**
 * Where Google runs what no name or JSDoc marks: the reminder job is the handler of an editor
 * add-on's clock trigger (no active spreadsheet, no document properties or lock).
 */
const CONTEXTS = { sendDailyReminders: 'addon-clock-trigger' } as const;

/**
 * Runs the reminder job as its installed trigger fires it: "Turn on daily reminders" first when no
 * trigger is installed, then the handler with that trigger's event.
 */
export function fireReminderTrigger(started: Addon): void {
  const { host } = started.emulator;
  if (host.triggers.forHandler('sendDailyReminders').length === 0)
    started.addon.run('installReminderTrigger');
  const trigger = host.triggers.forHandler('sendDailyReminders')[0]!;
  started.addon.run('sendDailyReminders', { authMode: 'FULL', triggerUid: trigger.uniqueId });
}

export function startAddon(options: EmulatorOptions = {}): Addon {
  const emulator = createEmulator({ now: NOW, timeZone: TIME_ZONE, ...options });
  startedEmulators.add(emulator);
  return { emulator, addon: loadBundle(emulator, { contexts: CONTEXTS }) };
}

/** Writes a sheet the way a user would have typed it (nothing counted, no trigger fired). */
export function typeSheet(emulator: Emulator, name: string, rows: unknown[][]): void {
  if (!emulator.workbook.findSheet(name)) emulator.workbook.addSheet(name);
  emulator.workbook.userSetValues(name, 'A1', rows);
}

/** The SPEC §3 public surface: every top-level function the bundle may ever have. */
export const SPEC_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'onEdit',
  'showSidebar',
  'setUpSheets',
  'validateAllDeals',
  'refreshSummary',
  'installReminderTrigger',
  'removeReminderTrigger',
  'sendRemindersNow',
  'sendDailyReminders',
  'takeForecastSnapshot',
  'getSidebarData',
  'addDeal',
  'updateDeal',
  'moveDeal',
  'searchDeals',
  'showImportSidebar',
  'listImportSheets',
  'previewImport',
  'importDeals',
  'FORECAST_WEIGHTED',
  'WIN_RATE',
  'STAGE_PROBABILITY',
  'SALES_VELOCITY',
  'CLOSE_DATE_PUSHES',
] as const;

/**
 * What the runs write to the execution log (console), captured instead of printed: the array
 * fills as the test runs and starts empty in each test.
 */
export function captureExecutionLog(): string[] {
  const logged: string[] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const level of ['log', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
    }
  });
  afterEach(() => vi.restoreAllMocks());
  return logged;
}
