/**
 * Writing the Summary sheet: cleared, then the whole grid in one rectangle through writeCells
 * (formats first, so text cells are text before any value lands in them), its bold runs in one
 * call, then its charts replaced. 10 calls for the grid, 1–2 more when the sheet must grow, one per old chart removed,
 * and 8 + 2 per range for each chart inserted (26 for the two): never one per deal.
 */
import { startOfDay } from '../../core/dates';
import { columnLetter } from '../../core/problems';
import type { FontWeight, SummaryChart, SummaryLayout } from '../../core/summary';
import { isSummaryDate } from '../../core/summary';
import type { Cell, Sheet } from '../sheets';
import { writeCells } from '../sheets';

/** Wide enough for the longest KPI label. */
const LABEL_COLUMN_WIDTH = 230;

export function writeSummary(sheet: Sheet, layout: SummaryLayout, timeZone: string): void {
  const numRows = layout.values.length;
  const numColumns = layout.values[0]?.length ?? 0;
  // The charts are read before the first write: a read after a write waits for it to commit.
  const charts = sheet.getCharts();
  sheet.clear();
  for (const chart of charts) sheet.removeChart(chart);
  if (numRows === 0 || numColumns === 0) return;
  ensureSize(sheet, numRows, numColumns);
  const values: Cell[][] = layout.values.map((line) =>
    line.map((value) => (isSummaryDate(value) ? startOfDay(value.day, timeZone) : value)),
  );
  const grid = sheet.getRange(1, 1, numRows, numColumns);
  writeCells(grid, values, layout.formats);
  const bold = boldRuns(layout.weights);
  // clear() left every cell normal: only the bold runs are sent, not a weight for every cell.
  if (bold.length > 0) sheet.getRangeList(bold).setFontWeight('bold');
  sheet.setColumnWidth(1, LABEL_COLUMN_WIDTH);
  for (const chart of layout.charts) insertChart(sheet, chart);
}

/** Each row's runs of bold cells, in A1 notation. */
function boldRuns(weights: readonly (readonly FontWeight[])[]): string[] {
  const runs: string[] = [];
  weights.forEach((line, r) => {
    for (let c = 0; c < line.length; c++) {
      if (line[c] !== 'bold') continue;
      const first = c;
      while (line[c + 1] === 'bold') c++;
      runs.push(`${columnLetter(first)}${r + 1}:${columnLetter(c)}${r + 1}`);
    }
  });
  return runs;
}

/** Grows the sheet to hold the grid. 2 calls, 3–4 when it must grow. */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** 8 calls plus 2 per range. */
function insertChart(sheet: Sheet, chart: SummaryChart): void {
  let builder = sheet.newChart().setChartType(Charts.ChartType[chart.kind]);
  for (const r of chart.ranges)
    builder = builder.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
  sheet.insertChart(
    builder
      .setNumHeaders(1)
      .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
      .setOption('title', chart.title)
      .setOption('legend', { position: 'bottom' })
      .build(),
  );
}
