/**
 * RangeList: non-adjacent ranges of one sheet, given by `Sheet.getRangeList(a1Notations)`, that
 * take one format, note or value in one call.
 *
 * Google's reference (developers.google.com/apps-script/reference/spreadsheet/range-list and
 * sheet#getRangeList): "A collection of one or more Range instances in the same sheet. You can use
 * this class to apply operations on collections of non-adjacent ranges or cells"; getRangeList
 * takes "a non-empty list of A1 notations or R1C1 notations" of that sheet. Each setter applies
 * to every range, like the same setter on each Range; getRanges returns the ranges in order.
 * The emulator refuses an empty list and a notation naming another sheet, and each range gets
 * Range's own checks (a range beyond the sheet: "Range not found"). Only the methods the add-on
 * and its tests use are modelled; any other is missing, as an unknown method is in Apps Script.
 */
import { type Box, parseA1, splitSheetName } from './a1';
import type { Context } from './context';
import type { SheetModel } from './model';
import type { Range } from './range';
import { checkBox } from './range-base';

export class RangeList {
  constructor(
    private readonly ctx: Context,
    readonly model: SheetModel,
    readonly boxes: readonly Box[],
  ) {}

  getRanges(): Range[] {
    return this.boxes.map((box) => this.ctx.range(this.model, box));
  }

  setBackground(color: string | null): this {
    return this.each((range) => range.setBackground(color));
  }

  setNote(note: string | null): this {
    return this.each((range) => range.setNote(note));
  }

  clearNote(): this {
    return this.each((range) => range.clearNote());
  }

  setFontWeight(weight: string | null): this {
    return this.each((range) => range.setFontWeight(weight));
  }

  setNumberFormat(format: string): this {
    return this.each((range) => range.setNumberFormat(format));
  }

  /** Applies one Range setter to every range, as the one call script code made (not counted again). */
  private each(apply: (range: Range) => void): this {
    for (const box of this.boxes) apply(this.ctx.untrackedRange(this.model, box));
    return this;
  }
}

/** The boxes of `Sheet.getRangeList(a1Notations)` on `model`, with Apps Script's refusals. */
export function rangeListBoxes(a1Notations: unknown, model: SheetModel): Box[] {
  if (!Array.isArray(a1Notations) || a1Notations.length === 0) {
    // The reference asks for "a non-empty list"; the exact text Apps Script gives for an empty
    // one is not published, so the emulator says what is wrong in the words of that reference.
    throw new Error('Exception: The list of A1 notations must not be empty.');
  }
  return a1Notations.map((notation) => {
    const { sheetName, a1 } = splitSheetName(String(notation));
    if (sheetName !== null && sheetName !== model.name) throw new Error('Range not found');
    const box = parseA1(a1, model);
    checkBox(model, box);
    return box;
  });
}
