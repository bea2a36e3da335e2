/** Embedded charts: the builder script code fills in, the chart it builds, and its container. */
import type { Context } from './context';
import type { ChartModel, RangeRef, SheetModel } from './model';
import type { Range } from './range';
import { rangeRefOf } from './script-args';

export function newChartModel(): ChartModel {
  return {
    chartId: 0,
    chartType: 'COLUMN',
    ranges: [],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    options: {},
    numHeaders: -1,
    transpose: false,
  };
}

export function copyChartModel(model: ChartModel): ChartModel {
  return {
    ...model,
    ranges: model.ranges.map((r) => ({ ...r })),
    options: JSON.parse(JSON.stringify(model.options)) as Record<string, unknown>,
  };
}

/** The chart model inside an EmbeddedChart that script code passes back in (read as a field). */
export function chartModelOf(chart: unknown): ChartModel {
  const model =
    typeof chart === 'object' && chart !== null ? (chart as { chart?: unknown }).chart : undefined;
  if (typeof model === 'object' && model !== null && 'chartId' in model) return model as ChartModel;
  throw new Error("The parameters don't match the method signature: an EmbeddedChart is expected.");
}

function sameRef(a: RangeRef, b: RangeRef): boolean {
  return (
    a.sheetId === b.sheetId &&
    a.row === b.row &&
    a.column === b.column &&
    a.numRows === b.numRows &&
    a.numColumns === b.numColumns
  );
}

export class ContainerInfo {
  constructor(private readonly model: ChartModel) {}
  getAnchorRow(): number {
    return this.model.anchorRow;
  }
  getAnchorColumn(): number {
    return this.model.anchorColumn;
  }
  getOffsetX(): number {
    return this.model.offsetX;
  }
  getOffsetY(): number {
    return this.model.offsetY;
  }
}

export class ChartOptions {
  constructor(private readonly model: ChartModel) {}
  get(option: string): unknown {
    return this.model.options[option] ?? null;
  }
  getOrDefault(option: string): unknown {
    return this.model.options[option] ?? null;
  }
}

export class EmbeddedChart {
  constructor(
    private readonly ctx: Context,
    private readonly sheet: SheetModel,
    readonly chart: ChartModel,
  ) {}

  /** The id Sheets gives an inserted chart; null until the chart is inserted. */
  getChartId(): number | null {
    return this.chart.chartId || null;
  }
  getId(): string | null {
    return this.chart.chartId ? String(this.chart.chartId) : null;
  }
  getType(): string {
    return this.chart.chartType;
  }
  getRanges(): Range[] {
    return this.chart.ranges.map((ref) => this.ctx.rangeOf(ref));
  }
  getOptions(): ChartOptions {
    return this.ctx.chartOptions(this.chart);
  }
  getContainerInfo(): ContainerInfo {
    return this.ctx.containerInfo(this.chart);
  }
  getNumHeaders(): number {
    return this.chart.numHeaders;
  }
  getTransposeRowsAndColumns(): boolean {
    return this.chart.transpose;
  }
  /** A builder over a copy of this chart; pass its build() to Sheet.updateChart. */
  modify(): EmbeddedChartBuilder {
    return this.ctx.chartBuilder(this.sheet, copyChartModel(this.chart));
  }
}

export class EmbeddedChartBuilder {
  constructor(
    private readonly ctx: Context,
    private readonly sheet: SheetModel,
    private readonly draft: ChartModel,
  ) {}

  build(): EmbeddedChart {
    return this.ctx.chart(this.sheet, copyChartModel(this.draft));
  }
  addRange(range: unknown): this {
    this.draft.ranges.push(rangeRefOf(range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this;
  }
  removeRange(range: unknown): this {
    const ref = rangeRefOf(range, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    this.draft.ranges = this.draft.ranges.filter((r) => !sameRef(r, ref));
    return this;
  }
  clearRanges(): this {
    this.draft.ranges = [];
    return this;
  }
  getRanges(): Range[] {
    return this.draft.ranges.map((ref) => this.ctx.rangeOf(ref));
  }
  setChartType(type: string): this {
    this.draft.chartType = String(type);
    return this;
  }
  getChartType(): string {
    return this.draft.chartType;
  }
  getContainer(): ContainerInfo {
    return this.ctx.containerInfo(this.draft);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    Object.assign(this.draft, { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY });
    return this;
  }
  setOption(option: string, value: unknown): this {
    this.draft.options[option] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this;
  }
  setNumHeaders(headers: number): this {
    this.draft.numHeaders = headers;
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    this.draft.transpose = !!transpose;
    return this;
  }
  setMergeStrategy(_strategy: unknown): this {
    return this;
  }
  setHiddenDimensionStrategy(_strategy: unknown): this {
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', title);
  }
  setLegendPosition(position: string): this {
    return this.setOption('legend.position', String(position).toLowerCase());
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setColors(colors: string[]): this {
    return this.setOption('colors', colors);
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', title);
  }
  set3D(): this {
    return this.setOption('is3D', true);
  }
  private as(type: string): this {
    this.draft.chartType = type;
    return this;
  }
  asAreaChart(): this {
    return this.as('AREA');
  }
  asBarChart(): this {
    return this.as('BAR');
  }
  asColumnChart(): this {
    return this.as('COLUMN');
  }
  asComboChart(): this {
    return this.as('COMBO');
  }
  asLineChart(): this {
    return this.as('LINE');
  }
  asPieChart(): this {
    return this.as('PIE');
  }
  asScatterChart(): this {
    return this.as('SCATTER');
  }
  asTableChart(): this {
    return this.as('TABLE');
  }
}
