/**
 * One sheet as the page draws it: each cell's text as Sheets would display it (its value under
 * its number format, in the spreadsheet's time zone), its note and look, its dropdown, the
 * frozen rows, the ranges protected with a warning, and its charts with their data. Read from
 * the workbook model, so drawing the page counts no script call.
 */
import type { CellValue, RangeRef, SheetModel, ValidationRule, Workbook } from '../emulator/spreadsheet';
import { displayValue, GENERAL_FORMAT } from '../emulator/spreadsheet';
import { cellValue, lastColumn, lastRow, layerAt } from '../emulator/spreadsheet/grid';
import { DEFAULT_COLUMN_WIDTH, isDate } from '../emulator/spreadsheet/model';
import type { CellStyle, CellView, ChartView, SheetView, WarningView } from './page/contract';

/** Blank rows below the last one with content, to type new deals into (Sheets shows 1000). */
const BLANK_ROWS = 20;
/** Columns shown at least, as an empty sheet shows A to Z. */
const MIN_COLUMNS = 26;

export function sheetView(workbook: Workbook, sheet: SheetModel, maxRows: number): SheetView {
  const contentRows = lastRow(sheet);
  const shownRows = Math.min(contentRows + BLANK_ROWS, maxRows, sheet.maxRows);
  const shownColumns = Math.max(Math.min(MIN_COLUMNS, sheet.maxColumns), lastColumn(sheet));
  const reader = new CellReader(workbook, sheet);
  const cells: (CellView | null)[][] = [];
  for (let row = 1; row <= shownRows; row++) {
    const line: (CellView | null)[] = [];
    for (let column = 1; column <= shownColumns; column++) line.push(reader.cell(row, column));
    cells.push(line);
  }
  return {
    name: sheet.name,
    lastRow: contentRows,
    shownRows,
    shownColumns,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    widths: Array.from({ length: shownColumns }, (_, i) => sheet.columnWidths[i + 1] ?? DEFAULT_COLUMN_WIDTH),
    styles: reader.styles.list,
    choices: reader.choices.list,
    cells,
    charts: sheet.charts.map((chart) => ({
      id: chart.chartId,
      type: chart.chartType,
      title: typeof chart.options.title === 'string' ? chart.options.title : '',
      row: chart.anchorRow,
      column: chart.anchorColumn,
      offsetX: chart.offsetX,
      offsetY: chart.offsetY,
      ...chartData(workbook, chart.ranges, chart.numHeaders),
    })),
    warnings: sheet.protections
      .filter((p) => p.warningOnly)
      .map((p): WarningView => ({
        ...(p.range ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns }),
        description: p.description,
      })),
  };
}

/** Reads cells one by one, keeping each look and dropdown once. */
class CellReader {
  readonly styles = new Interned<CellStyle>();
  readonly choices = new Interned<string[]>();
  /** A rule's dropdown, by rule: a whole column shares one rule object. */
  private readonly dropdowns = new Map<ValidationRule, number | null>();

  constructor(
    private readonly workbook: Workbook,
    private readonly sheet: SheetModel,
  ) {}

  cell(row: number, column: number): CellView | null {
    const { sheet, workbook } = this;
    const value = cellValue(sheet, row, column);
    const formula = layerAt(sheet, 'f', row, column);
    const format = layerAt(sheet, 'numberFormat', row, column);
    const view: CellView = { text: displayValue(value, format, workbook.timeZone) };
    // The emulator calculates no formula: a formula without a value shows itself.
    if (formula !== undefined && value === undefined) view.text = formula;
    const input = formula ?? inputOf(value, format, workbook.timeZone);
    if (input !== view.text) view.input = input;
    const note = layerAt(sheet, 'n', row, column);
    if (note) view.note = note;
    const style = styleOf(sheet, row, column, value);
    if (style) view.style = this.styles.index(style);
    const rule = layerAt(sheet, 'dv', row, column);
    const choices = rule && this.dropdown(rule);
    if (typeof choices === 'number') view.choices = choices;
    return view.text === '' && Object.keys(view).length === 1 ? null : view;
  }

  private dropdown(rule: ValidationRule): number | null {
    let index = this.dropdowns.get(rule);
    if (index === undefined) {
      const list = dropdownOf(this.workbook, rule);
      index = list ? this.choices.index(list) : null;
      this.dropdowns.set(rule, index);
    }
    return index;
  }
}

/**
 * What Sheets puts in the editor: a number as plain digits (a percentage with its %), a date as
 * yyyy-mm-dd (the emulator reads that back as the same date), text as it is.
 */
function inputOf(value: CellValue | undefined, format: string | undefined, timeZone: string): string {
  if (typeof value === 'number') {
    return format?.includes('%') ? `${+(value * 100).toPrecision(15)}%` : String(value);
  }
  if (isDate(value)) return displayValue(value, GENERAL_FORMAT, timeZone);
  return displayValue(value, undefined, timeZone);
}

function styleOf(
  sheet: SheetModel,
  row: number,
  column: number,
  value: CellValue | undefined,
): CellStyle | null {
  const style: CellStyle = {};
  const at = <K extends Parameters<typeof layerAt>[1]>(layer: K) => layerAt(sheet, layer, row, column);
  const background = at('background');
  if (background && background !== '#ffffff') style.background = background;
  const color = at('fontColor');
  if (color && color !== '#000000') style.color = color;
  if (at('fontWeight') === 'bold') style.bold = true;
  if (at('fontStyle') === 'italic') style.italic = true;
  const line = at('fontLine');
  if (line === 'line-through') style.strike = true;
  if (line === 'underline') style.underline = true;
  if (at('wrap')) style.wrap = true;
  const align = at('horizontalAlignment');
  // Sheets' default: numbers and dates to the right, booleans centred, text to the left.
  const general =
    typeof value === 'number' || isDate(value) ? 'right' : typeof value === 'boolean' ? 'center' : 'left';
  const chosen = align === 'left' || align === 'center' || align === 'right' ? align : general;
  if (chosen !== 'left') style.align = chosen;
  return Object.keys(style).length > 0 ? style : null;
}

/** The choices of a dropdown rule (a list, or the values of a range), else null. */
function dropdownOf(workbook: Workbook, rule: ValidationRule): string[] | null {
  const [source] = rule.args;
  if (rule.criteria === 'VALUE_IN_LIST' && Array.isArray(source)) return source.map(String);
  if (rule.criteria === 'VALUE_IN_RANGE' && source && typeof source === 'object' && 'range' in source) {
    return rangeTexts(workbook, source.range)
      .flat()
      .filter((text) => text !== '');
  }
  return null;
}

function rangeTexts(workbook: Workbook, ref: RangeRef): string[][] {
  const sheet = workbook.sheetById(ref.sheetId);
  if (!sheet) return [];
  const rows = Math.min(ref.numRows, Math.max(lastRow(sheet) - ref.row + 1, 0));
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: ref.numColumns }, (_, c) =>
      displayValue(
        cellValue(sheet, ref.row + r, ref.column + c),
        layerAt(sheet, 'numberFormat', ref.row + r, ref.column + c),
        workbook.timeZone,
      ),
    ),
  );
}

/**
 * A chart's data as Sheets reads its ranges: the first range's column holds the categories, each
 * column of the others a series; the first `numHeaders` rows (one when Sheets guesses) name them.
 */
function chartData(
  workbook: Workbook,
  ranges: RangeRef[],
  numHeaders: number,
): Pick<ChartView, 'categories' | 'series'> {
  const headers = numHeaders < 0 ? 1 : numHeaders;
  const [first, ...rest] = ranges;
  if (!first) return { categories: [], series: [] };
  const categories = rangeTexts(workbook, first)
    .slice(headers)
    .map((line) => line[0] ?? '');
  const series = rest.flatMap((ref) => {
    const sheet = workbook.sheetById(ref.sheetId);
    return Array.from({ length: ref.numColumns }, (_, c) => ({
      name: headers > 0 && sheet ? String(cellValue(sheet, ref.row, ref.column + c) ?? '') : '',
      values: categories.map((_, r) => {
        const value = sheet && cellValue(sheet, ref.row + headers + r, ref.column + c);
        return typeof value === 'number' ? value : null;
      }),
    }));
  });
  return { categories, series };
}

/** Values kept once, referred to by their index (JSON of equal values is equal). */
class Interned<T> {
  readonly list: T[] = [];
  private readonly seen = new Map<string, number>();

  index(value: T): number {
    const key = JSON.stringify(value);
    let at = this.seen.get(key);
    if (at === undefined) {
      at = this.list.push(value) - 1;
      this.seen.set(key, at);
    }
    return at;
  }
}
