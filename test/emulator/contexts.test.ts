import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Emulator, EmulatorOptions, ExecutionContext } from '../../local/emulator';
import { createEmulator } from '../../local/emulator';
import type { Bundle } from '../../local/emulator/load-bundle';
import { loadBundle } from '../../local/emulator/load-bundle';

const AUTH = 'https://www.googleapis.com/auth/';
const SHEETS = `${AUTH}spreadsheets`;
const CURRENT_ONLY = `${AUTH}spreadsheets.currentonly`;
const UI = `${AUTH}script.container.ui`;
const MAIL = `${AUTH}script.send_mail`;
const TRIGGERS = `${AUTH}script.scriptapp`;
const EMAIL = `${AUTH}userinfo.email`;
const MANIFEST_SCOPES = [SHEETS, UI, MAIL, TRIGGERS, EMAIL];

/**
 * A script whose `attempt(action, arg)` does one thing and reports what Apps Script answered:
 * `{ ok: value }`, or `{ error: String(e) }` ("Exception: …").
 */
const SCRIPT = `
var ACTIONS = {
  sendEmail: function () { MailApp.sendEmail('a@example.com', 'Subject', 'Body'); return 'sent'; },
  mailQuota: function () { return MailApp.getRemainingDailyQuota(); },
  sidebar: function () { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>')); return 'shown'; },
  dialog: function () { SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>hi</p>'), 'Title'); return 'shown'; },
  alert: function () { return SpreadsheetApp.getUi().alert('Hello'); },
  menu: function () { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi(); return 'menu'; },
  newTrigger: function () { ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(8).create(); return 'created'; },
  listTriggers: function () { return ScriptApp.getProjectTriggers().length; },
  openById: function (id) { return SpreadsheetApp.openById(id).getName(); },
  active: function () { return SpreadsheetApp.getActiveSpreadsheet(); },
  activeName: function () { return SpreadsheetApp.getActiveSpreadsheet().getName(); },
  getActive: function () { return SpreadsheetApp.getActive(); },
  read: function () { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').getValues(); },
  write: function () { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('A1').setValues([['written']]); return 'written'; },
  toast: function () { SpreadsheetApp.getActiveSpreadsheet().toast('Saved', 'Deal Pipeline', 5); return 'toasted'; },
  getUi: function () { SpreadsheetApp.getUi(); return 'ui'; },
  documentProperties: function () { return PropertiesService.getDocumentProperties(); },
  setDocumentProperty: function () { PropertiesService.getDocumentProperties().setProperty('k', 'v'); return 'set'; },
  userProperties: function () { return PropertiesService.getUserProperties().getKeys(); },
  scriptProperties: function () { return PropertiesService.getScriptProperties().getKeys(); },
  documentLock: function () { return LockService.getDocumentLock(); },
  scriptLock: function () { return LockService.getScriptLock().tryLock(100); },
  documentCache: function () { return CacheService.getDocumentCache(); },
  scriptCache: function () { CacheService.getScriptCache().put('k', 'v'); return CacheService.getScriptCache().get('k'); },
  utilities: function () { Logger.log('x'); return Utilities.formatString('%s-%s', 'a', 'b'); },
  activeUser: function () { return Session.getActiveUser().getEmail(); },
  effectiveUser: function () { return Session.getEffectiveUser().getEmail(); },
};
function attempt(action, arg) {
  try { return { ok: ACTIONS[action](arg) }; } catch (e) { return { error: String(e) }; }
}
/**
 * Doubles.
 * @param {number} x a number
 * @customfunction
 */
function DOUBLE(x) { Logger.log('double'); return x * 2; }
function onOpen(e) { Logger.log('open'); }
function onEdit(e) { seenEdits.push({ authMode: e.authMode, user: e.user.getEmail(), session: Session.getActiveUser().getEmail() }); }
var seenEdits = [];
function edits() { return seenEdits; }
function menuItem() { Logger.log('menu item'); }
function job() { Logger.log('job'); }
function fails() { Logger.log('fails'); throw new Error('broken'); }
`;

function scriptDir(manifest: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-contexts-'));
  writeFileSync(join(dir, 'Code.js'), SCRIPT);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

interface Started {
  emulator: Emulator;
  script: Bundle;
  attempt: (context: ExecutionContext, action: string, arg?: unknown) => { ok?: unknown; error?: string };
}

function start(options: EmulatorOptions = {}): Started {
  const emulator = createEmulator({ oauthScopes: MANIFEST_SCOPES, ...options });
  const script = loadBundle(emulator, {
    distDir: options.distDir ?? scriptDir({}),
    contexts: { job: 'bound-clock-trigger' },
  });
  return {
    emulator,
    script,
    attempt: (context, action, arg) =>
      script.runIn(context, 'attempt', action, arg) as { ok?: unknown; error?: string },
  };
}

const refused = (key: string, scopes?: string) => ({
  error: `Exception: You do not have permission to call ${key}${scopes ? `. Required permissions: ${scopes}` : ''}`,
});
const notSufficient = (key: string, scopes: string) => ({
  error: `Exception: Specified permissions are not sufficient to call ${key}. Required permissions: ${scopes}`,
});
const NO_UI = { error: 'Exception: Cannot call SpreadsheetApp.getUi() from this context.' };
const EITHER_SHEETS_SCOPE = `(${CURRENT_ONLY} || ${SHEETS})`;

describe('each entry point runs where Google runs it', () => {
  /** The context each call ran in, read when the function logs. */
  function contextsOfRuns(started: Started, runs: () => void): ExecutionContext[] {
    const seen: ExecutionContext[] = [];
    const { calls } = started.emulator;
    for (let i = 0; i < 5; i++) calls.beforeNext('Logger.log', () => seen.push(started.emulator.context));
    runs();
    return seen;
  }

  it('runs simple triggers, custom functions, named clock handlers and menu items each in its own context', () => {
    const started = start();
    const { script } = started;
    expect(
      contextsOfRuns(started, () => {
        script.run('onOpen', { authMode: 'LIMITED' });
        expect(script.run('DOUBLE', 21)).toBe(42);
        script.run('job');
        script.run('menuItem');
      }),
    ).toEqual(['simple-trigger', 'custom-function', 'bound-clock-trigger', 'menu']);
  });

  it('runs a function in the context a test picks, and restores the one before even when it throws', () => {
    const started = start();
    expect(contextsOfRuns(started, () => started.script.runIn('addon-clock-trigger', 'job'))).toEqual([
      'addon-clock-trigger',
    ]);
    expect(() => started.script.runIn('custom-function', 'fails')).toThrow('broken');
    expect(started.emulator.context).toBe('menu');
  });

  it('fires onEdit as a simple trigger with authMode LIMITED and the user Session would give', () => {
    const started = start();
    started.script.edit('Sheet1', 'A1', [['x']]);
    started.emulator.host.session.setAnonymous(true);
    started.script.edit('Sheet1', 'A1', [['y']]);
    expect(started.script.run('edits')).toEqual([
      { authMode: 'LIMITED', user: 'owner@example.com', session: 'owner@example.com' },
      { authMode: 'LIMITED', user: '', session: '' },
    ]);
  });
});

describe('a simple trigger in a document where the add-on is used (AuthMode.LIMITED)', () => {
  const context = 'simple-trigger';

  it('reads and writes its own spreadsheet, shows toasts and builds menus', () => {
    const { attempt, emulator } = start();
    expect(attempt(context, 'write')).toEqual({ ok: 'written' });
    expect(attempt(context, 'read')).toEqual({ ok: [['written']] });
    expect(attempt(context, 'toast')).toEqual({ ok: 'toasted' });
    expect(attempt(context, 'menu')).toEqual({ ok: 'menu' });
    expect(emulator.workbook.toasts.map((t) => t.message)).toEqual(['Saved']);
  });

  it('cannot send mail, open dialogs, sidebars or alerts, manage triggers or open another spreadsheet', () => {
    const { attempt, emulator } = start();
    expect(attempt(context, 'sendEmail')).toEqual(refused('MailApp.sendEmail', MAIL));
    expect(attempt(context, 'mailQuota')).toEqual(refused('MailApp.getRemainingDailyQuota', MAIL));
    expect(attempt(context, 'sidebar')).toEqual(refused('Ui.showSidebar', UI));
    expect(attempt(context, 'dialog')).toEqual(refused('Ui.showModalDialog', UI));
    expect(attempt(context, 'alert')).toEqual(refused('Ui.alert', UI));
    expect(attempt(context, 'newTrigger')).toEqual(refused('ScriptApp.newTrigger', TRIGGERS));
    expect(attempt(context, 'listTriggers')).toEqual(refused('ScriptApp.getProjectTriggers', TRIGGERS));
    expect(attempt(context, 'openById', emulator.workbook.id)).toEqual(
      refused('SpreadsheetApp.openById', SHEETS),
    );
    expect(emulator.host.mail.outbox).toEqual([]);
    expect(emulator.host.ui.dialogs).toEqual([]);
    expect(emulator.host.triggers.triggers).toEqual([]);
  });

  it('has document and script properties, but no user properties', () => {
    const { attempt } = start();
    expect(attempt(context, 'setDocumentProperty')).toEqual({ ok: 'set' });
    expect(attempt(context, 'scriptProperties')).toEqual({ ok: [] });
    expect(attempt(context, 'userProperties')).toEqual(refused('PropertiesService.getUserProperties'));
  });

  it("knows the user's email in the user's own domain, and not on a consumer account", () => {
    const { attempt, emulator } = start();
    expect(attempt(context, 'activeUser')).toEqual({ ok: 'owner@example.com' });
    emulator.host.session.setAnonymous(true);
    expect(attempt(context, 'activeUser')).toEqual({ ok: '' });
    expect(attempt(context, 'effectiveUser')).toEqual({ ok: '' });
    expect(attempt('menu', 'activeUser')).toEqual({ ok: 'owner@example.com' });
  });
});

describe('onOpen before the add-on is used in the document (AuthMode.NONE)', () => {
  const context = 'simple-trigger-none';

  it('builds the add-on menu', () => {
    const { attempt, emulator } = start();
    expect(attempt(context, 'menu')).toEqual({ ok: 'menu' });
    expect(emulator.host.ui.addonMenu?.items).toEqual([{ caption: 'Go', functionName: 'go' }]);
  });

  it('gets no properties at all, no spreadsheet and no user', () => {
    const { attempt } = start();
    expect(attempt(context, 'documentProperties')).toEqual(
      refused('PropertiesService.getDocumentProperties'),
    );
    expect(attempt(context, 'scriptProperties')).toEqual(refused('PropertiesService.getScriptProperties'));
    expect(attempt(context, 'userProperties')).toEqual(refused('PropertiesService.getUserProperties'));
    expect(attempt(context, 'active')).toEqual(
      refused('SpreadsheetApp.getActiveSpreadsheet', EITHER_SHEETS_SCOPE),
    );
    expect(attempt(context, 'activeUser')).toEqual(refused('Session.getActiveUser', EMAIL));
    expect(attempt(context, 'sendEmail')).toEqual(refused('MailApp.sendEmail', MAIL));
  });

  it('still uses the services that need no authorization', () => {
    const { attempt } = start();
    expect(attempt(context, 'utilities')).toEqual({ ok: 'a-b' });
  });
});

describe('a custom function', () => {
  const context = 'custom-function';

  it('reads the spreadsheet but writes nothing, not even a toast', () => {
    const { attempt, emulator } = start();
    emulator.workbook.userSetValues('Sheet1', 'A1', [['typed']]);
    expect(attempt(context, 'read')).toEqual({ ok: [['typed']] });
    expect(attempt(context, 'write')).toEqual({
      error: 'Exception: You do not have permission to call setValues',
    });
    expect(attempt(context, 'toast')).toEqual({
      error: 'Exception: You do not have permission to call toast',
    });
    expect(emulator.workbook.values('Sheet1')).toEqual([['typed']]);
    expect(emulator.workbook.toasts).toEqual([]);
  });

  it('has no Ui, no mail, no triggers and no other spreadsheet', () => {
    const { attempt, emulator } = start();
    expect(attempt(context, 'getUi')).toEqual(NO_UI);
    expect(attempt(context, 'sendEmail')).toEqual(refused('MailApp.sendEmail', MAIL));
    expect(attempt(context, 'listTriggers')).toEqual(refused('ScriptApp.getProjectTriggers', TRIGGERS));
    expect(attempt(context, 'openById', emulator.workbook.id)).toEqual(
      refused('SpreadsheetApp.openById', SHEETS),
    );
  });

  it('uses properties, locks, caches and utilities, and never knows an anonymous user', () => {
    const { attempt, emulator } = start();
    expect(attempt(context, 'setDocumentProperty')).toEqual({ ok: 'set' });
    expect(attempt(context, 'scriptLock')).toEqual({ ok: true });
    expect(attempt(context, 'scriptCache')).toEqual({ ok: 'v' });
    expect(attempt(context, 'utilities')).toEqual({ ok: 'a-b' });
    emulator.host.session.setAnonymous(true);
    expect(attempt(context, 'activeUser')).toEqual({ ok: '' });
  });
});

describe('clock triggers', () => {
  it("of a bound script: the bound spreadsheet, the installer's full authorization, no Ui", () => {
    const { attempt, emulator } = start();
    const context = 'bound-clock-trigger';
    expect(attempt(context, 'activeName')).toEqual({ ok: 'Deal Pipeline' });
    expect(attempt(context, 'sendEmail')).toEqual({ ok: 'sent' });
    expect(attempt(context, 'getUi')).toEqual(NO_UI);
    emulator.host.session.setAnonymous(true);
    expect(attempt(context, 'activeUser')).toEqual({ ok: 'owner@example.com' });
  });

  it('of an add-on: no active spreadsheet, no document properties, lock or cache; it opens its spreadsheet by ID', () => {
    const { attempt, emulator } = start();
    const context = 'addon-clock-trigger';
    expect(attempt(context, 'active')).toEqual({ ok: null });
    expect(attempt(context, 'getActive')).toEqual({ ok: null });
    expect(attempt(context, 'documentProperties')).toEqual({ ok: null });
    expect(attempt(context, 'documentLock')).toEqual({ ok: null });
    expect(attempt(context, 'documentCache')).toEqual({ ok: null });
    expect(attempt(context, 'getUi')).toEqual(NO_UI);
    expect(attempt(context, 'openById', emulator.workbook.id)).toEqual({ ok: 'Deal Pipeline' });
    expect(attempt(context, 'openById', 'no-such-spreadsheet')).toEqual({
      error:
        'Error: Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    });
    expect(attempt(context, 'scriptLock')).toEqual({ ok: true });
    expect(attempt(context, 'sendEmail')).toEqual({ ok: 'sent' });
  });

  it('of an add-on whose manifest has only spreadsheets.currentonly: it cannot open its spreadsheet', () => {
    const { attempt, emulator } = start({ oauthScopes: [CURRENT_ONLY] });
    expect(attempt('addon-clock-trigger', 'openById', emulator.workbook.id)).toEqual(
      notSufficient('SpreadsheetApp.openById', SHEETS),
    );
  });
});

describe('a menu item, sidebar call or onInstall (AuthMode.FULL)', () => {
  it('uses every service the manifest grants', () => {
    const { attempt, emulator } = start();
    const context = 'menu';
    for (const action of ['sendEmail', 'sidebar', 'dialog', 'alert', 'newTrigger', 'write', 'toast']) {
      expect(attempt(context, action), action).toHaveProperty('ok');
    }
    expect(attempt(context, 'openById', emulator.workbook.id)).toEqual({ ok: 'Deal Pipeline' });
    expect(attempt(context, 'userProperties')).toEqual({ ok: [] });
    expect(attempt(context, 'effectiveUser')).toEqual({ ok: 'owner@example.com' });
  });
});

describe("the manifest's scopes", () => {
  const without = (scope: string) => MANIFEST_SCOPES.filter((s) => s !== scope);

  it.each([
    [EMAIL, 'effectiveUser', 'Session.getEffectiveUser'],
    [EMAIL, 'activeUser', 'Session.getActiveUser'],
    [MAIL, 'sendEmail', 'MailApp.sendEmail'],
    [MAIL, 'mailQuota', 'MailApp.getRemainingDailyQuota'],
    [TRIGGERS, 'newTrigger', 'ScriptApp.newTrigger'],
    [TRIGGERS, 'listTriggers', 'ScriptApp.getProjectTriggers'],
    [UI, 'sidebar', 'Ui.showSidebar'],
    [UI, 'dialog', 'Ui.showModalDialog'],
    [UI, 'alert', 'Ui.alert'],
  ])('without %s, %s fails as Apps Script does', (scope, action, key) => {
    const { attempt } = start({ oauthScopes: without(scope) });
    expect(attempt('menu', action)).toEqual(notSufficient(key, scope));
  });

  it('opens a spreadsheet by ID only with spreadsheets; its own with either spreadsheets scope', () => {
    const currentOnly = start({ oauthScopes: [CURRENT_ONLY] });
    expect(currentOnly.attempt('menu', 'activeName')).toEqual({ ok: 'Deal Pipeline' });
    expect(currentOnly.attempt('menu', 'openById', currentOnly.emulator.workbook.id)).toEqual(
      notSufficient('SpreadsheetApp.openById', SHEETS),
    );
    const neither = start({ oauthScopes: without(SHEETS) });
    expect(neither.attempt('menu', 'read')).toEqual(
      notSufficient('SpreadsheetApp.getActiveSpreadsheet', EITHER_SHEETS_SCOPE),
    );
  });

  it('asks none for menus, utilities, logging, locks, properties and caches', () => {
    const { attempt } = start({ oauthScopes: [] });
    for (const action of ['menu', 'utilities', 'scriptLock', 'setDocumentProperty', 'scriptCache']) {
      expect(attempt('menu', action), action).toHaveProperty('ok');
    }
  });

  it("are read from appsscript.json in the emulator's folder; a manifest that lists none refuses nothing", () => {
    const listed = createEmulator({ distDir: scriptDir({ oauthScopes: without(MAIL) }) });
    const script = loadBundle(listed, { distDir: scriptDir({}) });
    expect(script.run('attempt', 'sendEmail')).toEqual(notSufficient('MailApp.sendEmail', MAIL));
    const inferred = createEmulator({ distDir: scriptDir({}) });
    expect(loadBundle(inferred, { distDir: scriptDir({}) }).run('attempt', 'sendEmail')).toEqual({
      ok: 'sent',
    });
  });

  it('counts a refused call as a call made', () => {
    const { attempt, emulator } = start({ oauthScopes: without(MAIL) });
    attempt('menu', 'sendEmail');
    expect(emulator.calls.count('MailApp.sendEmail')).toBe(1);
  });
});
