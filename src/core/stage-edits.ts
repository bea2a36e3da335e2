/**
 * What happens to a Stage cell someone changed in the sheet (typed, pasted, filled down,
 * cleared, undone), judged against the deal's last accepted stage from the stage record.
 */
import { dealField } from './columns';
import { findStage } from './stages';
import { checkTransition } from './transitions';
import type { CalendarDay, Deal, StageTable } from './types';

export type StageEdit =
  /** No move: the cell says what the record says, or the row is not a deal. */
  | { readonly kind: 'unchanged' }
  /** An accepted move: record it, stamp Stage Since, write History. */
  | {
      readonly kind: 'moved';
      readonly from: string;
      readonly to: string;
      /** Entering a won or lost stage with no Close Date: it closed today. */
      readonly closesToday: boolean;
    }
  /** Refused: the cell goes back to `restore`, and `message` says why and what is allowed. */
  | { readonly kind: 'reverted'; readonly restore: string; readonly message: string };

/**
 * `recorded` is the deal's last accepted stage, undefined for a deal the record has never seen
 * (a new row, or one from before the add-on). A new deal may start in any open stage, and the
 * fields its stage requires are left to validation marks rather than refused, because a row
 * typed by hand gets its Stage before the rest of its cells. (A row emptied entirely is a deleted
 * deal: the caller never judges it.)
 */
export function judgeStageEdit(
  deal: Deal,
  recorded: string | undefined,
  table: StageTable,
  today: CalendarDay,
): StageEdit {
  const to = deal.stage;
  const from = recorded ?? '';
  // A new row with a blank Stage is no move either.
  if (from.trim().toLowerCase() === to.trim().toLowerCase()) return { kind: 'unchanged' };
  const isNew = recorded === undefined;

  const target = findStage(table, to);
  // Entering a won or lost stage fills a blank Close Date with today, so the move is judged on
  // the deal as it will be: a required Close Date is no reason to refuse it.
  const closing = target !== undefined && target.kind !== 'open';
  const closesToday = closing && deal.closeDate === null;
  const check = checkTransition(
    isNew ? null : from,
    to,
    closesToday ? { ...deal, closeDate: today } : deal,
    table,
  );
  // A new deal refused only for fields it lacks (the one refusal an open start can get) starts.
  const startsWithFieldsMissing = isNew && target?.kind === 'open';
  if (check.allowed || startsWithFieldsMissing) {
    return { kind: 'moved', from, to: target!.name, closesToday };
  }
  const needs =
    check.missingFields.length > 0 && !check.reason.includes('needs')
      ? ` ${target!.name} also needs ${check.missingFields.map((key) => dealField(key).header).join(', ')}.`
      : '';
  return { kind: 'reverted', restore: from, message: `${check.reason}${needs}` };
}
