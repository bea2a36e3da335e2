/**
 * Bundle tests: the real dist/ in the emulator. Each test gets a fresh emulator and context.
 */
import { createEmulator } from '../../local/emulator';
import type { Emulator, EmulatorOptions } from '../../local/emulator';
import { loadBundle } from '../../local/emulator/load-bundle';
import type { Bundle } from '../../local/emulator/load-bundle';

export const NOW = '2026-11-27T17:00:00Z';
export const TIME_ZONE = 'America/Los_Angeles';

export interface Addon {
  emulator: Emulator;
  addon: Bundle;
}

export function startAddon(options: EmulatorOptions = {}): Addon {
  const emulator = createEmulator({ now: NOW, timeZone: TIME_ZONE, ...options });
  return { emulator, addon: loadBundle(emulator) };
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
  'getSidebarData',
  'addDeal',
  'updateDeal',
  'moveDeal',
  'FORECAST_WEIGHTED',
  'WIN_RATE',
  'STAGE_PROBABILITY',
  'SALES_VELOCITY',
] as const;
