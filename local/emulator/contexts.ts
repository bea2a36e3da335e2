/**
 * Where code runs, and what Apps Script lets it do there. Every service call of script code is
 * judged here by its "Type.method" (see CallCounter.track): it runs, it is refused with Apps
 * Script's own message, or it returns what Apps Script returns there instead (null). A leaf
 * module apart from scopes.ts.
 *
 * Sources, quoted where they decide a rule:
 * [simple]  developers.google.com/apps-script/guides/triggers, "Restrictions".
 * [auth]    developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle and the
 *           ScriptApp.AuthMode reference.
 * [custom]  developers.google.com/apps-script/guides/sheets/functions, "Use Apps Script services".
 * [session] the Session.getActiveUser / getEffectiveUser and User.getEmail reference.
 */
import { isSpreadsheetService, noPermissionMessage, requiredScopes, SPREADSHEET_OPENERS } from './scopes';

/**
 * - simple-trigger: onOpen and onEdit in a document where the add-on is used (AuthMode.LIMITED).
 * - simple-trigger-none: onOpen where the user installed the add-on elsewhere but has not used it
 *   here yet (AuthMode.NONE) [auth].
 * - custom-function: a formula such as =FORECAST_WEIGHTED() recalculating.
 * - menu: a menu item, a sidebar or dialog calling google.script.run, and onInstall, which
 *   "runs in AuthMode.FULL" [auth].
 * - bound-clock-trigger: a time-driven trigger of a script bound to the spreadsheet.
 * - addon-clock-trigger: a time-driven trigger of an editor add-on: no document is open.
 */
export type ExecutionContext =
  | 'simple-trigger'
  | 'simple-trigger-none'
  | 'custom-function'
  | 'menu'
  | 'bound-clock-trigger'
  | 'addon-clock-trigger';

export type AuthMode = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

/** The ScriptApp.AuthMode of each context, as its event object's authMode says [auth]. */
export const AUTH_MODES: Readonly<Record<ExecutionContext, AuthMode>> = {
  'simple-trigger': 'LIMITED',
  'simple-trigger-none': 'NONE',
  'custom-function': 'CUSTOM_FUNCTION',
  menu: 'FULL',
  'bound-clock-trigger': 'FULL',
  'addon-clock-trigger': 'FULL',
};

/** What a call does instead of its work: throws `refused`, or returns `returns`. */
export type Verdict = { readonly refused: string } | { readonly returns: null };

interface Call {
  readonly key: string;
  readonly type: string;
  readonly method: string;
  readonly scopes: readonly string[];
}

/** Time-driven triggers and custom functions have no Ui; the message a clock trigger gets. */
const NO_UI = 'Cannot call SpreadsheetApp.getUi() from this context.';

const refuse = (call: Call): Verdict => ({ refused: noPermissionMessage(call.key) });

/**
 * AuthMode.NONE: "does not allow access to any services that require authorization" [auth]; it
 * may build the add-on menu (SpreadsheetApp.getUi, Ui.createAddonMenu and Menu need no scope).
 * Properties are refused too: the lifecycle table gives NONE no document or user properties,
 * and its sample reads them only when `e.authMode != NONE`.
 */
function unauthorized(call: Call): Verdict | undefined {
  if (call.type === 'PropertiesService' || call.scopes.length > 0) return refuse(call);
  return undefined;
}

/**
 * AuthMode.LIMITED [simple]: "They can modify the file they are bound to, but can't access
 * other files because that would require authorization"; "They can't access services that
 * require authorization. For example, a simple trigger can't send an email" — so no MailApp, no
 * dialogs, sidebars or alerts (script.container.ui), no triggers (script.scriptapp). The
 * lifecycle table gives LIMITED document properties but not user properties [auth]. Session
 * answers, but "may or may not be able to determine the identity of the current user": the host
 * decides (see `hidesUser`).
 */
function simpleTrigger(call: Call): Verdict | undefined {
  if (call.type === 'SpreadsheetApp' && SPREADSHEET_OPENERS.has(call.method)) return refuse(call);
  if (call.key === 'PropertiesService.getUserProperties') return refuse(call);
  if (isSpreadsheetService(call.type) || call.type === 'Session') return undefined;
  return call.scopes.length > 0 ? refuse(call) : undefined;
}

/**
 * [custom]: Spreadsheet is "Read-only (can use most get*() methods, but not set*()). Cannot open
 * other spreadsheets"; a write fails with the bare method name ("Exception: You do not have
 * permission to call setValue", as public projects report it). Only services that need no
 * authorization work otherwise: "If your custom function throws the error message You do not
 * have permission to call X service., the service requires user authorization". There is no
 * Ui to get: the emulator gives getUi the message a clock trigger gets. Session answers with a
 * blank email where the host hides the user [session].
 */
function customFunction(call: Call): Verdict | undefined {
  if (call.key === 'SpreadsheetApp.getUi') return { refused: NO_UI };
  if (call.type === 'SpreadsheetApp' && SPREADSHEET_OPENERS.has(call.method)) return refuse(call);
  if (isSpreadsheetService(call.type)) {
    return /^(get|is|has)[A-Z]/.test(call.method)
      ? undefined
      : { refused: `You do not have permission to call ${call.method}` };
  }
  if (call.type === 'Session') return undefined;
  return call.scopes.length > 0 ? refuse(call) : undefined;
}

/**
 * A time-driven trigger runs with its installer's full authorization but nobody is looking:
 * "Exception: Cannot call SpreadsheetApp.getUi() from this context." (davepar/gcalendarsync#93,
 * from a time-based trigger).
 */
function boundClockTrigger(call: Call): Verdict | undefined {
  return call.key === 'SpreadsheetApp.getUi' ? { refused: NO_UI } : undefined;
}

/** What needs the open document: null where no document is open. */
const NO_DOCUMENT = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActiveSheet',
  'SpreadsheetApp.getActiveRange',
  'SpreadsheetApp.getCurrentCell',
  'PropertiesService.getDocumentProperties',
  'LockService.getDocumentLock',
  'CacheService.getDocumentCache',
]);

/**
 * An add-on's time-driven trigger runs in no document: SpreadsheetApp.getActiveSpreadsheet()
 * "Returns the currently active spreadsheet, or null if there is none"; getDocumentProperties
 * "When document properties are not available this method returns null"; getDocumentLock and
 * getDocumentCache return null "outside of the context of a containing document". It must open
 * its spreadsheet with SpreadsheetApp.openById, which needs the `spreadsheets` scope (scopes.ts).
 * No Ui either, as for a bound clock trigger.
 */
function addonClockTrigger(call: Call): Verdict | undefined {
  if (NO_DOCUMENT.has(call.key)) return { returns: null };
  return boundClockTrigger(call);
}

const RULES: Readonly<Record<ExecutionContext, (call: Call) => Verdict | undefined>> = {
  'simple-trigger': simpleTrigger,
  'simple-trigger-none': unauthorized,
  'custom-function': customFunction,
  menu: () => undefined,
  'bound-clock-trigger': boundClockTrigger,
  'addon-clock-trigger': addonClockTrigger,
};

/** What `context` does to a call of "Type.method": undefined lets it run. */
export function verdictIn(context: ExecutionContext, key: string): Verdict | undefined {
  const dot = key.indexOf('.');
  return RULES[context]({
    key,
    type: key.slice(0, dot),
    method: key.slice(dot + 1),
    scopes: requiredScopes(key),
  });
}

/**
 * Whether Google hides the active user's email here from an account outside the script's
 * Workspace domain (a consumer account): "the user's email address is not available in any
 * context that allows a script to run without that user's authorization, like a simple
 * onOpen(e) or onEdit(e) trigger, a custom function in Google Sheets" [session]. The effective
 * user is then the same account: getEffectiveUser "In most other scenarios … returns the same
 * account as getActiveUser()".
 */
export function hidesUser(context: ExecutionContext): boolean {
  return context === 'simple-trigger' || context === 'simple-trigger-none' || context === 'custom-function';
}
