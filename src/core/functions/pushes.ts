/**
 * CLOSE_DATE_PUSHES: how many times each deal's Close Date was pushed later (numbers/slippage.ts),
 * from History's rows with a Field, which the server reads once per call.
 */
import type { FieldChange } from '../history-rows';
import { slippageByDeal, slippageKey } from '../numbers/slippage';
import { readText } from '../values';
import { columnOf } from './arguments';

/** One count per ID: 0 for a deal never pushed (or unknown), blank for a blank cell. */
export function closeDatePushes(
  ids: unknown,
  changes: readonly FieldChange[],
): number | '' | (number | '')[][] {
  const byDeal = slippageByDeal(changes);
  const one = (cell: unknown): number | '' => {
    const id = readText(cell);
    return id === '' ? '' : (byDeal.get(slippageKey(id))?.pushes ?? 0);
  };
  if (!Array.isArray(ids)) return one(ids);
  return columnOf('CLOSE_DATE_PUSHES', 'ids', ids).cells.map((cell) => [one(cell)]);
}
