/**
 * The Apps Script emulator: one spreadsheet with its services, a controllable clock, and a
 * counter of every service call. Every call is judged where the code runs (contexts.ts) and
 * against the manifest's scopes (scopes.ts). `loadBundle` (load-bundle.ts) runs dist/ against it.
 */
import vm from 'node:vm';

import { CallCounter } from './calls';
import { Clock, clockDate } from './clock';
import type { ExecutionContext } from './contexts';
import { hidesUser, verdictIn } from './contexts';
import { manifestScopes, missingScopeMessage } from './scopes';
import type { Services, ServicesHost } from './services';
import { createServices } from './services';
import type { SpreadsheetService, Workbook, WorkbookJSON } from './spreadsheet';
import { createSpreadsheetService } from './spreadsheet';

export interface EmulatorOptions {
  /** The clock's start; default the real now. */
  now?: Date | number | string;
  /** The spreadsheet's time zone; default America/New_York. */
  timeZone?: string;
  /** The active user's email; default owner@example.com. */
  user?: string;
  /** MailApp's daily recipients; default 100, a consumer account's. */
  mailQuota?: number;
  /** Where HtmlService finds its files and the manifest is read; default dist. */
  distDir?: string;
  /**
   * The manifest's oauthScopes; default those of `<distDir>/appsscript.json`. Without a list
   * Apps Script infers the scopes from the code, and no call is refused for want of one.
   */
  oauthScopes?: readonly string[];
  /** A saved workbook to start from. */
  workbook?: WorkbookJSON;
  spreadsheetName?: string;
}

export class Emulator {
  readonly calls = new CallCounter((key) => this.judge(key));
  readonly clock: Clock;
  /** The script realm's Date: reads the clock when called with no arguments. */
  readonly Date: DateConstructor;
  readonly services: Services;
  readonly spreadsheet: SpreadsheetService;
  /** The global object of the script context currently loaded (see loadBundle). */
  private scriptGlobal: Record<string, unknown> = {};
  private scriptError: ErrorConstructor | undefined;
  private readonly scopes: ReadonlySet<string> | undefined;
  /** Where the code running now runs; between executions, a menu item's context. */
  private running: ExecutionContext = 'menu';

  constructor(options: EmulatorOptions = {}) {
    const scopes = options.oauthScopes ?? manifestScopes(options.distDir ?? 'dist');
    this.scopes = scopes && new Set(scopes);
    this.clock = new Clock(options.now === undefined ? Date.now() : new Date(options.now));
    this.Date = clockDate(this.clock);
    // The services need the workbook's time zone and id, and the workbook needs the services' Ui.
    const late: { workbook?: Workbook } = {};
    this.services = createServices({
      calls: this.calls,
      clock: this.clock,
      distDir: options.distDir ?? 'dist',
      timeZone: () => late.workbook?.timeZone ?? options.timeZone ?? 'America/New_York',
      user: options.user,
      identityHidden: () => hidesUser(this.running),
      mailQuota: options.mailQuota,
      documentId: () => late.workbook?.id ?? 'spreadsheet-1',
      sourceIdOf: () => late.workbook?.id ?? 'spreadsheet-1',
      templateScope: () => this.scriptGlobal,
      createError: (message) => this.error(message),
    });
    this.spreadsheet = createSpreadsheetService({
      calls: this.calls,
      clock: this.clock,
      ui: this.services.ui as unknown as GoogleAppsScript.Base.Ui,
      timeZone: options.timeZone,
      name: options.spreadsheetName,
      workbook: options.workbook,
      dateClass: this.Date,
    });
    late.workbook = this.spreadsheet.workbook;
  }

  get workbook(): Workbook {
    return this.spreadsheet.workbook;
  }

  get host(): ServicesHost {
    return this.services.host;
  }

  /**
   * A fresh global object for one script context: the services, `console`, and a Date that
   * reads the clock. Fresh each time, because a vm context keeps whatever the script defines.
   */
  globals(): Record<string, unknown> {
    const { SpreadsheetApp, Charts } = this.spreadsheet;
    const scope: Record<string, unknown> = {
      ...this.services.globals,
      SpreadsheetApp,
      Charts,
      console,
      Date: this.Date,
    };
    this.scriptGlobal = scope;
    this.scriptError = undefined;
    return scope;
  }

  get context(): ExecutionContext {
    return this.running;
  }

  /** Runs `fn` where `context` runs code; the context before comes back after, even on throw. */
  within<T>(context: ExecutionContext, fn: () => T): T {
    const before = this.running;
    this.running = context;
    try {
      return fn();
    } finally {
      this.running = before;
    }
  }

  /** Ends an execution as Apps Script does: locks the script still holds are released. */
  endExecution(): void {
    this.host.locks.endExecution();
  }

  /** Refuses a call the manifest or the context does not allow, or says what it returns instead. */
  private judge(key: string): { readonly returns: unknown } | undefined {
    const missing = missingScopeMessage(key, this.scopes);
    if (missing) throw this.error(missing);
    const verdict = verdictIn(this.running, key);
    if (verdict && 'refused' in verdict) throw this.error(verdict.refused);
    return verdict;
  }

  /** An error as Apps Script throws it ("Exception: …"), made in the script's realm. */
  private error(message: string): Error {
    if (!this.scriptError && vm.isContext(this.scriptGlobal)) {
      this.scriptError = vm.runInContext('Error', this.scriptGlobal) as ErrorConstructor;
    }
    const error = new (this.scriptError ?? Error)(message);
    error.name = 'Exception';
    return error;
  }
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new Emulator(options);
}

export { Clock } from './clock';
export type { ExecutionContext } from './contexts';
