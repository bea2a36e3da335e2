/**
 * Stage moves, judged the same way whatever the input path (typing, paste, sidebar, import): the
 * caller supplies the deal's last accepted stage, because Apps Script gives no old values for
 * multi-cell edits. Also the deal IDs, which must never be reused.
 */
import type { DealFieldKey } from './columns';
import { DEAL_FIELDS } from './columns';
import { dealLabel } from './problems';
import { allowedNextStages, findStage, missingFields, openStageNames } from './stages';
import type { Deal, StageTable } from './types';

export type TransitionCheck =
  | {
      readonly allowed: true;
      /** False when the deal stays where it is: nothing to record in History. */
      readonly moved: boolean;
    }
  | {
      readonly allowed: false;
      /** Names the deal, the move and what would be allowed, ready for a toast. */
      readonly reason: string;
      /** Where the deal may go from `from` (the open stages for a new deal). */
      readonly allowedMoves: string[];
      /** Fields the target stage requires that the deal lacks; empty when the target is unknown. */
      readonly missingFields: DealFieldKey[];
    };

const HEADER_OF = new Map<DealFieldKey, string>(DEAL_FIELDS.map((field) => [field.key, field.header]));

function movesText(moves: readonly string[]): string {
  return moves.length === 0 ? 'it cannot move anywhere' : `allowed: ${moves.join(', ')}`;
}

/**
 * May `deal` move from stage `from` (null or blank for a new deal) to stage `to`? A new deal may
 * start in any open stage; otherwise `to` must be among `from`'s Next Stages (`*` = anywhere,
 * blank = nowhere), and the deal must have every field `to` requires. Staying put is allowed and
 * is not a move. A deal whose recorded stage is no longer in Settings (it was renamed or removed)
 * may go anywhere, so that no deal is stuck by a change to the table.
 */
export function checkTransition(
  from: string | null,
  to: string,
  deal: Deal,
  table: StageTable,
): TransitionCheck {
  const isNew = from === null || from.trim() === '';
  const source = isNew ? undefined : findStage(table, from);
  const target = findStage(table, to);
  const label = dealLabel(deal);

  if (!isNew && target !== undefined && source === target) return { allowed: true, moved: false };

  const allowedMoves = isNew
    ? openStageNames(table)
    : source
      ? allowedNextStages(table, source.name)
      : table.stages.map((stage) => stage.name);
  const fromText = isNew ? 'a new deal' : `${source?.name ?? from.trim()}`;
  const refuse = (why: string, missing: DealFieldKey[] = []): TransitionCheck => ({
    allowed: false,
    reason: `${label}: ${why}`,
    allowedMoves,
    missingFields: missing,
  });

  if (!target) {
    const what =
      to.trim() === '' ? 'a deal cannot have a blank Stage' : `"${to.trim()}" is not a stage in Settings`;
    return refuse(`${what}. From ${fromText}, ${movesText(allowedMoves)}.`);
  }
  if (isNew && target.kind !== 'open') {
    return refuse(
      `a new deal cannot start in ${target.name}; ${movesText(allowedMoves)}.`,
      missingFields(deal, target),
    );
  }
  if (source && !allowedMoves.includes(target.name)) {
    const why = `${source.name} → ${target.name} is not allowed. From ${source.name}, ${movesText(allowedMoves)}.`;
    return refuse(why, missingFields(deal, target));
  }
  const missing = missingFields(deal, target);
  if (missing.length > 0) {
    const names = missing.map((field) => HEADER_OF.get(field) ?? field).join(', ');
    return refuse(`${target.name} needs ${names} first.`, missing);
  }
  return { allowed: true, moved: true };
}

const MIN_ID_WIDTH = 4;

/** The counter in an ID such as "D-0042" (42), or null for any other text. */
export function dealIdNumber(id: string): number | null {
  // What /^D-(\d+)$/i says of the trimmed text, read without a regular expression (every deal's
  // ID is read several times each Validate all deals).
  const text = id.trim();
  const first = text.charCodeAt(0);
  if (text.length < 3 || (first !== 0x44 && first !== 0x64) || text.charCodeAt(1) !== 0x2d) return null;
  for (let i = 2; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return null;
  }
  return Number(text.slice(2));
}

/** The ID for `n`: "D-0001" … "D-9999", then "D-10000" and wider. */
export function formatDealId(n: number): string {
  return `D-${String(n).padStart(MIN_ID_WIDTH, '0')}`;
}

/**
 * The next deal ID: one past `lastIssued` (the highest number ever issued, kept by the server, so
 * deleting the last deal does not free its ID), skipping any number a cell already holds. An ID
 * someone typed is never trusted, but never duplicated either; and it is the counter that decides,
 * not the highest ID in sight, so a typed D-999999999 cannot make the stage record grow.
 */
export function nextDealId(existingIds: Iterable<string>, lastIssued: number): string {
  const taken = new Set(Array.from(existingIds, dealIdNumber));
  let n = lastIssued + 1;
  while (taken.has(n)) n++;
  return formatDealId(n);
}
