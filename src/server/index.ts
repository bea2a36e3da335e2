/**
 * The public surface of the bundle: every export here becomes a top-level Apps Script function
 * (see esbuild.config.mjs), and nothing else does. Each export's JSDoc is copied onto its
 * top-level wrapper, so what is written here is what the script editor and Sheets show.
 */
import { addMenu } from './menu';
import { handleEdit } from './on-edit';
import { setUpSheetsFromMenu } from './setup';
import { validateAllFromMenu } from './validate-all';
import type { ValidationReport } from './validate-all';
import type { SetUpReport } from './setup';
import { refreshSummaryFromMenu } from './summary';
import {
  installReminderTriggerFromMenu,
  removeReminderTriggerFromMenu,
  sendDailyRemindersFromTrigger,
  sendRemindersNowFromMenu,
} from './reminders';
import type { RemovalReport, ReminderRun, TriggerReport } from './reminders';

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

/**
 * Menu: rewrites the Summary sheet — KPIs, forecast by month, per owner, funnel, probability
 * check, forecast range, data quality, stale deals and overdue follow-ups, and two charts — from
 * Settings, Deals and History, and says how many deals it covers.
 */
export function refreshSummary(): void {
  refreshSummaryFromMenu();
}

/**
 * Menu: checks every deal: gives rows without an ID their ID and Created, marks each bad cell
 * with a note and a colour (clearing marks that no longer apply), changes no value a user typed,
 * and shows how many deals have errors or warnings and the first problems.
 * @return {ValidationReport|undefined} the counts and first problems, or undefined when it failed
 */
export function validateAllDeals(): ValidationReport | undefined {
  return validateAllFromMenu();
}

/**
 * Menu: installs the one daily trigger that sends the reminder digests at the Settings' Reminder
 * Hour, in the spreadsheet's time zone, replacing this account's earlier one; says when they will
 * go and from which account (a trigger runs as the account that installed it).
 * @return {TriggerReport|undefined} the hour, time zone and account, or undefined when it failed
 */
export function installReminderTrigger(): TriggerReport | undefined {
  return installReminderTriggerFromMenu();
}

/**
 * Menu: removes this account's daily reminder trigger from this spreadsheet.
 * @return {RemovalReport|undefined} how many triggers were removed, or undefined when it failed
 */
export function removeReminderTrigger(): RemovalReport | undefined {
  return removeReminderTriggerFromMenu();
}

/**
 * Menu: runs the reminder job at once and reports what it sent, deferred and could not send.
 * Owners who already had today's digest do not get another.
 * @return {ReminderRun|undefined} the recipients by outcome, or undefined when it failed
 */
export function sendRemindersNow(): ReminderRun | undefined {
  return sendRemindersNowFromMenu();
}

/**
 * Time-driven trigger: emails each owner one digest a day of overdue follow-ups, follow-ups due
 * within Reminder Lead Days and stale deals, and the team digest to the Manager Email; claims
 * each digest in the Reminder Log first, so no one gets two in a day. As an add-on's trigger it
 * has no active spreadsheet and opens the one recorded for its trigger ID.
 * @param {GoogleAppsScript.Events.TimeDriven} e the time-driven event
 */
export function sendDailyReminders(e?: GoogleAppsScript.Events.TimeDriven): void {
  sendDailyRemindersFromTrigger(e?.triggerUid);
}

export {
  FORECAST_RANGE,
  FORECAST_WEIGHTED,
  SALES_VELOCITY,
  STAGE_PROBABILITY,
  WIN_RATE,
} from './custom-functions';
