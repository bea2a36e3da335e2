/**
 * Data validation rules: the builder script code fills in and the rule it builds. Rules are
 * recorded on cells and read back; the emulator does not enforce them on writes.
 */
import type { Context } from './context';
import { type CellValue, isDate, type RuleArg, type ValidationRule } from './model';
import { rangeRefOf, typeName } from './script-args';

function copyArg(arg: RuleArg): RuleArg {
  if (Array.isArray(arg)) return arg.map((x) => (isDate(x) ? new Date(x.getTime()) : x));
  if (isDate(arg)) return new Date(arg.getTime());
  return arg;
}

function copyRule(rule: ValidationRule): ValidationRule {
  return { ...rule, args: rule.args.map(copyArg) };
}

/** What script code reads back from a rule: ranges as Range objects, dates in the script's realm. */
function scriptArgs(ctx: Context, rule: ValidationRule): unknown[] {
  return rule.args.map((arg) => {
    if (Array.isArray(arg)) return arg.map((x) => (isDate(x) ? ctx.makeDate(x.getTime()) : x));
    if (isDate(arg)) return ctx.makeDate(arg.getTime());
    if (arg !== null && typeof arg === 'object') return ctx.rangeOf(arg.range);
    return arg;
  });
}

/** The getters a rule and its builder share. */
abstract class RuleReader {
  protected abstract readonly ctx: Context;
  protected abstract readonly rule: ValidationRule;

  getCriteriaType(): string {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return scriptArgs(this.ctx, this.rule);
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string {
    return this.rule.helpText;
  }
  copy(): DataValidationBuilder {
    return this.ctx.validationBuilder(copyRule(this.rule));
  }
}

export class DataValidation extends RuleReader {
  constructor(
    protected readonly ctx: Context,
    readonly rule: ValidationRule,
  ) {
    super();
  }

  static isRule(x: unknown): x is ValidationRule {
    return typeof x === 'object' && x !== null && 'criteria' in x && 'args' in x;
  }
}

export class DataValidationBuilder extends RuleReader {
  protected rule: ValidationRule;

  constructor(
    protected readonly ctx: Context,
    rule?: ValidationRule,
  ) {
    super();
    this.rule = rule ?? { criteria: '', args: [], allowInvalid: true, helpText: '' };
  }

  private set(criteria: string, ...args: RuleArg[]): this {
    this.rule = { ...this.rule, criteria, args };
    return this;
  }

  build(): DataValidation {
    if (!this.rule.criteria) throw new Error('You must set a validation criteria before building the rule.');
    // A frozen copy, so cells that share a rule never see later builder changes.
    return this.ctx.validation(Object.freeze(copyRule(this.rule)));
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    this.rule = { ...this.rule, allowInvalid: !!allowInvalidData };
    return this;
  }
  setHelpText(helpText: string): this {
    this.rule = { ...this.rule, helpText: String(helpText) };
    return this;
  }

  requireValueInList(values: CellValue[], showDropdown = true): this {
    if (!Array.isArray(values)) {
      throw new Error(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`,
      );
    }
    return this.set('VALUE_IN_LIST', copyArg(values), showDropdown);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    return this.set(
      'VALUE_IN_RANGE',
      { range: rangeRefOf(range, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange') },
      showDropdown,
    );
  }
  requireCheckbox(checkedValue?: CellValue, uncheckedValue?: CellValue): this {
    const args = [checkedValue, uncheckedValue].filter((x): x is CellValue => x !== undefined);
    return this.set('CHECKBOX', ...args);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', start, end);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.set('NUMBER_NOT_BETWEEN', start, end);
  }
  requireNumberEqualTo(n: number): this {
    return this.set('NUMBER_EQUAL_TO', n);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.set('NUMBER_NOT_EQUAL_TO', n);
  }
  requireNumberGreaterThan(n: number): this {
    return this.set('NUMBER_GREATER_THAN', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  requireNumberLessThan(n: number): this {
    return this.set('NUMBER_LESS_THAN', n);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE');
  }
  requireDateAfter(date: Date): this {
    return this.set('DATE_AFTER', dateArg(date));
  }
  requireDateBefore(date: Date): this {
    return this.set('DATE_BEFORE', dateArg(date));
  }
  requireDateOnOrAfter(date: Date): this {
    return this.set('DATE_ON_OR_AFTER', dateArg(date));
  }
  requireDateOnOrBefore(date: Date): this {
    return this.set('DATE_ON_OR_BEFORE', dateArg(date));
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.set('DATE_BETWEEN', dateArg(start), dateArg(end));
  }
  requireDateEqualTo(date: Date): this {
    return this.set('DATE_EQUAL_TO', dateArg(date));
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL');
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL');
  }
  requireTextContains(text: string): this {
    return this.set('TEXT_CONTAINS', text);
  }
  requireTextDoesNotContain(text: string): this {
    return this.set('TEXT_DOES_NOT_CONTAIN', text);
  }
  requireTextEqualTo(text: string): this {
    return this.set('TEXT_EQUAL_TO', text);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', formula);
  }
  withCriteria(criteria: string, args: RuleArg[]): this {
    return this.set(String(criteria), ...args.map(modelArg));
  }
}

/** A criteria value script code passes in, as the model stores it (a Range becomes a reference). */
function modelArg(x: unknown): RuleArg {
  if (x !== null && typeof x === 'object' && !Array.isArray(x) && !isDate(x)) {
    return { range: rangeRefOf(x, 'SpreadsheetApp.DataValidationBuilder.withCriteria') };
  }
  return copyArg(x as RuleArg);
}

function dateArg(date: unknown): Date {
  if (!isDate(date)) {
    throw new Error(
      `The parameters (${typeName(date)}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireDate.`,
    );
  }
  return new Date(date.getTime());
}
