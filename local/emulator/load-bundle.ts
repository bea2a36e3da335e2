/**
 * Loads the built add-on (every .js file of dist/, as Apps Script concatenates a project's
 * files into one global scope) into a fresh vm context whose globals are the emulator's services,
 * and returns its top-level functions. Each call is one Apps Script execution: locks the script
 * forgot are released when it returns, as they are when a real execution ends.
 */
import gas from 'gas-local';
import type { Emulator } from './index';
import type { UserEdit } from './spreadsheet';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ScriptFunction = (...args: any[]) => any;

export interface Bundle {
  /** The vm context's global object: the bundle's top-level names and the service globals. */
  readonly context: Record<string, unknown>;
  /** The bundle's top-level functions, by name: what google.script.run and triggers can call. */
  readonly functions: Readonly<Record<string, ScriptFunction>>;
  /** Calls one top-level function as its own execution. */
  run(name: string, ...args: unknown[]): unknown;
  /** The names of the bundle's top-level functions, sorted. */
  functionNames(): string[];
  /** Types into the sheet as a user would, then fires the onEdit simple trigger as Sheets does. */
  edit(sheetName: string, a1: string, values: unknown[][]): UserEdit;
}

export function loadBundle(emulator: Emulator, distDir = 'dist'): Bundle {
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

  const run = (name: string, ...args: unknown[]): unknown => {
    const fn = functions[name];
    if (!fn) throw new Error(`The bundle has no top-level function ${name}.`);
    try {
      return fn(...args);
    } finally {
      emulator.endExecution();
    }
  };

  return {
    context,
    functions,
    run,
    functionNames: () => Object.keys(topLevelFunctions()).sort(),
    edit(sheetName, a1, values) {
      const edit = emulator.workbook.userSetValues(sheetName, a1, values);
      if (functions.onEdit) run('onEdit', editEvent(emulator, edit));
      return edit;
    },
  };
}

/** The event object Sheets passes to onEdit (value and oldValue only for single-cell edits). */
function editEvent(emulator: Emulator, edit: UserEdit): Record<string, unknown> {
  const { spreadsheet, host } = emulator;
  const event: Record<string, unknown> = {
    authMode: 'LIMITED',
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
