/**
 * The one daily trigger for sendDailyReminders. An installable trigger belongs to the account
 * that creates it and runs as that account, so the digests come from whoever installed it. An
 * editor add-on may have one time-driven trigger per user per document: installing again
 * replaces it rather than adding a second.
 */
import { withDocumentLock } from '../lock';
import { readSettings } from '../settings';
import type { Spreadsheet } from '../sheets';
import { activeSpreadsheet } from '../sheets';

/** The top-level function the trigger calls (an export of src/server/index.ts). */
const REMINDER_HANDLER = 'sendDailyReminders';

/** In the installer's user properties: the trigger's unique ID, per spreadsheet. */
const TRIGGER_ID_KEY = 'dealPipeline.reminderTrigger.';
/**
 * In the installer's user properties: the spreadsheet a trigger serves, by the trigger's unique
 * ID. An editor add-on's clock trigger belongs to the script, not to a document: it runs with no
 * active spreadsheet, and this is how it finds its own.
 */
const SPREADSHEET_OF_KEY = 'dealPipeline.reminderSpreadsheet.';

/** Whose reminder triggers were removed, and how many. */
export interface RemovalReport {
  /** The account whose triggers these are: the current user's. */
  readonly account: string;
  /** Reminder triggers removed (when installing: replaced). */
  readonly removed: number;
}

export interface TriggerReport extends RemovalReport {
  /** 0..23, in `timeZone`. */
  readonly hour: number;
  readonly timeZone: string;
}

/**
 * This account's reminder triggers in this spreadsheet. getUserTriggers lists the triggers of this
 * document; the ID kept at install finds the clock trigger even where that list leaves it out,
 * without touching the triggers this account has in other spreadsheets.
 */
function reminderTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  const stored = PropertiesService.getUserProperties().getProperty(TRIGGER_ID_KEY + spreadsheet.getId());
  const mine = ScriptApp.getUserTriggers(spreadsheet).filter(
    (t) => t.getHandlerFunction() === REMINDER_HANDLER,
  );
  if (stored && !mine.some((t) => t.getUniqueId() === stored)) {
    mine.push(...ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === stored));
  }
  return mine;
}

/** Deletes triggers and what was recorded of them. */
function deleteTriggers(triggers: readonly GoogleAppsScript.Script.Trigger[]): void {
  const properties = PropertiesService.getUserProperties();
  for (const trigger of triggers) {
    properties.deleteProperty(SPREADSHEET_OF_KEY + trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  }
}

/**
 * The spreadsheet a reminder run serves: the active one (a run from the menu, or a bound script's
 * trigger), else the one recorded for the trigger that fired (an add-on's clock trigger). A
 * trigger whose spreadsheet is unknown, deleted or no longer shared with its owner is removed,
 * with what was recorded of it, and the reason comes back to be logged.
 */
export function reminderSpreadsheet(triggerUid: string | undefined): Spreadsheet | { gone: string } {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const properties = PropertiesService.getUserProperties();
  const id = triggerUid ? properties.getProperty(SPREADSHEET_OF_KEY + triggerUid) : null;
  if (id) {
    try {
      return SpreadsheetApp.openById(id);
    } catch (error) {
      removeTriggerById(triggerUid!);
      properties.deleteProperty(SPREADSHEET_OF_KEY + triggerUid);
      properties.deleteProperty(TRIGGER_ID_KEY + id);
      return {
        gone: `the spreadsheet ${id} is deleted or no longer shared with ${account()} (${String(error)}), so its reminder trigger was removed.`,
      };
    }
  }
  if (triggerUid) removeTriggerById(triggerUid);
  return {
    gone: `no spreadsheet is recorded for reminder trigger ${triggerUid ?? '(none)'}, so it was removed; choose Deal Pipeline › Turn on daily reminders in the spreadsheet to install it again.`,
  };
}

function removeTriggerById(uid: string): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === uid) ScriptApp.deleteTrigger(trigger);
  }
}

function account(): string {
  return Session.getEffectiveUser().getEmail();
}

/** Replaces this account's reminder trigger with one at the Settings' Reminder Hour. */
export function installTrigger(): TriggerReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const hour = readSettings(spreadsheet).options.reminderHour;
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const old = reminderTriggers(spreadsheet);
    deleteTriggers(old);
    const trigger = ScriptApp.newTrigger(REMINDER_HANDLER)
      .timeBased()
      .atHour(hour)
      .everyDays(1)
      .inTimezone(timeZone)
      .create();
    PropertiesService.getUserProperties().setProperties({
      [TRIGGER_ID_KEY + spreadsheet.getId()]: trigger.getUniqueId(),
      [SPREADSHEET_OF_KEY + trigger.getUniqueId()]: spreadsheet.getId(),
    });
    return { hour, timeZone, account: account(), removed: old.length };
  });
}

/** Removes this account's reminder triggers in this spreadsheet. */
export function removeTrigger(): RemovalReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const old = reminderTriggers(spreadsheet);
    deleteTriggers(old);
    PropertiesService.getUserProperties().deleteProperty(TRIGGER_ID_KEY + spreadsheet.getId());
    return { account: account(), removed: old.length };
  });
}

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function installedMessage(report: TriggerReport): string {
  const window = `${pad(report.hour)} and ${pad((report.hour + 1) % 24)}`;
  return [
    `Daily reminders are on. Every day between ${window} (${report.timeZone}), Deal Pipeline emails each owner a digest of their follow-ups and stale deals, and the team digest to the Manager Email if one is set.`,
    `They are sent from ${report.account}: a reminder trigger runs as the account that installed it.`,
    report.removed > 0 ? 'This replaces the reminder trigger you had installed before.' : '',
    'To change the hour, edit Reminder Hour in Settings, then choose Deal Pipeline › Turn on daily reminders again.',
  ]
    .filter((line) => line !== '')
    .join('\n\n');
}

export function removedMessage(report: RemovalReport): string {
  return report.removed > 0
    ? `Daily reminders are off: the reminder trigger of ${report.account} is removed, so no digests go from that account until someone chooses Deal Pipeline › Turn on daily reminders again.`
    : `${report.account} has no reminder trigger in this spreadsheet, so nothing changed. Another editor's trigger can only be removed by that editor.`;
}
