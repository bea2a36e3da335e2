/**
 * Talking to the person at the spreadsheet. The Ui is not available in every context (time
 * triggers, some simple-trigger modes), so every helper degrades to a toast or the log.
 */
import { messageOf } from './errors';

const TITLE = 'Deal Pipeline';

function ui(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

/** A modal message; falls back to a toast where dialogs cannot be shown. */
export function alert(message: string): void {
  const current = ui();
  if (current) current.alert(TITLE, message, current.ButtonSet.OK);
  else toast(message);
}

/** A toast: the only message a simple trigger can show. */
export function toast(message: string, seconds = 10): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet()?.toast(message, TITLE, seconds);
  } catch {
    console.log(message);
  }
}

/**
 * Runs a menu action: a user error becomes a dialog with its message, anything else a short
 * message while the stack goes to the log. Returns the action's result, or undefined on error.
 */
export function runMenuAction<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    alert(messageOf(error));
    return undefined;
  }
}
