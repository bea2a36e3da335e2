/**
 * The public surface of the bundle: every export here becomes a top-level Apps Script function
 * (see esbuild.config.mjs), and nothing else does. Each export's JSDoc is copied onto its
 * top-level wrapper, so what is written here is what the script editor and Sheets show.
 */
import { addMenu } from './menu';
import { handleEdit } from './on-edit';
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
 * Simple trigger: checks every edited Deals row. An illegal Stage change (typed, pasted, filled
 * down or cleared) goes back to the deal's last accepted stage with a toast naming the deal, the
 * move and the moves allowed; legal moves stamp Stage Since and write History; a new row gets its
 * ID and Created; bad cells get a note and a mark.
 * @param {GoogleAppsScript.Events.SheetsOnEdit} e the edit event
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
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
