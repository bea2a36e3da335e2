/**
 * What every Apps Script facing object shares: the call counter, the workbook model, the
 * clock and the UI, and the factories that hand objects to script code. Every object script
 * code receives is made here, through calls.track, exactly once.
 */
import type { CallCounter } from '../calls';
import type { Clock } from '../clock';
import type { Box } from './a1';
import { ChartOptions, ContainerInfo, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { DataValidation, DataValidationBuilder } from './data-validation';
import type { ChartModel, ProtectionModel, RangeRef, SheetModel, ValidationRule } from './model';
import { Protection, User } from './protection';
import { Range } from './range';
import { RangeList } from './range-list';
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

  /** A Range the emulator works through itself, for a call script code already made (RangeList). */
  untrackedRange(model: SheetModel, box: Box): Range {
    return new Range(this, model, box);
  }

  rangeList(model: SheetModel, boxes: readonly Box[]): RangeList {
    return this.calls.track(new RangeList(this, model, boxes), 'RangeList');
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
