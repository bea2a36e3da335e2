/**
 * The workbook as JSON, for the playground's save file. Holes are null, dates are
 * {"$date": iso}, and validation rules are stored once per sheet and referenced by index.
 */
import { isDate, LAYERS, type RowData, type SheetModel, type ValidationRule } from './model';
import type { Toast, Workbook } from './workbook';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SheetJSON extends Omit<SheetModel, 'rows'> {
  rules: Json[];
  /** [1-based row number, {v: [...], <layer>: [...]}] for each non-empty row. */
  rows: [number, Record<string, Json[]>][];
}

export interface WorkbookJSON {
  version: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  activeSheetId: number;
  activeRange: Workbook['activeRange'];
  namedRanges: Workbook['namedRanges'];
  nextSheetId: number;
  nextChartId: number;
  nextProtectionId: number;
  toasts: Toast[];
  sheets: SheetJSON[];
}

function encode(x: unknown): Json {
  if (x === undefined || x === null) return null;
  if (isDate(x)) return { $date: x.toISOString() };
  if (Array.isArray(x)) return x.map(encode);
  if (typeof x === 'object') return JSON.parse(JSON.stringify(x)) as Json;
  return x as Json;
}

function decode(x: Json): unknown {
  if (x === null) return undefined;
  if (Array.isArray(x)) return x.map(decode);
  if (typeof x === 'object') {
    if (typeof x.$date === 'string' && Object.keys(x).length === 1) return new Date(x.$date);
    return x;
  }
  return x;
}

function sheetToJSON(sheet: SheetModel): SheetJSON {
  const ruleIndex = new Map<ValidationRule, number>();
  const rules: Json[] = [];
  const rows: SheetJSON['rows'] = [];
  sheet.rows.forEach((data, i) => {
    if (!data) return;
    const row: Record<string, Json[]> = { v: Array.from(data.v, encode) };
    for (const layer of LAYERS) {
      const arr = data[layer] as unknown[] | undefined;
      if (!arr?.some((x) => x !== undefined)) continue;
      if (layer === 'dv') {
        row.dv = Array.from(arr as (ValidationRule | undefined)[], (rule) => {
          if (!rule) return null;
          let index = ruleIndex.get(rule);
          if (index === undefined) {
            index = rules.push({ ...rule, args: rule.args.map(encode) }) - 1;
            ruleIndex.set(rule, index);
          }
          return index;
        });
      } else row[layer] = Array.from(arr, encode);
    }
    rows.push([i + 1, row]);
  });
  const { rows: _rows, ...rest } = sheet;
  return { ...(JSON.parse(JSON.stringify(rest)) as Omit<SheetModel, 'rows'>), rules, rows };
}

function sheetFromJSON(json: SheetJSON): SheetModel {
  const rules = json.rules.map((r) => {
    const rule = r as unknown as ValidationRule & { args: Json[] };
    return { ...rule, args: rule.args.map(decode) } as ValidationRule;
  });
  const { rules: _rules, rows, ...rest } = json;
  const sheet: SheetModel = { ...(JSON.parse(JSON.stringify(rest)) as Omit<SheetModel, 'rows'>), rows: [] };
  for (const [rowNumber, row] of rows) {
    const data: RowData = { v: (row.v ?? []).map(decode) as RowData['v'] };
    for (const layer of LAYERS) {
      const arr = row[layer];
      if (!arr) continue;
      const decoded =
        layer === 'dv' ? arr.map((i) => (typeof i === 'number' ? rules[i] : undefined)) : arr.map(decode);
      (data as unknown as Record<string, unknown[]>)[layer] = decoded;
    }
    sheet.rows[rowNumber - 1] = data;
  }
  for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= undefined;
  return sheet;
}

export function workbookToJSON(wb: Workbook): WorkbookJSON {
  return {
    version: 1,
    id: wb.id,
    name: wb.name,
    timeZone: wb.timeZone,
    locale: wb.locale,
    activeSheetId: wb.activeSheetId,
    activeRange: wb.activeRange ? { ...wb.activeRange } : null,
    namedRanges: JSON.parse(JSON.stringify(wb.namedRanges)) as Workbook['namedRanges'],
    nextSheetId: wb.nextSheetId,
    nextChartId: wb.nextChartId,
    nextProtectionId: wb.nextProtectionId,
    toasts: wb.toasts.map((t) => ({ ...t })),
    sheets: wb.sheets.map(sheetToJSON),
  };
}

export function workbookFromJSON(wb: Workbook, json: WorkbookJSON): void {
  if (json.version !== 1) throw new Error(`Unsupported workbook JSON version: ${String(json.version)}`);
  wb.id = json.id;
  wb.name = json.name;
  wb.timeZone = json.timeZone;
  wb.locale = json.locale;
  wb.activeSheetId = json.activeSheetId;
  wb.activeRange = json.activeRange;
  wb.namedRanges = json.namedRanges;
  wb.nextSheetId = json.nextSheetId;
  wb.nextChartId = json.nextChartId;
  wb.nextProtectionId = json.nextProtectionId;
  wb.toasts.splice(0, wb.toasts.length, ...json.toasts);
  wb.sheets = json.sheets.map(sheetFromJSON);
}
