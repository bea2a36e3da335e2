/**
 * The stage table of the Settings sheet: from A1, found by its headers in any column order, one
 * row per stage in pipeline order. A broken table is never half-used: every problem is reported
 * with its cell and the whole table is refused. `stageTableRows` writes a table back as rows that
 * parse to the same table, so "Set up sheets" can restore the last valid one.
 */
import type { DealFieldKey } from './columns';
import {
  DEAL_FIELDS,
  dealField,
  fieldOfHeader,
  headerColumns,
  normalizeHeader,
  SHEET,
  STAGE_TABLE_HEADERS,
} from './columns';
import type { SettingsCell } from './defaults';
import { DEFAULT_STAGE_ROWS } from './defaults';
import type { SettingsValues } from './options';
import { cellName, quoteValue } from './problems';
import { normalizeStageName } from './stages';
import type { CellProblem, ForecastCategory, Stage, StageKind, StageTable } from './types';
import { FORECAST_CATEGORIES } from './types';
import { isBlankCell, isUnreadable, readPercent, readText, readWholeNumber } from './values';

type StageColumn = 'stage' | 'probability' | 'kind' | 'category' | 'next' | 'required' | 'stale';
const COLUMN_KEYS: readonly StageColumn[] = [
  'stage',
  'probability',
  'kind',
  'category',
  'next',
  'required',
  'stale',
];

const KINDS: readonly StageKind[] = ['open', 'won', 'lost'];
/** Where a stage's deals are forecast when its Forecast Category is left blank. */
const CATEGORY_OF_KIND: Readonly<Record<StageKind, ForecastCategory>> = {
  open: 'Pipeline',
  won: 'Closed',
  lost: 'Omitted',
};
const LIST_SEPARATOR = /[,;\n]/;

/** The cell values of one stage row, with where each came from. */
interface StageRow {
  readonly row: number;
  readonly name: string;
  readonly cells: Readonly<Record<StageColumn, unknown>>;
}

class ProblemList {
  readonly problems: CellProblem[] = [];
  constructor(private readonly columns: Readonly<Record<StageColumn, number>>) {}

  error(row: number, column: StageColumn, what: string): void {
    const cell = cellName(SHEET.settings, row, this.columns[column]);
    this.problems.push({ cell, message: `${cell}: ${what}`, severity: 'error' });
  }
}

/** Finds the stage table's columns by header; reports each missing one. */
function locateColumns(header: readonly unknown[]): Record<StageColumn, number> | CellProblem[] {
  const at = headerColumns(header);
  const columns: Partial<Record<StageColumn, number>> = {};
  const missing: string[] = [];
  STAGE_TABLE_HEADERS.forEach((name, i) => {
    const column = at(name);
    if (column < 0) missing.push(name);
    else columns[COLUMN_KEYS[i] as StageColumn] = column;
  });
  if (missing.length === 0) return columns as Record<StageColumn, number>;
  const cell = cellName(SHEET.settings, 1, 0);
  const names = missing.map((name) => `"${name}"`).join(', ');
  return [
    {
      cell,
      message: `${cell}: the stage table has no ${names} column. Row 1 of ${SHEET.settings} needs the headers ${STAGE_TABLE_HEADERS.join(' | ')}; run Deal Pipeline › Set up sheets to add them.`,
      severity: 'error',
    },
  ];
}

function splitList(value: unknown): string[] {
  return readText(value)
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** One stage row being read: its cells, and where to report what is wrong with them. */
interface StageReader {
  readonly row: StageRow;
  readonly report: ProblemList;
}

function error({ row, report }: StageReader, column: StageColumn, what: string): void {
  report.error(row.row, column, what);
}

function readKind(at: StageReader): StageKind | undefined {
  const text = readText(at.row.cells.kind);
  const kind = KINDS.find((k) => k === text.toLowerCase());
  if (!kind) error(at, 'kind', `Kind must be open, won or lost, not ${quoteValue(text)}.`);
  return kind;
}

/** Won and lost stages count 100 % and 0 % whatever they say, so only an open stage needs one. */
function readProbability(at: StageReader, kind: StageKind | undefined): number {
  const probability = readPercent(at.row.cells.probability);
  if (probability === null && (kind === 'won' || kind === 'lost')) return kind === 'won' ? 1 : 0;
  if (probability === null) {
    error(
      at,
      'probability',
      `Probability of "${at.row.name}" is missing: give a percentage from 0 % to 100 %.`,
    );
  } else if (isUnreadable(probability)) {
    error(at, 'probability', `Probability ${probability.unreadable}.`);
  }
  return typeof probability === 'number' ? probability : 0;
}

function readCategory(at: StageReader, kind: StageKind | undefined): ForecastCategory {
  const text = readText(at.row.cells.category);
  if (text === '' && kind) return CATEGORY_OF_KIND[kind];
  const category = FORECAST_CATEGORIES.find((c) => normalizeHeader(c) === normalizeHeader(text));
  if (category) return category;
  const allowed = FORECAST_CATEGORIES.join(', ');
  error(at, 'category', `Forecast Category must be one of ${allowed}, not ${quoteValue(text)}.`);
  return 'Pipeline';
}

/** Next Stages by the table's own spelling of each name; `*` anywhere in the list means anywhere. */
function readNextStages(at: StageReader, stageNames: ReadonlyMap<string, string>): string[] | '*' {
  const listed = splitList(at.row.cells.next);
  if (listed.includes('*')) return '*';
  const next: string[] = [];
  for (const name of listed) {
    const known = stageNames.get(normalizeStageName(name));
    if (known === undefined) {
      const allowed = [...stageNames.values(), '*'].join(', ');
      error(
        at,
        'next',
        `Next Stages lists "${name}", which is not a stage. Allowed: ${allowed} (blank = nowhere).`,
      );
    } else if (!next.includes(known)) next.push(known);
  }
  return next;
}

function readRequiredFields(at: StageReader): DealFieldKey[] {
  const required: DealFieldKey[] = [];
  for (const header of splitList(at.row.cells.required)) {
    const field = fieldOfHeader(header);
    if (!field) {
      const allowed = DEAL_FIELDS.map((f) => f.header).join(', ');
      error(
        at,
        'required',
        `Required Fields lists "${header}", which is not a Deals column. Allowed: ${allowed}.`,
      );
    } else if (!required.includes(field.key)) required.push(field.key);
  }
  return required;
}

function readStaleAfterDays(at: StageReader): number | null {
  const stale = readWholeNumber(at.row.cells.stale, 1);
  if (!isUnreadable(stale)) return stale;
  error(at, 'stale', `Stale After Days ${stale.unreadable} (blank = never stale).`);
  return null;
}

function readStage(row: StageRow, stageNames: ReadonlyMap<string, string>, report: ProblemList): Stage {
  const at: StageReader = { row, report };
  const kind = readKind(at);
  return {
    name: row.name,
    probability: readProbability(at, kind),
    kind: kind ?? 'open',
    forecastCategory: readCategory(at, kind),
    nextStages: readNextStages(at, stageNames),
    requiredFields: readRequiredFields(at),
    staleAfterDays: readStaleAfterDays(at),
  };
}

/**
 * The stage table of a Settings sheet's values (row 1 = headers). `table` is null when anything
 * is wrong: a table with one bad row would move deals by rules nobody wrote.
 */
export function parseStageTable(values: SettingsValues): {
  table: StageTable | null;
  problems: CellProblem[];
} {
  const columns = locateColumns(values[0] ?? []);
  if (Array.isArray(columns)) return { table: null, problems: columns };
  const report = new ProblemList(columns);

  const rows: StageRow[] = [];
  const stageNames = new Map<string, string>();
  const firstRowOf = new Map<string, number>();
  for (let r = 1; r < values.length; r++) {
    const cells = {} as Record<StageColumn, unknown>;
    let blank = true;
    for (const key of COLUMN_KEYS) {
      const value = values[r]?.[columns[key]];
      cells[key] = value;
      if (!isBlankCell(value)) blank = false;
    }
    if (blank) continue; // a gap between stages, or the rows beside a longer options table
    const row = r + 1;
    const name = readText(cells.stage);
    const normalized = normalizeStageName(name);
    if (name === '') {
      report.error(
        row,
        'stage',
        'this row has stage settings but no Stage name; name the stage or clear the row.',
      );
    } else if (firstRowOf.has(normalized)) {
      report.error(
        row,
        'stage',
        `Stage "${name}" is listed twice (also in row ${firstRowOf.get(normalized)}); stage names must be unique.`,
      );
    } else {
      firstRowOf.set(normalized, row);
      stageNames.set(normalized, name);
      rows.push({ row, name, cells });
    }
  }

  const stages = rows.map((row) => readStage(row, stageNames, report));
  if (stages.length === 0) {
    report.error(2, 'stage', 'the stage table has no stages; list them from row 2, in pipeline order.');
  } else if (!stages.some((stage) => stage.kind === 'open')) {
    report.error(1, 'kind', 'no stage has Kind "open", so a new deal has nowhere to start.');
  }
  return report.problems.length > 0
    ? { table: null, problems: report.problems }
    : { table: { stages }, problems: [] };
}

function defaultStageTable(): StageTable {
  const { table } = parseStageTable(DEFAULT_STAGE_ROWS);
  if (!table) throw new Error('DEFAULT_STAGE_ROWS do not parse');
  return table;
}

/** The stages of SPEC §1, parsed from the same rows "Set up sheets" writes. */
export const DEFAULT_STAGE_TABLE: StageTable = defaultStageTable();

/**
 * A stage table as the rows of a Settings sheet, header first, in the form "Set up sheets" writes
 * them (probabilities as fractions for the percent format, lists comma-separated): parsing the
 * rows gives the same table back.
 */
export function stageTableRows(table: StageTable): SettingsCell[][] {
  return [
    [...STAGE_TABLE_HEADERS],
    ...table.stages.map((stage) => [
      stage.name,
      stage.probability,
      stage.kind,
      stage.forecastCategory,
      stage.nextStages === '*' ? '*' : stage.nextStages.join(', '),
      stage.requiredFields.map((key) => dealField(key).header).join(', '),
      stage.staleAfterDays ?? '',
    ]),
  ];
}
