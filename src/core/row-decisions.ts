/**
 * What the add-on does to a block of Deals rows it was shown — by an edit, or by adoption (Set up
 * sheets, Validate all deals): which deal each row is, which rows get an ID and Created, how each
 * Stage is judged against the record, which Close Date and Amount changes of open deals History
 * records (field-changes.ts), and what History says. Pure: the shell reads the rows, calls
 * `decideRows`, and applies what comes back.
 */
import type { DealFieldKey } from './columns';
import { startOfDay } from './dates';
import type { Identity } from './deal-identity';
import { dealFingerprint, resolveIdentities } from './deal-identity';
import type { DealSheetLayout } from './deal-row';
import { isBlankRow, parseDealRow } from './deal-row';
import type { FieldEntry, TrackedField } from './field-changes';
import { amountOfOldValue, closeDateOfOldValue, decideFields, TRACKED_FIELDS } from './field-changes';
import type { FieldsSeen } from './field-record';
import type { DealProblem } from './problems';
import { judgeStageEdit } from './stage-edits';
import type { StageRecord } from './stage-record';
import { findStage } from './stages';
import type { CalendarDay, Deal, HistoryVia, StageTable } from './types';

export interface RowsShown {
  /** The rows' cells, every column, as read. */
  readonly rows: readonly (readonly unknown[])[];
  /** The 1-based sheet row of `rows[0]`. */
  readonly firstRow: number;
  readonly layout: DealSheetLayout;
  readonly table: StageTable;
  readonly record: StageRecord;
  readonly lastIssued: number;
  readonly today: CalendarDay;
  readonly timeZone: string;
  /** The time of the change, for Stage Since. */
  readonly now: Date;
  /** `setup` for adoption; `edit` or `paste` for an edit. */
  readonly via: HistoryVia;
  /** For an edit: which columns it covered, and the old value of a single cell. */
  readonly edit?: {
    readonly id: boolean;
    readonly stage: boolean;
    readonly closeDate?: boolean;
    readonly amount?: boolean;
    readonly oldValue?: unknown;
  };
  /** How often each issued ID stands outside these rows, when the ID column was read. */
  readonly outside?: ReadonlyMap<string, number>;
}

export interface CellWrite {
  readonly row: number;
  readonly field: DealFieldKey;
  readonly value: string | Date;
}

export interface StageEntry {
  readonly id: string;
  readonly deal: string;
  readonly from: string;
  readonly to: string;
}

export interface RowDecisions {
  readonly writes: CellWrite[];
  /** Deals whose stage (when given) and fingerprint the record now holds. */
  readonly recorded: { readonly id: string; readonly stage?: string; readonly fingerprint: number }[];
  /** Recorded deals no longer in the sheet. */
  readonly gone: readonly string[];
  readonly lastIssued: number;
  readonly history: (StageEntry | FieldEntry)[];
  /** Close Dates and Amounts the record now holds. */
  readonly fields: FieldsSeen[];
  /** Moves put back, one message each. */
  readonly refusals: string[];
  /** IDs put back or replaced, one message each. */
  readonly notices: string[];
  idsIssued: number;
  /** The rows' deals as they are once the writes land, and their cell problems. */
  readonly deals: Deal[];
  readonly problems: DealProblem[];
}

/** A row whose cells all parsed: none unreadable (most rows; one set for all of them). */
const NONE_UNREADABLE: ReadonlySet<string> = new Set();

export function decideRows(shown: RowsShown): RowDecisions {
  const { layout, timeZone, firstRow, edit } = shown;
  const adopting = edit === undefined;
  const parsed = shown.rows.map((cells, i) => ({
    blank: isBlankRow(cells),
    ...parseDealRow(cells, firstRow + i, layout, timeZone),
  }));
  // Sheets gives an old value only for a single-cell edit.
  const single = edit?.oldValue !== undefined;
  const { identities, lastIssued, gone } = resolveIdentities({
    rows: parsed,
    record: shown.record,
    lastIssued: shown.lastIssued,
    adopting,
    outside: shown.outside,
    oldId: single && edit.id && !edit.stage ? String(edit.oldValue) : undefined,
    stageEdited: edit?.stage ?? false,
  });

  const out: RowDecisions = {
    writes: [],
    recorded: [],
    gone,
    lastIssued,
    history: [],
    fields: [],
    refusals: [],
    notices: [],
    idsIssued: 0,
    deals: [],
    problems: [],
  };
  const oldStage = single && edit.stage && !edit.id ? edit.oldValue : undefined;
  parsed.forEach((p, i) => {
    const identity = identities[i]!;
    if (p.blank) return;
    out.problems.push(...p.problems);
    if (identity.kind === 'none') {
      out.deals.push(p.deal);
      return;
    }
    const deal = decideRow(shown, out, p.deal, identity, oldStage);
    out.deals.push(deal);
    const unreadable =
      p.problems.length === 0 ? NONE_UNREADABLE : new Set(p.problems.map((problem) => problem.field));
    decideRowFields(shown, out, deal, identity, unreadable);
  });
  return out;
}

/**
 * The History rows the row's Close Date and Amount changes make, and what the record keeps of
 * them (field-changes.ts). The fields the edit covered, or the add-on just wrote, may have
 * changed; a single cell's old value says what it held. A column not read, or a cell that cannot
 * be read, is left as the record has it.
 */
function decideRowFields(
  shown: RowsShown,
  out: RowDecisions,
  deal: Deal,
  identity: Exclude<Identity, { kind: 'none' }>,
  unreadable: ReadonlySet<string>,
): void {
  const { edit, layout } = shown;
  const known = (key: TrackedField) => layout.columns[key] >= 0 && !unreadable.has(key);
  const changed = TRACKED_FIELDS.filter(
    (key) =>
      (edit?.[key] ?? false) || out.writes.some((write) => write.row === deal.row && write.field === key),
  );
  // Sheets gives an old value for a single-cell edit only, so it is that of the one field covered.
  const old = (key: TrackedField) => (edit?.[key] ? edit.oldValue : undefined);
  const decided = decideFields(
    {
      id: deal.id,
      deal: deal.deal,
      open: findStage(shown.table, deal.stage)?.kind === 'open',
      isNew: identity.kind !== 'kept' && identity.kind !== 'restored',
      now: {
        closeDate: known('closeDate') ? deal.closeDate : undefined,
        amount: known('amount') ? deal.amount : undefined,
      },
      changed,
      before: {
        closeDate: closeDateOfOldValue(old('closeDate'), shown.timeZone),
        amount: amountOfOldValue(old('amount')),
      },
    },
    shown.record.fields,
  );
  out.history.push(...decided.entries);
  if (decided.seen) out.fields.push(decided.seen);
}

function decideRow(
  shown: RowsShown,
  out: RowDecisions,
  original: Deal,
  identity: Exclude<Identity, { kind: 'none' }>,
  oldStage: unknown,
): Deal {
  const { row } = original;
  const { table, record, edit } = shown;
  const write = (field: DealFieldKey, value: string | Date) => out.writes.push({ row, field, value });
  let deal: Deal = { ...original, id: identity.id };
  if (identity.kind !== 'kept') write('id', identity.id);
  if (identity.kind === 'new' || identity.kind === 'lost') {
    out.idsIssued += 1;
    if (deal.created === null || (identity.kind === 'new' && identity.copyOf !== undefined)) {
      write('created', startOfDay(shown.today, shown.timeZone));
      deal = { ...deal, created: shown.today };
    }
  }
  out.notices.push(...identityNotice(original, identity));

  const fingerprint = dealFingerprint(deal);
  const recorded = record.stageOf(deal.id);
  const stage = findStage(table, deal.stage);
  const adoptsStage = edit === undefined ? recorded === undefined : identity.kind === 'lost' && !edit.stage;
  if (adoptsStage) {
    if (stage) {
      out.recorded.push({ id: deal.id, stage: stage.name, fingerprint });
      out.history.push({ id: deal.id, deal: deal.deal, from: '', to: stage.name });
      if (deal.stageSince === null) {
        write('stageSince', shown.now);
        deal = { ...deal, stageSince: shown.now.getTime() };
      }
    } else {
      out.recorded.push({ id: deal.id, fingerprint });
    }
    return deal;
  }

  const judged = edit !== undefined && (edit.stage || identity.kind === 'new');
  if (!judged) {
    out.recorded.push({ id: deal.id, fingerprint });
    return deal;
  }
  const outcome = judgeStageEdit(deal, recorded ?? blankAsUndefined(oldStage), table, shown.today);
  if (outcome.kind === 'reverted') {
    write('stage', outcome.restore);
    out.refusals.push(outcome.message);
    out.recorded.push({ id: deal.id, fingerprint });
    return { ...deal, stage: outcome.restore };
  }
  if (outcome.kind === 'unchanged') {
    out.recorded.push({ id: deal.id, fingerprint });
    return deal;
  }
  out.recorded.push({ id: deal.id, stage: outcome.to, fingerprint });
  out.history.push({ id: deal.id, deal: deal.deal, from: outcome.from, to: outcome.to });
  write('stageSince', shown.now);
  deal = { ...deal, stageSince: shown.now.getTime() };
  if (outcome.closesToday) {
    write('closeDate', startOfDay(shown.today, shown.timeZone));
    deal = { ...deal, closeDate: shown.today };
  }
  return deal;
}

/** The old value Sheets gives for a single cell, as a recorded stage: blank means none. */
function blankAsUndefined(value: unknown): string | undefined {
  return value === undefined || String(value).trim() === '' ? undefined : String(value);
}

function identityNotice(deal: Deal, identity: Identity): string[] {
  const where = `Row ${deal.row}`;
  switch (identity.kind) {
    case 'restored':
      return [
        `${where}: put back ID ${identity.id}${deal.id === '' ? '' : ` in place of "${deal.id}"`}; IDs are kept by Deal Pipeline.`,
      ];
    case 'new':
      if (identity.copyOf !== undefined) {
        return [`${where} is a copy of ${identity.copyOf}: it is a new deal, ${identity.id}.`];
      }
      return identity.replaced === undefined
        ? []
        : [
            `${where}: "${identity.replaced}" is not an ID Deal Pipeline issued; the deal is now ${identity.id}.`,
          ];
    case 'lost':
      return [
        `${where} had lost its ID and Deal Pipeline cannot tell which deal it was: it is now ${identity.id} ` +
          `(Undo brings the old ID back).`,
      ];
    default:
      return [];
  }
}
