/** Sheet as script code sees it: identity, ranges, content extent, clearing, sorting, protections, charts. */
import { type Box, parseA1, splitSheetName } from './a1';
import type { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { chartModelOf, copyChartModel, newChartModel } from './charts';
import { clearCells, lastColumn, lastRow } from './grid';
import { addProtection, type Protection } from './protection';
import type { Range } from './range';
import { checkBox } from './range-base';
import { type RangeList, rangeListBoxes } from './range-list';
import { rangeRefOf, typeName } from './script-args';
import { SheetStructure } from './sheet-structure';
import { sortBox } from './sort';
import type { Spreadsheet } from './spreadsheet';

export class Sheet extends SheetStructure {
  getName(): string {
    return this.model.name;
  }
  setName(name: string): this {
    this.ctx.workbook.renameSheet(this.model, String(name));
    return this;
  }
  getSheetId(): number {
    return this.model.id;
  }
  getSheetName(): string {
    return this.model.name;
  }
  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    return this.ctx.workbook.sheets.indexOf(this.model) + 1;
  }
  getParent(): Spreadsheet {
    return this.ctx.spreadsheet();
  }

  /** getRange(a1) or getRange(row, column, numRows?, numColumns?), with Apps Script's errors. */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof rowOrA1 === 'string') {
      const { sheetName, a1 } = splitSheetName(rowOrA1);
      const model = sheetName === null ? this.model : this.ctx.workbook.findSheet(sheetName);
      if (!model) throw new Error('Range not found');
      const box = parseA1(a1, model);
      checkBox(model, box);
      return this.ctx.range(model, box);
    }
    const args = [rowOrA1, column, numRows, numColumns];
    const given = args.filter((x) => x !== undefined);
    if (
      typeof rowOrA1 !== 'number' ||
      typeof column !== 'number' ||
      given.some((x) => typeof x !== 'number' || Number.isNaN(x))
    ) {
      const types = given.map(typeName).join(',');
      throw new Error(
        `The parameters (${types}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
      );
    }
    const box: Box = { row: rowOrA1, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 };
    checkBox(this.model, box);
    return this.ctx.range(this.model, box);
  }

  /** Ranges of this sheet by A1 notation, for one call on all of them (range-list.ts). */
  getRangeList(a1Notations: string[]): RangeList {
    return this.ctx.rangeList(this.model, rangeListBoxes(a1Notations, this.model));
  }

  /** A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    const box = {
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRow(this.model)),
      numColumns: Math.max(1, lastColumn(this.model)),
    };
    return this.ctx.range(this.model, box);
  }
  getLastRow(): number {
    return lastRow(this.model);
  }
  getLastColumn(): number {
    return lastColumn(this.model);
  }

  activate(): this {
    this.ctx.workbook.activeSheetId = this.model.id;
    return this;
  }
  getActiveRange(): Range | null {
    const active = this.ctx.workbook.activeRange;
    if (active?.sheetId === this.model.id) return this.ctx.rangeOf(active);
    return this.ctx.range(this.model, { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }
  setActiveRange(range: unknown): Range {
    return this.ctx.select(rangeRefOf(range, 'SpreadsheetApp.Sheet.setActiveRange'));
  }
  setActiveSelection(a1: string): Range {
    return this.ctx.select({ sheetId: this.model.id, ...parseA1(String(a1), this.model) });
  }

  /** Clears everything, or per options like Range.clear. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const only = options?.contentsOnly || options?.formatOnly;
    this.clearWhat(!only || !!options?.contentsOnly, !only || !!options?.formatOnly);
    return this;
  }
  clearContents(): this {
    return this.clearWhat(true, false);
  }
  clearFormats(): this {
    return this.clearWhat(false, true);
  }
  clearNotes(): this {
    clearCells(this.model, this.wholeSheet(), {
      contents: false,
      formats: false,
      notes: true,
      validations: false,
    });
    return this;
  }

  /** Sorts the rows below the frozen rows by one column; whole rows move. */
  sort(columnPosition: number, ascending = true): this {
    const m = this.model;
    const first = m.frozenRows + 1;
    const last = lastRow(m);
    if (columnPosition < 1 || columnPosition > m.maxColumns)
      throw new Error('The sort column is out of range.');
    if (last >= first) {
      const box = { row: first, column: 1, numRows: last - first + 1, numColumns: m.maxColumns };
      sortBox(m, box, [{ column: columnPosition, ascending }]);
    }
    return this;
  }

  /** The sheet's protection, created on first call (unlike Range.protect, which always adds one). */
  protect(): Protection {
    const model =
      this.model.protections.find((p) => p.type === 'SHEET') ??
      addProtection(this.ctx.workbook, this.model, 'SHEET', null);
    return this.ctx.protection(this.model, model);
  }
  getProtections(type: string): Protection[] {
    return this.model.protections
      .filter((p) => p.type === String(type))
      .map((p) => this.ctx.protection(this.model, p));
  }

  newChart(): EmbeddedChartBuilder {
    return this.ctx.chartBuilder(this.model, newChartModel());
  }
  insertChart(chart: unknown): void {
    const model = copyChartModel(chartModelOf(chart));
    if (
      !model.chartId ||
      this.ctx.workbook.sheets.some((s) => s.charts.some((c) => c.chartId === model.chartId))
    ) {
      model.chartId = this.ctx.workbook.nextChartId++;
    }
    this.model.charts.push(model);
  }
  getCharts(): EmbeddedChart[] {
    return this.model.charts.map((c) => this.ctx.chart(this.model, c));
  }
  removeChart(chart: unknown): void {
    const id = chartModelOf(chart).chartId;
    this.model.charts = this.model.charts.filter((c) => c.chartId !== id);
  }
  updateChart(chart: unknown): void {
    const model = chartModelOf(chart);
    const i = this.model.charts.findIndex((c) => c.chartId === model.chartId);
    if (i < 0) throw new Error('The chart to update is not on this sheet.');
    this.model.charts[i] = copyChartModel(model);
  }

  private clearWhat(contents: boolean, formats: boolean): this {
    clearCells(this.model, this.wholeSheet(), { contents, formats, notes: false, validations: false });
    return this;
  }

  private wholeSheet(): Box {
    return { row: 1, column: 1, numRows: this.model.maxRows, numColumns: this.model.maxColumns };
  }
}
