/**
 * The playground's JSON API: each route checks its request completely (every field, its type and
 * range) before it changes anything, so a bad request gets a 4xx that says what is wrong and
 * leaves the workbook, and its save file, as they were.
 */
import { RequestError } from './errors';
import type { ChangeResponse } from './page/contract';
import type { Outcome, Playground } from './playground';
import { sheetView } from './sheet-view';
import { stateView } from './state-view';

/** The page asks for this many rows at first, and more as a person scrolls to them. */
const DEFAULT_ROWS = 200;

/**
 * - read: answers with what it read.
 * - change: acts, then the playground saves, then it answers with the new state and the outcome.
 * - script: a google.script.run call; saved like a change, answered with the call's result alone.
 */
interface Route {
  method: 'GET' | 'POST';
  kind: 'read' | 'change' | 'script';
  /** GET: the query parameters; POST: the JSON body. */
  handle(playground: Playground, input: Record<string, unknown>): unknown;
}

const change = (handle: (playground: Playground, body: Record<string, unknown>) => Outcome): Route => ({
  method: 'POST',
  kind: 'change',
  handle,
});

export const ROUTES: Readonly<Record<string, Route>> = {
  '/api/state': { method: 'GET', kind: 'read', handle: (playground) => stateView(playground) },
  '/api/sheet': {
    method: 'GET',
    kind: 'read',
    handle(playground, query) {
      const sheet = playground.sheet(text(query, 'name'));
      const rows = query.rows === undefined ? DEFAULT_ROWS : whole(Number(query.rows), 'rows', 1);
      return sheetView(playground.emulator.workbook, sheet, rows);
    },
  },
  '/api/open': change((playground) => playground.openSpreadsheet()),
  '/api/edit': change((playground, body) => {
    const sheet = text(body, 'sheet');
    const row = whole(body.row, 'row', 1);
    const column = whole(body.column, 'column', 1);
    return playground.edit(sheet, row, column, block(body.values));
  }),
  '/api/menu': change((playground, body) => playground.runMenuItem(text(body, 'functionName'))),
  '/api/next-day': change((playground) => {
    playground.nextDay();
    return {};
  }),
  '/api/run-trigger': change((playground, body) => playground.runTrigger(text(body, 'id'))),
  '/api/import': change((playground, body) => playground.importReferenceFile(text(body, 'file'))),
  '/api/script-run': {
    method: 'POST',
    kind: 'script',
    handle(playground, body) {
      const name = text(body, 'name');
      if (!Array.isArray(body.args)) throw new RequestError(400, '"args" must be a list of the arguments.');
      return playground.scriptRun(name, body.args as unknown[]);
    },
  },
};

/** What a change answers, once saved. */
export function changed(playground: Playground, outcome: Outcome): ChangeResponse {
  return { state: stateView(playground), ...outcome };
}

function text(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (typeof value !== 'string' || value === '')
    throw new RequestError(400, `"${field}" must be a non-empty string.`);
  return value;
}

function whole(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RequestError(400, `"${field}" must be a whole number of at least ${min}.`);
  }
  return value;
}

/** A paste or a typed cell: rows of equal length, each cell the text a person typed. */
function block(values: unknown): string[][] {
  const rectangular =
    Array.isArray(values) &&
    values.length > 0 &&
    values.every(
      (line) =>
        Array.isArray(line) &&
        line.length > 0 &&
        line.length === (values[0] as unknown[]).length &&
        line.every((cell) => typeof cell === 'string'),
    );
  if (!rectangular) {
    throw new RequestError(400, '"values" must be rows of text, every row as long as the first, none empty.');
  }
  return values as string[][];
}
