/**
 * What every Apps Script facing object shares: the call counter, the workbook model, the
 * clock and the UI, and the factories that hand objects to script code. Every object script
 * code receives is made here, through calls.track, exactly once.
 */
import type { CallCounter } from '../calls';
import type { Clock } from '../clock';
import type { Box } from './a1';
import { ContainerInfo, ChartOptions, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { DataValidation, DataValidationBuilder } from './data-validation';
import type { ChartModel, ProtectionModel, RangeRef, SheetModel, ValidationRule } from './model';
import { Protection, User } from './protection';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import type { Workbook } from './workbook';

export class Context {
  constructor(
    readonly calls: CallCounter,
    readonly workbook: Workbook,
    readonly clock: Clock,
    readonly ui: GoogleAppsScript.Base.Ui,
    /** The Date class of the script's realm, so returned dates are that realm's Dates. */
    private readonly DateClass: DateConstructor,
  ) {}

  readonly makeDate = (ms: number): Date => new this.DateClass(ms);

  spreadsheet(): Spreadsheet {
    return this.calls.track(new Spreadsheet(this), 'Spreadsheet');
  }

  sheet(model: SheetModel): Sheet {
    return this.calls.track(new Sheet(this, model), 'Sheet');
  }

  range(model: SheetModel, box: Box): Range {
    return this.calls.track(new Range(this, model, box), 'Range');
  }

  /** A range from a stored reference; throws when its sheet was deleted. */
  rangeOf(ref: RangeRef): Range {
    const model = this.workbook.sheetById(ref.sheetId);
    if (!model) throw new Error('The sheet of this range has been deleted.');
    return this.range(model, ref);
  }

  /** The selection: the last activated range on the active sheet, else its A1. */
  activeRange(): Range {
    const { sheet, box } = this.selection();
    return this.range(sheet, box);
  }

  selection(): { sheet: SheetModel; box: Box } {
    const sheet = this.workbook.activeSheet();
    const active = this.workbook.activeRange;
    const box = active?.sheetId === sheet.id ? active : { row: 1, column: 1, numRows: 1, numColumns: 1 };
    return {
      sheet,
      box: { row: box.row, column: box.column, numRows: box.numRows, numColumns: box.numColumns },
    };
  }

  /** Makes a range the selection and its sheet the active sheet. */
  select(ref: RangeRef): Range {
    this.workbook.activeSheetId = ref.sheetId;
    this.workbook.activeRange = { ...ref };
    return this.rangeOf(ref);
  }

  protection(sheet: SheetModel, model: ProtectionModel): Protection {
    return this.calls.track(new Protection(this, sheet, model), 'Protection');
  }

  user(email: string): User {
    return this.calls.track(new User(email), 'User');
  }

  validationBuilder(rule?: ValidationRule): DataValidationBuilder {
    return this.calls.track(new DataValidationBuilder(this, rule), 'DataValidationBuilder');
  }

  validation(rule: ValidationRule): DataValidation {
    return this.calls.track(new DataValidation(this, rule), 'DataValidation');
  }

  chart(sheet: SheetModel, model: ChartModel): EmbeddedChart {
    return this.calls.track(new EmbeddedChart(this, sheet, model), 'EmbeddedChart');
  }

  chartBuilder(sheet: SheetModel, draft: ChartModel): EmbeddedChartBuilder {
    return this.calls.track(new EmbeddedChartBuilder(this, sheet, draft), 'EmbeddedChartBuilder');
  }

  containerInfo(model: ChartModel): ContainerInfo {
    return this.calls.track(new ContainerInfo(model), 'ContainerInfo');
  }

  chartOptions(model: ChartModel): ChartOptions {
    return this.calls.track(new ChartOptions(model), 'ChartOptions');
  }
}

/** The model behind a Sheet that script code passes back in (read as fields, so not counted). */
export function sheetModelOf(sheet: unknown, method: string): SheetModel {
  const model =
    typeof sheet === 'object' && sheet !== null ? (sheet as { model?: unknown }).model : undefined;
  if (isSheetModel(model)) return model;
  throw new Error(`The parameters (${typeName(sheet)}) don't match the method signature for ${method}.`);
}

/** The reference behind a Range that script code passes back in (read as fields, so not counted). */
export function rangeRefOf(range: unknown, method: string): RangeRef {
  const r = typeof range === 'object' && range !== null ? (range as { model?: unknown; box?: Box }) : {};
  if (isSheetModel(r.model) && r.box) return { sheetId: r.model.id, ...r.box };
  throw new Error(`The parameters (${typeName(range)}) don't match the method signature for ${method}.`);
}

function isSheetModel(x: unknown): x is SheetModel {
  return typeof x === 'object' && x !== null && 'rows' in x && 'maxRows' in x;
}

export function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `${x.length > 0 ? typeName(x[0]) : 'Object'}[]`;
  if (typeof x === 'object') return Object.prototype.toString.call(x).slice(8, -1);
  return typeof x === 'string' ? 'String' : typeof x === 'number' ? 'number' : typeof x;
}
