/**
 * Deals rows in, typed deals out. The header row is mapped to columns once; each row is then
 * read by position with no string matching. Columns the add-on does not know are never read:
 * nothing in a Deal comes from them, so nothing the add-on writes can touch them.
 */
import type { DealFieldKey } from './columns';
import { DEAL_FIELDS, fieldOfHeader, headerColumns, SHEET } from './columns';
import type { DealProblem } from './problems';
import { cellName, dealLabel } from './problems';
import type { CellProblem, Deal, StageTable } from './types';
import type { Reading, Unreadable } from './values';
import { isBlankCell, isUnreadable, readDay, readInstant, readMoney, readPercent, readText } from './values';

export type DealValues = readonly (readonly unknown[])[];

/**
 * The columns without which no operation runs: the ID follows each deal wherever its row goes,
 * and the Stage is what the rules judge. Every other column may be missing for a while.
 */
const RULE_FIELDS: readonly DealFieldKey[] = ['id', 'stage'];

/**
 * Columns every Deals sheet should have, whatever the stages require: the add-on writes ID,
 * Created and Stage Since; the rules need Stage; the numbers Amount and Close Date; reminders
 * Owner and Follow-up; messages Deal.
 */
const EXPECTED_DEAL_FIELDS: readonly DealFieldKey[] = [
  'id',
  'deal',
  'owner',
  'stage',
  'amount',
  'closeDate',
  'followUp',
  'created',
  'stageSince',
];

export interface DealSheetLayout {
  /** 0-based column of each field; -1 when the sheet has no such column (its cells read blank). */
  readonly columns: Readonly<Record<DealFieldKey, number>>;
  /** Expected fields whose column is missing, in the order of DEAL_FIELDS. */
  readonly missing: readonly DealFieldKey[];
  /** Missing expected columns (errors) and repeated known headers (warnings), at row 1. */
  readonly problems: readonly CellProblem[];
}

/**
 * Where each field is, from the Deals header row (trimmed, case-insensitive; the first of two
 * equal headers wins). Expected columns are the ones every sheet should have, every stage's
 * Required Fields, and Lost Reason when there is a lost stage. A missing one is reported, and
 * its field reads blank in every deal: whether an operation can still run is the caller's call.
 */
export function dealSheetLayout(headerRow: readonly unknown[], table?: StageTable): DealSheetLayout {
  const at = headerColumns(headerRow);
  const columns = {} as Record<DealFieldKey, number>;
  for (const field of DEAL_FIELDS) columns[field.key] = at(field.header);

  const expected = new Set<DealFieldKey>(EXPECTED_DEAL_FIELDS);
  for (const stage of table?.stages ?? []) {
    for (const field of stage.requiredFields) expected.add(field);
    if (stage.kind === 'lost') expected.add('lostReason');
  }

  const problems: CellProblem[] = [];
  const missing = DEAL_FIELDS.filter((field) => expected.has(field.key) && columns[field.key] < 0);
  for (const field of missing) {
    problems.push({
      cell: `${SHEET.deals}!1:1`,
      message: `The ${SHEET.deals} sheet has no "${field.header}" column, so ${field.header} counts as blank in every deal. Run Deal Pipeline › Set up sheets to add it.`,
      severity: 'error',
    });
  }
  headerRow.forEach((header, column) => {
    const field = fieldOfHeader(header);
    if (field && columns[field.key] !== column) {
      const cell = cellName(SHEET.deals, 1, column);
      problems.push({
        cell,
        message: `${cell}: a second "${field.header}" column is ignored; the add-on uses the first one.`,
        severity: 'warning',
      });
    }
  });
  return { columns, missing: missing.map((field) => field.key), problems };
}

/**
 * The columns an operation cannot run without that the sheet lacks: ID and Stage always, and the
 * operation's own `needs`. Empty when it can run, every other missing column reading blank.
 */
export function missingNeeded(layout: DealSheetLayout, needs: readonly DealFieldKey[]): DealFieldKey[] {
  return [...RULE_FIELDS, ...needs].filter((field) => layout.columns[field] < 0);
}

/** A row whose every cell, known column or not, is blank: spreadsheets end in thousands of them. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

const HEADER_OF = Object.fromEntries(DEAL_FIELDS.map((field) => [field.key, field.header])) as Record<
  DealFieldKey,
  string
>;

/** The cell in `column`, or nothing when the sheet has no such column. */
function cellAt(cells: readonly unknown[], column: number): unknown {
  return column < 0 ? undefined : cells[column];
}

/**
 * Reads a typed value; on a bad cell, reports it and gives null. The problem (and the deal's
 * label) is built only then, so a clean row costs no more than its Deal object.
 */
function typed<T>(
  reading: Reading<T>,
  field: DealFieldKey,
  row: number,
  id: string,
  name: string,
  problems: DealProblem[],
): T | null {
  if (!isUnreadable(reading)) return reading;
  const { unreadable }: Unreadable = reading;
  const message = `${dealLabel({ row, id, deal: name })}: ${HEADER_OF[field]} ${unreadable}.`;
  problems.push({ row, field, message, severity: 'error' });
  return null;
}

function readDeal(
  cells: readonly unknown[],
  row: number,
  layout: DealSheetLayout,
  timeZone: string,
  problems: DealProblem[],
): Deal {
  const c = layout.columns;
  const id = readText(cellAt(cells, c.id), timeZone);
  const name = readText(cellAt(cells, c.deal), timeZone);
  return {
    row,
    id,
    deal: name,
    company: readText(cellAt(cells, c.company), timeZone),
    contact: readText(cellAt(cells, c.contact), timeZone),
    email: readText(cellAt(cells, c.email), timeZone),
    phone: readText(cellAt(cells, c.phone), timeZone),
    owner: readText(cellAt(cells, c.owner), timeZone),
    stage: readText(cellAt(cells, c.stage), timeZone),
    amount: typed(readMoney(cellAt(cells, c.amount)), 'amount', row, id, name, problems),
    probability: typed(readPercent(cellAt(cells, c.probability)), 'probability', row, id, name, problems),
    closeDate: typed(readDay(cellAt(cells, c.closeDate), timeZone), 'closeDate', row, id, name, problems),
    followUp: typed(readDay(cellAt(cells, c.followUp), timeZone), 'followUp', row, id, name, problems),
    nextStep: readText(cellAt(cells, c.nextStep), timeZone),
    lastContact: typed(
      readDay(cellAt(cells, c.lastContact), timeZone),
      'lastContact',
      row,
      id,
      name,
      problems,
    ),
    created: typed(readDay(cellAt(cells, c.created), timeZone), 'created', row, id, name, problems),
    stageSince: typed(
      readInstant(cellAt(cells, c.stageSince), timeZone),
      'stageSince',
      row,
      id,
      name,
      problems,
    ),
    lostReason: readText(cellAt(cells, c.lostReason), timeZone),
    notes: readText(cellAt(cells, c.notes), timeZone),
  };
}

/** One Deals row (1-based `row`) as a deal, with a problem for every cell of the wrong type. */
export function parseDealRow(
  cells: readonly unknown[],
  row: number,
  layout: DealSheetLayout,
  timeZone: string,
): { deal: Deal; problems: DealProblem[] } {
  const problems: DealProblem[] = [];
  return { deal: readDeal(cells, row, layout, timeZone, problems), problems };
}

export interface ParsedDeals {
  readonly deals: Deal[];
  /** Cells of the wrong type; the deal holds null there. */
  readonly problems: DealProblem[];
}

/** Rows read from the sheet starting at 1-based row `firstRow`; blank rows are skipped. */
export function parseDealRows(
  rows: DealValues,
  firstRow: number,
  layout: DealSheetLayout,
  timeZone: string,
): ParsedDeals {
  const deals: Deal[] = [];
  const problems: DealProblem[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    if (cells === undefined || isBlankRow(cells)) continue;
    deals.push(readDeal(cells, firstRow + i, layout, timeZone, problems));
  }
  return { deals, problems };
}
