/**
 * The one daily trigger for sendDailyReminders. An installable trigger belongs to the account
 * that creates it and runs as that account, so the digests come from whoever installed it. An
 * editor add-on may have one time-driven trigger per user per document: installing again
 * replaces it rather than adding a second.
 */
import { withDocumentLock } from '../lock';
import { readSettings } from '../settings';
import { activeSpreadsheet } from '../sheets';
import type { Spreadsheet } from '../sheets';

/** The top-level function the trigger calls (an export of src/server/index.ts). */
export const REMINDER_HANDLER = 'sendDailyReminders';

/** In the installer's user properties: the trigger's unique ID, per spreadsheet. */
const TRIGGER_ID_KEY = 'dealPipeline.reminderTrigger.';

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
    for (const trigger of old) ScriptApp.deleteTrigger(trigger);
    const trigger = ScriptApp.newTrigger(REMINDER_HANDLER)
      .timeBased()
      .atHour(hour)
      .everyDays(1)
      .inTimezone(timeZone)
      .create();
    PropertiesService.getUserProperties().setProperty(
      TRIGGER_ID_KEY + spreadsheet.getId(),
      trigger.getUniqueId(),
    );
    return { hour, timeZone, account: account(), removed: old.length };
  });
}

/** Removes this account's reminder triggers in this spreadsheet. */
export function removeTrigger(): RemovalReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const old = reminderTriggers(spreadsheet);
    for (const trigger of old) ScriptApp.deleteTrigger(trigger);
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
