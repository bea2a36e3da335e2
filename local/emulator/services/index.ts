/**
 * The emulated Apps Script services other than SpreadsheetApp. `createServices` returns the
 * tracked globals to install in the script's context, the tracked Ui for SpreadsheetApp.getUi(),
 * and an untracked host handle for tests and the playground to inspect and steer state.
 */
import type { CallCounter } from '../calls.js';
import type { Clock } from '../clock.js';
import { CacheService, type CachesHost, createCachesHost } from './cache.js';
import { type HtmlDeps, HtmlService } from './html-service.js';
import { defaultError, type ServiceContext, type SessionState, Tracker } from './internal.js';
import { LockService, LocksHost } from './lock.js';
import { Logger, type LoggerHost } from './logger.js';
import { MailApp, MailHost } from './mail-app.js';
import { createPropertiesHost, type PropertiesHost, PropertiesService } from './properties.js';
import { ScriptApp } from './script-app.js';
import { Session } from './session.js';
import { TriggersHost } from './triggers.js';
import { Ui, UiHost } from './ui.js';
import { Utilities, type UtilitiesHost } from './utilities.js';

export interface ServicesOptions {
  calls: CallCounter;
  clock: Clock;
  /** Where HtmlService finds `<name>.html`. */
  distDir?: string;
  /** The spreadsheet's time zone: Session.getScriptTimeZone() when `scriptTimeZone` is not given. */
  timeZone: () => string;
  /** The manifest time zone, if it should differ from the spreadsheet's. */
  scriptTimeZone?: string;
  /** Active and effective user, default 'owner@example.com'. */
  user?: string;
  /**
   * Whether the code running now runs without the user's authorization (a simple trigger, a
   * custom function), where Google hides an anonymous user's email. Default: always.
   */
  identityHidden?: () => boolean;
  locale?: string;
  /** MailApp daily recipients, default 100 (consumer account). */
  mailQuota?: number;
  /** Editor add-on limits on triggers (one time trigger per user per document, at most hourly). Default true. */
  addon?: boolean;
  /** The add-on menu's caption, default 'Deal Pipeline'. */
  addonName?: string;
  scriptId?: string;
  /** The id of the document the script runs in (where triggers are created), default 'spreadsheet-1'. */
  documentId?: () => string;
  /** Id of a Spreadsheet object script code passes to forSpreadsheet/getUserTriggers. Default: its getId(). */
  sourceIdOf?: (spreadsheet: unknown) => string;
  /** The script's global object, so template scriptlets can call script functions. */
  templateScope?: () => object;
  /** Builds errors thrown to script code (e.g. in the script's realm). Default: Error named "Exception". */
  createError?: (message: string) => Error;
}

export interface ServicesHost {
  session: SessionState & {
    /** Sets both the active and the effective user. */
    setUser(email: string): void;
    /**
     * A consumer account (or one outside the script's Workspace domain): where the script runs
     * without the user's authorization (`identityHidden`), both users' emails read ''.
     */
    setAnonymous(anonymous: boolean): void;
  };
  ui: UiHost;
  mail: MailHost;
  triggers: TriggersHost;
  properties: PropertiesHost;
  locks: LocksHost;
  caches: CachesHost;
  logger: LoggerHost;
  utilities: UtilitiesHost;
  /** The raw object behind a tracked proxy (e.g. an HtmlOutput), read without counting a call. */
  raw<T extends object>(value: unknown, type: abstract new (...args: never[]) => T): T | undefined;
}

export interface ServicesGlobals {
  HtmlService: HtmlService;
  MailApp: MailApp;
  ScriptApp: ScriptApp;
  PropertiesService: PropertiesService;
  LockService: LockService;
  CacheService: CacheService;
  Session: Session;
  Utilities: Utilities;
  Logger: Logger;
}

export interface Services {
  globals: ServicesGlobals;
  ui: Ui;
  host: ServicesHost;
}

export function createServices(options: ServicesOptions): Services {
  const { calls, clock } = options;
  const tracker = new Tracker(calls);
  let user = options.user ?? 'owner@example.com';
  let anonymous = false;
  const identityHidden = options.identityHidden ?? (() => true);
  const shown = () => (anonymous && identityHidden() ? '' : user);
  const session: ServicesHost['session'] = {
    get activeUser() {
      return shown();
    },
    get effectiveUser() {
      return shown();
    },
    locale: options.locale ?? 'en',
    scriptTimeZone: () => options.scriptTimeZone ?? options.timeZone(),
    setUser(email: string) {
      user = email;
    },
    setAnonymous(value: boolean) {
      anonymous = value;
    },
  };
  const ctx: ServiceContext = { calls, clock, tracker, session, error: options.createError ?? defaultError };

  const ui = new UiHost(options.addonName ?? 'Deal Pipeline');
  const mail = new MailHost(options.mailQuota ?? 100, () => clock.now());
  const triggers = new TriggersHost(options.addon ?? true);
  const properties = createPropertiesHost();
  const locks = new LocksHost();
  const caches = createCachesHost();
  const logger: LoggerHost = { lines: [], echo: false };
  const utilities: UtilitiesHost = { unknownTimeZones: [], uuidCount: 0 };

  const documentId = options.documentId ?? (() => 'spreadsheet-1');
  const sourceIdOf =
    options.sourceIdOf ??
    ((ss: unknown) => {
      const s = ss as { getId?: () => unknown } | null;
      if (s && typeof s.getId === 'function') return String(s.getId());
      throw ctx.error('Invalid argument: spreadsheet');
    });
  const htmlDeps: HtmlDeps = {
    ctx,
    distDir: options.distDir,
    templateScope: options.templateScope ?? (() => ({})),
  };

  const globals: ServicesGlobals = {
    HtmlService: tracker.track(new HtmlService(htmlDeps), 'HtmlService'),
    MailApp: tracker.track(new MailApp(ctx, mail), 'MailApp'),
    ScriptApp: tracker.track(
      new ScriptApp(ctx, triggers, {
        scriptId: options.scriptId ?? 'emulated-script-id',
        documentId,
        sourceIdOf,
      }),
      'ScriptApp',
    ),
    PropertiesService: tracker.track(new PropertiesService(ctx, properties), 'PropertiesService'),
    LockService: tracker.track(new LockService(ctx, locks), 'LockService'),
    CacheService: tracker.track(new CacheService(ctx, caches), 'CacheService'),
    Session: tracker.track(new Session(ctx), 'Session'),
    Utilities: tracker.track(new Utilities(ctx, utilities), 'Utilities'),
    Logger: tracker.track(new Logger(ctx, logger), 'Logger'),
  };

  return {
    globals,
    ui: tracker.track(new Ui(ctx, ui), 'Ui'),
    host: {
      session,
      ui,
      mail,
      triggers,
      properties,
      locks,
      caches,
      logger,
      utilities,
      raw: (value, type) => tracker.raw(value, type),
    },
  };
}

export { HtmlService } from './html-service.js';
export { LOCK_TIMEOUT_MESSAGE, LocksHost } from './lock.js';
export type { SentMail } from './mail-app.js';
export { MAIL_QUOTA_MESSAGE, MailApp, MailHost } from './mail-app.js';
export { STORE_QUOTA_MESSAGE } from './properties.js';
export { ScriptApp } from './script-app.js';
export { minuteOffset } from './trigger-schedule.js';
export { ADDON_TIME_TRIGGER_MESSAGE, TOO_MANY_TRIGGERS_MESSAGE, Trigger, TriggersHost } from './triggers.js';
export type { MenuTree } from './ui.js';
export { Ui, UiHost } from './ui.js';
