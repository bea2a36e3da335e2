/**
 * Loads the built add-on (every .js file of dist/, as Apps Script concatenates a project's
 * files into one global scope) into a fresh vm context whose globals are the emulator's services,
 * and returns its top-level functions. Each call is one Apps Script execution in the context
 * Google runs that function in (contexts.ts): locks the script forgot are released when it
 * returns, as they are when a real execution ends.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import gas from 'gas-local';

import type { ExecutionContext } from './contexts';
import { AUTH_MODES } from './contexts';
import type { Emulator } from './index';
import type { UserEdit } from './spreadsheet';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScriptFunction = (...args: any[]) => any;

export interface Bundle {
  /** The vm context's global object: the bundle's top-level names and the service globals. */
  readonly context: Record<string, unknown>;
  /** The bundle's top-level functions, by name: what google.script.run and triggers can call. */
  readonly functions: Readonly<Record<string, ScriptFunction>>;
  /**
   * Calls one top-level function as its own execution where Google runs it: onOpen and onEdit as
   * simple triggers, a function whose JSDoc says @customfunction as a custom function, one named
   * in BundleOptions.contexts there, any other as a menu item.
   */
  run(name: string, ...args: unknown[]): unknown;
  /** Calls one top-level function as its own execution in the given context. */
  runIn(context: ExecutionContext, name: string, ...args: unknown[]): unknown;
  /** The names of the bundle's top-level functions, sorted. */
  functionNames(): string[];
  /** Types into the sheet as a user would, then fires the onEdit simple trigger as Sheets does. */
  edit(sheetName: string, a1: string, values: unknown[][]): UserEdit;
}

export interface BundleOptions {
  /** Default 'dist'. */
  distDir?: string;
  /**
   * The context of functions no name or JSDoc marks, such as a clock trigger's handler; every
   * other function runs as a menu item does.
   */
  contexts?: Readonly<Record<string, ExecutionContext>>;
}

/** The simple triggers Sheets calls by name; onInstall "runs in AuthMode.FULL", as a menu item. */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onSelectionChange']);

export function loadBundle(emulator: Emulator, options: BundleOptions = {}): Bundle {
  const distDir = options.distDir ?? 'dist';
  const customFunctions = customFunctionNames(distDir);
  const contextOf = (name: string): ExecutionContext =>
    options.contexts?.[name] ??
    (SIMPLE_TRIGGERS.has(name) ? 'simple-trigger' : customFunctions.has(name) ? 'custom-function' : 'menu');
  const globals = emulator.globals();
  const serviceNames = new Set(Object.keys(globals));
  const context = gas.require(distDir, globals, {
    filter: (file: string) => file.endsWith('.js'),
  }) as Record<string, unknown>;
  /** Read live, so a test sees what the context holds now. */
  const topLevelFunctions = (): Record<string, ScriptFunction> => {
    const found: Record<string, ScriptFunction> = {};
    for (const name of Object.keys(context)) {
      const value = context[name];
      if (typeof value === 'function' && !serviceNames.has(name)) found[name] = value as ScriptFunction;
    }
    return found;
  };
  const functions = topLevelFunctions();

  const runIn = (where: ExecutionContext, name: string, ...args: unknown[]): unknown => {
    const fn = functions[name];
    if (!fn) throw new Error(`The bundle has no top-level function ${name}.`);
    return emulator.within(where, () => {
      try {
        return fn(...args) as unknown;
      } finally {
        emulator.endExecution();
      }
    });
  };

  return {
    context,
    functions,
    run: (name, ...args) => runIn(contextOf(name), name, ...args),
    runIn,
    functionNames: () => Object.keys(topLevelFunctions()).sort(),
    edit(sheetName, a1, values) {
      const edit = emulator.workbook.userSetValues(sheetName, a1, values);
      if (functions.onEdit) runIn('simple-trigger', 'onEdit', editEvent(emulator, edit));
      return edit;
    },
  };
}

/**
 * The functions meant for formulas: top-level functions whose JSDoc carries @customfunction, the
 * tag Sheets reads to offer them in autocomplete.
 */
function customFunctionNames(distDir: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(distDir).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const [, doc = '', name = ''] of code.matchAll(
      /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\r?\nfunction\s+([\w$]+)\s*\(/g,
    )) {
      if (/@customfunction\b/.test(doc)) names.add(name);
    }
  }
  return names;
}

/**
 * The event object Sheets passes to onEdit (value and oldValue only for single-cell edits). Its
 * user is "the active user, if available (depending on a complex set of security restrictions)"
 * (Event objects guide): hidden exactly where Session hides it.
 */
function editEvent(emulator: Emulator, edit: UserEdit): Record<string, unknown> {
  const { spreadsheet, host } = emulator;
  const event: Record<string, unknown> = {
    authMode: AUTH_MODES['simple-trigger'],
    triggerUid: '',
    source: spreadsheet.scriptSpreadsheet(),
    range: spreadsheet.scriptRange(edit.sheetName, rangeA1(edit)),
    user: {
      getEmail: () => host.session.activeUser,
      getNickname: () => host.session.activeUser.split('@')[0],
    },
  };
  if ('value' in edit && edit.value !== undefined) event.value = edit.value;
  if ('oldValue' in edit && edit.oldValue !== undefined) event.oldValue = edit.oldValue;
  return event;
}

function rangeA1(edit: UserEdit): string {
  const column = (n: number): string => {
    let s = '';
    for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  const start = `${column(edit.column)}${edit.row}`;
  const end = `${column(edit.column + edit.numColumns - 1)}${edit.row + edit.numRows - 1}`;
  return start === end ? start : `${start}:${end}`;
}
