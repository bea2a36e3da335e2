/**
 * Range as script code sees it: values, formulas, validation, clearing, sorting, protecting.
 * The emulator does not evaluate formulas: a formula cell reads as '' from getValues.
 */
import { DataValidation } from './data-validation';
import {
  clearCells,
  ensureRow,
  isTextFormat,
  layerAt,
  putParsed,
  putSlices,
  readLayer,
  readValues,
  takeSlices,
  writeLayer,
  writeValues,
} from './grid';
import { type CellValue, FORMAT_KEYS, type ValidationRule } from './model';
import { addProtection, type Protection } from './protection';
import { checkBox } from './range-base';
import { RangeFormats } from './range-format';
import { rangeRefOf, typeName } from './script-args';
import { sortBox, sortKeys } from './sort';
import { parseScriptValue } from './values';

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
}

export class Range extends RangeFormats {
  getValues(): CellValue[][] {
    return readValues(this.model, this.box, this.ctx.makeDate);
  }

  getValue(): CellValue {
    return (
      readValues(this.model, { ...this.box, numRows: 1, numColumns: 1 }, this.ctx.makeDate)[0]?.[0] ?? ''
    );
  }

  /** Strings are parsed like typed input (formulas, numbers, dates, TRUE/FALSE); see values.ts. */
  setValues(values: unknown[][]): this {
    this.check2D(values, 'setValues');
    const tz = this.ctx.workbook.timeZone;
    // Check every value before writing any, so a bad value leaves the range untouched.
    for (const line of values) {
      for (const x of line) {
        const t = typeof x;
        if (t === 'object' || t === 'undefined' || t === 'function' || t === 'symbol' || t === 'bigint')
          parseScriptValue(x, tz, false);
        else if (t === 'number' && !Number.isFinite(x)) parseScriptValue(x, tz, false);
      }
    }
    writeValues(this.model, this.box.row, this.box.column, values, tz);
    return this;
  }

  /** Writes the value to every cell of the range, as Apps Script does. */
  setValue(value: unknown): this {
    const tz = this.ctx.workbook.timeZone;
    const { row, column, numRows, numColumns } = this.box;
    parseScriptValue(value, tz, false);
    for (let r = row; r < row + numRows; r++) {
      const data = ensureRow(this.model, r);
      for (let c = column; c < column + numColumns; c++)
        putParsed(data, c, parseScriptValue(value, tz, isTextFormat(data, c)));
    }
    return this;
  }

  getFormulas(): string[][] {
    return readLayer(this.model, 'f', this.box, '');
  }

  getFormula(): string {
    return layerAt(this.model, 'f', this.box.row, this.box.column) ?? '';
  }

  setFormulas(formulas: string[][]): this {
    this.check2D(formulas, 'setFormulas');
    formulas.forEach((line, r) => {
      const data = ensureRow(this.model, this.box.row + r);
      line.forEach((f, c) => putParsed(data, this.box.column + c, formulaOf(f)));
    });
    return this;
  }

  setFormula(formula: string): this {
    const parsed = formulaOf(formula);
    for (let r = this.box.row; r < this.box.row + this.box.numRows; r++) {
      const data = ensureRow(this.model, r);
      for (let c = this.box.column; c < this.box.column + this.box.numColumns; c++)
        putParsed(data, c, parsed);
    }
    return this;
  }

  isBlank(): boolean {
    const formulas = this.getFormulas();
    return this.getValues().every((line, r) => line.every((v, c) => v === '' && formulas[r]?.[c] === ''));
  }

  setDataValidation(rule: unknown): this {
    const model = rule === null ? undefined : ruleOf(rule, 'setDataValidation');
    writeLayer(this.model, 'dv', this.box, () => model);
    return this;
  }

  setDataValidations(rules: unknown[][]): this {
    this.check2D(rules, 'setDataValidations');
    const models = rules.map((line) =>
      line.map((x) => (x === null ? undefined : ruleOf(x, 'setDataValidations'))),
    );
    writeLayer(this.model, 'dv', this.box, (r, c) => models[r]?.[c]);
    return this;
  }

  getDataValidation(): DataValidation | null {
    const rule = layerAt(this.model, 'dv', this.box.row, this.box.column);
    return rule ? this.ctx.validation(rule) : null;
  }

  getDataValidations(): (DataValidation | null)[][] {
    return readLayer(this.model, 'dv', this.box, null).map((line) =>
      line.map((rule) => (rule ? this.ctx.validation(rule) : null)),
    );
  }

  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  /** Clears values and formulas, keeping formats, notes and validation. */
  clearContent(): this {
    clearCells(this.model, this.box, {
      contents: true,
      formats: false,
      notes: false,
      validations: false,
    });
    return this;
  }

  /** With no options clears contents, formats, notes and validation; options narrow it like Apps Script. */
  clear(options?: ClearOptions): this {
    const o = options ?? {};
    const only = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    clearCells(this.model, this.box, {
      contents: !only || !!o.contentsOnly,
      formats: !only || !!o.formatOnly,
      notes: !only || !!o.commentsOnly,
      validations: !only || !!o.validationsOnly,
    });
    return this;
  }

  /** Sorts the rows of this range; whole cells move (values, formulas, notes, formats, validation). */
  sort(sortSpecObj: unknown): this {
    sortBox(this.model, this.box, sortKeys(sortSpecObj, this.box));
    return this;
  }

  protect(): Protection {
    const model = addProtection(this.ctx.workbook, this.model, 'RANGE', this.ref());
    return this.ctx.protection(this.model, model);
  }

  /** Copies everything the cells carry to a destination (its top-left cell anchors the copy). */
  copyTo(destination: unknown, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    const ref = rangeRefOf(destination, 'SpreadsheetApp.Range.copyTo');
    const target = this.ctx.workbook.sheetById(ref.sheetId);
    if (!target) throw new Error('The destination sheet has been deleted.');
    const box = {
      row: ref.row,
      column: ref.column,
      numRows: this.box.numRows,
      numColumns: this.box.numColumns,
    };
    checkBox(target, box);
    const slices = takeSlices(this.model, this.box);
    if (options?.contentsOnly) putSlices(target, box.row, box.column, slices, ['f']);
    else if (options?.formatOnly) putSlices(target, box.row, box.column, slices, FORMAT_KEYS, false);
    else putSlices(target, box.row, box.column, slices);
  }
}

function formulaOf(formula: unknown): ReturnType<typeof parseScriptValue> {
  if (typeof formula !== 'string') {
    throw new Error(
      `The parameters (${typeName(formula)}) don't match the method signature for SpreadsheetApp.Range.setFormula.`,
    );
  }
  if (formula === '') return { value: undefined };
  return { value: undefined, formula: formula.startsWith('=') ? formula : `=${formula}` };
}

function ruleOf(rule: unknown, method: string): ValidationRule {
  const model = typeof rule === 'object' && rule !== null ? (rule as { rule?: unknown }).rule : undefined;
  if (DataValidation.isRule(model)) return model;
  throw new Error(
    `The parameters (${typeName(rule)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}
