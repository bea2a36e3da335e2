/**
 * OAuth scopes: which scopes allow each service call ("Type.method"), the manifest's explicit
 * list, and Apps Script's messages when a call is refused for want of a scope. A leaf module.
 *
 * Two messages, both seen in real executions:
 * - The manifest lists scopes and none of them allows the call:
 *   "Specified permissions are not sufficient to call Ui.showModalDialog. Required permissions:
 *   https://www.googleapis.com/auth/script.container.ui" (reported in many public projects, e.g.
 *   after dropping userinfo.email: "…to call Session.getEffectiveUser. Required permissions:
 *   …/auth/userinfo.email").
 * - The context may not use a scope the manifest grants (a simple trigger, a custom function):
 *   "You do not have permission to call SpreadsheetApp.openById. Required permissions:
 *   https://www.googleapis.com/auth/spreadsheets" (peterherrmann/BetterLog#29, from onEdit);
 *   "…to call Ui.showSidebar…" from onOpen (oshliaer/google-apps-script-snippets#18).
 * When several scopes allow a call, Apps Script lists them as "(a || b)": "You do not have
 * permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions:
 * (https://www.googleapis.com/auth/spreadsheets.currentonly ||
 * https://www.googleapis.com/auth/spreadsheets)".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const AUTH = 'https://www.googleapis.com/auth/';

const SCOPES = {
  spreadsheets: `${AUTH}spreadsheets`,
  currentOnly: `${AUTH}spreadsheets.currentonly`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userinfoEmail: `${AUTH}userinfo.email`,
} as const;

/** The Spreadsheet service's types: every method needs one of the spreadsheets scopes. */
const SPREADSHEET_SERVICE = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
  'DataValidation',
  'DataValidationBuilder',
  'EmbeddedChart',
  'EmbeddedChartBuilder',
  'ContainerInfo',
  'ChartOptions',
]);
const SHEETS = [SCOPES.currentOnly, SCOPES.spreadsheets] as const;

/** Opening a spreadsheet by id, URL or file reaches beyond the current one: `spreadsheets` only. */
export const SPREADSHEET_OPENERS = new Set(['open', 'openById', 'openByUrl', 'create']);

/** Ui methods that show something: script.container.ui (menus need no scope). */
const UI_DIALOGS = new Set([
  'alert',
  'prompt',
  'showSidebar',
  'showModalDialog',
  'showModelessDialog',
  'showDialog',
]);
const SCRIPT_APP_TRIGGERS = new Set([
  'newTrigger',
  'getProjectTriggers',
  'getUserTriggers',
  'getScriptTriggers',
  'deleteTrigger',
]);
const TRIGGER_TYPES = new Set([
  'Trigger',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'SpreadsheetTriggerBuilder',
]);

export function isSpreadsheetService(type: string): boolean {
  return SPREADSHEET_SERVICE.has(type);
}

/**
 * The scopes any one of which allows "Type.method"; none for the services that need no
 * authorization (Utilities, Logger, Lock, Properties, Cache, HtmlService, menus). From each
 * method's "Authorization" section in the Apps Script reference.
 */
export function requiredScopes(key: string): readonly string[] {
  const [type = '', method = ''] = key.split('.');
  if (type === 'SpreadsheetApp') {
    if (SPREADSHEET_OPENERS.has(method)) return [SCOPES.spreadsheets];
    // AuthMode.NONE may build the add-on menu, so getting the Ui needs no authorization.
    if (method === 'getUi') return [];
  }
  if (SPREADSHEET_SERVICE.has(type)) return SHEETS;
  if (type === 'Ui' && UI_DIALOGS.has(method)) return [SCOPES.containerUi];
  if (type === 'MailApp') return [SCOPES.sendMail];
  if ((type === 'ScriptApp' && SCRIPT_APP_TRIGGERS.has(method)) || TRIGGER_TYPES.has(type)) {
    return [SCOPES.scriptApp];
  }
  if (type === 'Session' && (method === 'getActiveUser' || method === 'getEffectiveUser')) {
    return [SCOPES.userinfoEmail];
  }
  return [];
}

function scopeList(scopes: readonly string[]): string {
  return scopes.length === 1 ? (scopes[0] ?? '') : `(${scopes.join(' || ')})`;
}

/** Refused where the context may not use the call's scopes (or any authorized service). */
export function noPermissionMessage(key: string): string {
  const required = requiredScopes(key);
  const scopes = required.length > 0 ? `. Required permissions: ${scopeList(required)}` : '';
  return `You do not have permission to call ${key}${scopes}`;
}

/** The message when the manifest's explicit scopes allow none of the call's, else undefined. */
export function missingScopeMessage(
  key: string,
  granted: ReadonlySet<string> | undefined,
): string | undefined {
  if (!granted) return undefined;
  const required = requiredScopes(key);
  if (required.length === 0 || required.some((scope) => granted.has(scope))) return undefined;
  return `Specified permissions are not sufficient to call ${key}. Required permissions: ${scopeList(required)}`;
}

/**
 * The manifest's oauthScopes. Undefined when it lists none: Apps Script then infers the scopes
 * from the code, so nothing is refused for want of one.
 */
export function manifestScopes(dir: string): readonly string[] | undefined {
  const file = join(dir, 'appsscript.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: unknown };
  return Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : undefined;
}
