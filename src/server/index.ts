/**
 * The public surface of the bundle: every export here becomes a top-level Apps Script function
 * (see esbuild.config.mjs), and nothing else does. Each export's JSDoc is copied onto its
 * top-level wrapper, so what is written here is what the script editor and Sheets show.
 */
import { addMenu } from './menu';
import { setUpSheetsFromMenu } from './setup';
import type { SetUpReport } from './setup';

/**
 * Simple trigger: adds the Deal Pipeline menu when the spreadsheet opens.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} _e the open event
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  addMenu();
}

/**
 * Runs when the add-on is installed: adds the menu at once, without waiting for a reload.
 * @param {GoogleAppsScript.Events.AddonOnInstall} _e the install event
 */
export function onInstall(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  addMenu();
}

/**
 * Menu: creates or repairs the Deals, Settings, History, Summary and Reminder Log sheets —
 * headers, dropdowns, formats, frozen header — without clearing or moving any data, and reports
 * what it created and repaired.
 * @return {SetUpReport|undefined} what was created and repaired, or undefined when it failed
 */
export function setUpSheets(): SetUpReport | undefined {
  return setUpSheetsFromMenu();
}

export {
  FORECAST_RANGE,
  FORECAST_WEIGHTED,
  SALES_VELOCITY,
  STAGE_PROBABILITY,
  WIN_RATE,
} from './custom-functions';
