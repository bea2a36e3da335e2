/**
 * Moving a deal from the sidebar, judged exactly as a Stage typed into the sheet is
 * (stage-edits.ts, transitions.ts): against the deal's last accepted stage, with the fields that
 * go with the move filled in first.
 */
import type { DealFieldKey } from '../columns';
import { dealLabel } from '../problems';
import { judgeStageEdit } from '../stage-edits';
import { findStage } from '../stages';
import { checkTransition } from '../transitions';
import type { CalendarDay, Deal, StageTable } from '../types';
import { changedFields } from './changes';
import { asEntering } from './entering';
import type { Judged } from './form';
import { judgeForm, refusal } from './form';
import { describeValue } from './form-values';

export interface Moves {
  /** The stages the deal may move to now, in table order. */
  readonly moves: string[];
  /** For each of them, the fields the deal lacks to enter it. */
  readonly needs: Record<string, string[]>;
}

/** Where a deal whose last accepted stage is `from` may go, and what it lacks for each move. */
export function movesOf(deal: Deal, from: string, table: StageTable, today: CalendarDay): Moves {
  const moves: string[] = [];
  const needs: Record<string, string[]> = {};
  for (const target of table.stages) {
    const check = checkTransition(from, target.name, asEntering(deal, target, today), table);
    const possible = check.allowed ? check.moved : check.allowedMoves.includes(target.name);
    if (!possible) continue;
    moves.push(target.name);
    needs[target.name] = check.allowed ? [] : check.missingFields;
  }
  return { moves, needs };
}

export interface Move {
  /** The deal once moved: its new stage, the fields given, a Close Date of today when it closes. */
  readonly deal: Deal;
  readonly from: string;
  readonly to: string;
  /** Every field to write, the Stage among them (Stage Since is the caller's). */
  readonly changed: DealFieldKey[];
}

/**
 * Judges moving `current` to stage `to` with `fields`. `recorded` is its last accepted stage (the
 * stage record's, else its Stage cell's); `unreadable`, the fields whose cells could not be read.
 * Refused, with a message naming the deal, the move and what is allowed: fields that cannot be
 * read, a move the stage table forbids (before any other field problem: filling fields would not
 * help), staying put, a field the target stage needs left blank or made wrong.
 */
export function judgeMove(
  current: Deal,
  unreadable: readonly DealFieldKey[],
  recorded: string,
  to: unknown,
  fields: unknown,
  table: StageTable,
  today: CalendarDay,
): Judged<Move> {
  const label = dealLabel(current);
  const { moves, needs } = movesOf(current, recorded, table, today);
  if (typeof to !== 'string' || to.trim() === '') {
    const allowed = moves.length > 0 ? `one of ${moves.join(', ')}` : 'a stage, but it cannot move anywhere';
    return {
      ok: false,
      message: `${label}: the stage to move to must be ${allowed}, not ${describeValue(to)}.`,
    };
  }
  const target = findStage(table, to);
  const name = target?.name ?? to.trim();
  const judged = judgeForm(fields ?? {}, current, table, today, {
    kind: 'move',
    to: name,
    needs: needs[name] ?? [],
  });
  if (Object.keys(judged.read).length > 0) return { ok: false, message: refusal(current, judged.read) };

  const outcome = judgeStageEdit(judged.deal, recorded, table, today);
  if (outcome.kind === 'unchanged') return { ok: false, message: `${label} is already in ${name}.` };
  const hasRules = Object.keys(judged.rules).length > 0;
  if (outcome.kind === 'reverted') {
    // A move the table allows is refused only for what it lacks: the fields then say what.
    return {
      ok: false,
      message: moves.includes(name) && hasRules ? refusal(current, judged.rules) : outcome.message,
    };
  }
  if (hasRules) return { ok: false, message: refusal(current, judged.rules) };
  const closing: DealFieldKey[] = outcome.closesToday ? ['closeDate'] : [];
  const changed = new Set([
    ...changedFields(current, judged.values, unreadable),
    'stage' as const,
    ...closing,
  ]);
  return {
    ok: true,
    value: {
      deal: outcome.closesToday ? { ...judged.deal, closeDate: today } : judged.deal,
      from: outcome.from,
      to: outcome.to,
      changed: [...changed],
    },
  };
}
