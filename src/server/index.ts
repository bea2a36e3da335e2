/**
 * The public surface of the bundle: every export here becomes a top-level Apps Script function
 * (see esbuild.config.mjs), and nothing else does. Each export's JSDoc is copied onto its
 * top-level wrapper, so what is written here is what the script editor and Sheets show.
 */
import type { ImportPreview, ImportReport, MappingRequest } from '../core/import/request';
import type { DealForm, DealSummary, SavedDeal, SidebarData } from '../core/sidebar/contract';
import type { SnapshotReport } from './forecast-history';
import { takeSnapshotFromMenu } from './forecast-history';
import {
  importDeals as importDealsFrom,
  importSheetNames,
  previewImport as previewImportFrom,
} from './import';
import { addMenu } from './menu';
import { handleEdit } from './on-edit';
import type { ReminderRun, RemovalReport, TriggerReport } from './reminders';
import {
  installReminderTriggerFromMenu,
  removeReminderTriggerFromMenu,
  sendDailyRemindersFromTrigger,
  sendRemindersNowFromMenu,
} from './reminders';
import type { SetUpReport } from './setup';
import { setUpSheetsFromMenu } from './setup';
import { sidebarCall } from './sidebar/calls';
import { readSidebarData, searchFromSidebar } from './sidebar/read';
import { addDealFromSidebar, moveDealFromSidebar, updateDealFromSidebar } from './sidebar/save';
import { showSidebarFromMenu } from './sidebar/show';
import { refreshSummaryFromMenu } from './summary';
import type { ValidationReport } from './validate-all';
import { validateAllFromMenu } from './validate-all';

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
 * Menu: opens the Deal Pipeline sidebar, where a salesperson enters deals, moves them and works
 * the day's follow-ups.
 */
export function showSidebar(): void {
  showSidebarFromMenu();
}

/**
 * Sidebar: everything the sidebar shows when it opens — the stage table, the team's owners,
 * today and the currency, the current user's overdue, due-today and stale deals, and the pipeline
 * at a glance. Dates are yyyy-mm-dd text.
 * @return {SidebarData} the sidebar's data
 */
export function getSidebarData(): SidebarData {
  return sidebarCall(readSidebarData);
}

/**
 * Sidebar: the deals whose ID, name or company contains the text (any case), the deal with
 * exactly that ID first; at most 20.
 * @param {string} query what the person typed
 * @return {DealSummary[]} the deals found
 */
export function searchDeals(query: string): DealSummary[] {
  return sidebarCall(() => searchFromSidebar(query));
}

/**
 * Sidebar: adds a deal in an open stage, with the fields its stage requires, as a new row of
 * Deals with a new ID, and records it in History. Refuses anything it cannot save as it is, with
 * a message naming the field and what is allowed, and then writes nothing.
 * @param {DealForm} deal the deal's fields (deal, company, contact, email, phone, owner, stage,
 *   amount, probability, closeDate, followUp, nextStep, lastContact, lostReason, notes)
 * @return {SavedDeal} the new deal's ID and row
 */
export function addDeal(deal: DealForm): SavedDeal {
  return sidebarCall(() => addDealFromSidebar(deal));
}

/**
 * Sidebar: changes fields of a deal (any but Stage: a deal changes stage with moveDeal), writing
 * only the cells that change. Marking a follow-up done is {followUp: next, lastContact: today}.
 * @param {string} id the deal's ID, such as D-0042
 * @param {DealForm} changes the fields to change; blank clears one
 * @return {SavedDeal} the deal's ID and row
 */
export function updateDeal(id: string, changes: DealForm): SavedDeal {
  return sidebarCall(() => updateDealFromSidebar(id, changes));
}

/**
 * Sidebar: moves a deal to another stage, if the stage table allows the move, filling in the
 * fields that stage requires (a Lost Reason, a Close Date, an Amount) in the same step; a won or
 * lost stage with no Close Date closes today. Records the move in History.
 * @param {string} id the deal's ID, such as D-0042
 * @param {string} stage the stage to move to
 * @param {DealForm} fields the fields that go with the move (optional)
 * @return {SavedDeal} the deal's ID and row
 */
export function moveDeal(id: string, stage: string, fields?: DealForm): SavedDeal {
  return sidebarCall(() => moveDealFromSidebar(id, stage, fields));
}

/**
 * Menu: opens the sidebar on its Import view, to bring deals in from another sheet of this
 * spreadsheet (a CSV brought in with File › Import, a CRM export).
 */
export function showImportSidebar(): void {
  showSidebarFromMenu('import');
}

/**
 * Sidebar: the sheets deals can be imported from (every sheet but Deal Pipeline's own).
 * @return {string[]} their names, in tab order
 */
export function listImportSheets(): string[] {
  return sidebarCall(importSheetNames);
}

/**
 * Sidebar: proposes how another sheet's columns and stage names map onto Deals (by name, then
 * the words trackers and CRM exports use), with counts and sample values. Writes nothing.
 * @param {string} sheetName the sheet to import from
 * @return {ImportPreview} the proposal, in the form importDeals takes
 */
export function previewImport(sheetName: string): ImportPreview {
  return sidebarCall(() => previewImportFrom(sheetName));
}

/**
 * Sidebar: appends the deals of another sheet to Deals in one batch, with IDs, History (Via
 * import) and the stage record; lists every row it leaves out and why; never imports a deal twice
 * (matched by a kept source ID column, else by the Import Key of the row's content).
 * @param {string} sheetName the sheet to import from
 * @param {MappingRequest} mapping the corrected mapping; leave it out for the proposal
 * @return {ImportReport} what was imported, skipped and refused
 */
export function importDeals(sheetName: string, mapping?: MappingRequest): ImportReport {
  return sidebarCall(() => importDealsFrom(sheetName, mapping));
}

/**
 * Menu: creates or repairs the Deals, Settings, History, Summary, Reminder Log and Forecast
 * History sheets — headers, dropdowns, formats, frozen header — without clearing or moving any
 * data, and reports what it created and repaired.
 * @return {SetUpReport|undefined} what was created and repaired, or undefined when it failed
 */
export function setUpSheets(): SetUpReport | undefined {
  return setUpSheetsFromMenu();
}

/**
 * Menu: rewrites the Summary sheet — KPIs, forecast by month, per owner, funnel, probability
 * check, forecast range, forecast accuracy, data quality, stale deals and overdue follow-ups, and
 * three charts — from Settings, Deals, History and Forecast History, and says how many deals it
 * covers.
 */
export function refreshSummary(): void {
  refreshSummaryFromMenu();
}

/**
 * Menu: appends a forecast snapshot to Forecast History now — the Summary's forecast by month,
 * for the team and per owner — unless one was taken today already, and says what it wrote. The
 * daily reminder job takes one each week by itself, on the Settings' Snapshot Day.
 * @return {SnapshotReport|undefined} the rows written and the message shown, or undefined when it failed
 */
export function takeForecastSnapshot(): SnapshotReport | undefined {
  return takeSnapshotFromMenu();
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
  CLOSE_DATE_PUSHES,
  FORECAST_RANGE,
  FORECAST_WEIGHTED,
  SALES_VELOCITY,
  STAGE_PROBABILITY,
  WIN_RATE,
} from './custom-functions';
