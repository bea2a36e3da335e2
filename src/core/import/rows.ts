/**
 * Turning another sheet's rows into Deals cells with a mapping: typed values (dates in any common
 * spelling, percentages written either way), the stage mapped, a key that tells a deal imported
 * before, and every row left out with its row number and reason. Pure: the server reads the
 * source once, calls planImport, and appends what it returns in one write.
 */
import type { DealFieldKey } from '../columns';
import { DEAL_FIELDS } from '../columns';
import { isDate, parseIsoDay, startOfDay } from '../dates';
import { isBlankRow } from '../deal-row';
import type { CalendarDay } from '../types';
import { isBlankCell, isUnreadable, readDay, readMoney, readPercent, readText } from '../values';
import type { ColumnTarget, ImportMapping } from './mapping';

export type ImportCell = string | number | Date;

export interface ImportedDeal {
  /** The 1-based row of the source sheet. */
  readonly sourceRow: number;
  /** Cells by Deals field (the stage already mapped; dates as Dates at local midnight). */
  readonly cells: Partial<Record<DealFieldKey, ImportCell>>;
  /** Columns kept under their source header. */
  readonly kept: Readonly<Record<string, ImportCell>>;
  /** What tells this deal on a later import: the source ID, else the row's content. */
  readonly key: string;
}

export interface ImportPlan {
  readonly deals: ImportedDeal[];
  readonly rejected: { readonly row: number; readonly reason: string }[];
  /** Source rows already imported (their key is in Deals). */
  alreadyImported: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** 01-Mar-2015, 1 Mar 2015, 1-March-15. */
const DAY_MONTH_YEAR = /^(\d{1,2})[\s\-/.]([a-z]{3,9})\.?[\s\-/.,]+(\d{2}|\d{4})$/i;
/** 3/1/2017 and 03/01/2017: month first, as US exports and Sheets' US locale write it. */
const MONTH_DAY_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A day in any of the spellings exports use; null when blank, undefined when unreadable. */
function importDay(value: unknown, timeZone: string): CalendarDay | null | undefined {
  const read = readDay(value, timeZone);
  if (!isUnreadable(read)) return read;
  const text = String(value).trim();
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    // An unknown month is 0, which no real day has.
    const month = MONTHS.indexOf(dmy[2]!.slice(0, 3).toLowerCase()) + 1;
    const year = Number(dmy[3]!.length === 2 ? `20${dmy[3]}` : dmy[3]);
    return realDay(year, month, Number(dmy[1]));
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  return mdy ? realDay(Number(mdy[3]), Number(mdy[1]), Number(mdy[2])) : undefined;
}

function realDay(year: number, month: number, day: number): CalendarDay | undefined {
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDay(iso) ?? undefined;
}

export interface ImportInput {
  /** The source sheet's values, header row first. */
  readonly values: readonly (readonly unknown[])[];
  readonly mapping: ImportMapping;
  readonly timeZone: string;
  /** Keys of deals imported before (from Deals). */
  readonly existingKeys: ReadonlySet<string>;
}

const HEADER_OF = new Map(DEAL_FIELDS.map((field) => [field.key, field.header]));
const TYPE_OF = new Map(DEAL_FIELDS.map((field) => [field.key, field.type]));

export function planImport(input: ImportInput): ImportPlan {
  const { values, mapping, timeZone } = input;
  const headers = (values[0] ?? []).map((cell) => String(cell ?? ''));
  const plan: ImportPlan = { deals: [], rejected: [], alreadyImported: 0 };
  const seen = new Set(input.existingKeys);
  const idColumn = mapping.sourceId === null ? -1 : headers.indexOf(mapping.sourceId);
  for (let r = 1; r < values.length; r++) {
    const cells = values[r]!;
    if (isBlankRow(cells)) continue;
    const row = r + 1;
    const converted = convertRow(headers, cells, mapping, timeZone);
    if ('reason' in converted) {
      plan.rejected.push({ row, reason: converted.reason });
      continue;
    }
    const id = readText(cells[idColumn], timeZone);
    const key = id !== '' ? id : contentKey(converted.cells);
    if (seen.has(key)) {
      plan.alreadyImported += 1;
      continue;
    }
    seen.add(key);
    plan.deals.push({ sourceRow: row, ...converted, key });
  }
  return plan;
}

function convertRow(
  headers: readonly string[],
  cells: readonly unknown[],
  mapping: ImportMapping,
  timeZone: string,
): Pick<ImportedDeal, 'cells' | 'kept'> | { reason: string } {
  const out: Partial<Record<DealFieldKey, ImportCell>> = {};
  const kept: Record<string, ImportCell> = {};
  for (let c = 0; c < headers.length; c++) {
    const target: ColumnTarget | undefined = mapping.columns[headers[c]!];
    const value = cells[c];
    if (!target || isBlankCell(value)) continue;
    if ('keep' in target) {
      kept[headers[c]!] = readText(value, timeZone);
      continue;
    }
    const field = target.field;
    const cell = convertCell(field, value, timeZone);
    if (cell === undefined) {
      return { reason: `${HEADER_OF.get(field)} (from "${headers[c]}") cannot be read: ${String(value)}` };
    }
    out[field] = cell;
  }
  // Text cells come trimmed (readText).
  const source = typeof out.stage === 'string' ? out.stage : '';
  if (source === '') return { reason: 'it has no stage' };
  const stage = mapping.stages[source];
  if (stage === undefined || stage === null)
    return { reason: `its stage "${source}" is not mapped to a stage` };
  return { cells: { ...out, stage }, kept };
}

/** A cell as Deals should hold it; undefined when it cannot be read. */
function convertCell(field: DealFieldKey, value: unknown, timeZone: string): ImportCell | undefined {
  switch (TYPE_OF.get(field)) {
    case 'money': {
      const n = readMoney(value);
      return isUnreadable(n) ? undefined : n!;
    }
    case 'percent': {
      const p = readPercent(value);
      return isUnreadable(p) ? undefined : p!;
    }
    case 'date': {
      const day = importDay(value, timeZone);
      return day === undefined ? undefined : startOfDay(day!, timeZone);
    }
    default:
      return readText(value, timeZone);
  }
}

/** A short, stable key of a row's content, for sources without an ID of their own. */
function contentKey(cells: Partial<Record<DealFieldKey, ImportCell>>): string {
  const text = DEAL_FIELDS.map((field) => {
    const cell = cells[field.key];
    return isDate(cell) ? cell.getTime() : (cell ?? '');
  }).join('\u0001');
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 0x01000193);
    b = Math.imul(b ^ text.charCodeAt(i), 0x5bd1e995);
  }
  return `row-${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}
