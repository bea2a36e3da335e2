/**
 * Writing validation marks on Deals rows: notes and backgrounds, read and written as one block
 * each. Values are never touched.
 */
import { markBlock } from '../core/marks';
import type { DealProblem } from '../core/problems';
import type { DealsSheet } from './deals-sheet';

/**
 * Marks every problem of rows `firstRow`..`firstRow + count - 1` and clears the add-on's old
 * marks there. 3 calls to read; 2 more when anything changed.
 */
export function markRows(
  deals: DealsSheet,
  firstRow: number,
  count: number,
  problems: readonly DealProblem[],
): void {
  if (count <= 0) return;
  const range = deals.sheet.getRange(firstRow, 1, count, deals.width);
  const block = markBlock(range.getNotes(), range.getBackgrounds(), firstRow, problems, (problem) => {
    return deals.layout.columns[problem.field];
  });
  if (!block.changed) return;
  range.setNotes(block.notes);
  range.setBackgrounds(block.backgrounds as string[][]);
}
