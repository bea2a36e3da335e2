/**
 * The optional stage-table argument of the custom functions. Sheets re-runs a custom function
 * only when its arguments change, so a function that reads Settings by itself keeps a stale
 * result after a probability edit; given the table as a range (e.g. Settings!A1:G), the function
 * depends on it and recalculates. Without it, the caller reads Settings as before.
 */
import { parseStageTable } from '../stage-table';
import type { StageTable } from '../types';
import { ArgumentError } from './arguments';

/** Sheets passes a skipped argument (`=F(a,,b)`) as blank; an optional argument left out is undefined. */
export function isOmitted(arg: unknown): boolean {
  return arg === undefined || arg === null || arg === '';
}

/** The table in the argument, or null when it was left out. A broken table is an error naming its cell. */
export function stageTableArgument(fn: string, arg: unknown): StageTable | null {
  if (isOmitted(arg)) return null;
  if (!Array.isArray(arg) || !Array.isArray(arg[0])) {
    throw new ArgumentError(
      `${fn}: stage_table must be the Settings stage table as a range, such as Settings!A1:G.`,
    );
  }
  // A table comes back only when it has no problem; without one, the problems say why.
  const { table, problems } = parseStageTable(arg as unknown[][]);
  if (table) return table;
  throw new ArgumentError(`${fn}: stage_table is not a valid stage table. ${problems[0]!.message}`);
}
