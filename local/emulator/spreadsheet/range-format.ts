/** Range: formats (background, fonts, alignment, wrap, number format), notes and display values. */
import { clearCells, formatDefault, layerAt, readLayer, writeLayer } from './grid';
import { type FormatKey, type LayerTypes } from './model';
import { displayValue } from './number-format';
import { RangeBase } from './range-base';

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  purple: '#800080',
};

/** Colors read back as lowercase hex, as Apps Script reports them. */
function cssColor(color: string): string {
  const lower = String(color).toLowerCase();
  return NAMED_COLORS[lower] ?? lower;
}

export class RangeFormats extends RangeBase {
  /** Sets one format on every cell; null restores the default. */
  protected fillFormat<K extends FormatKey>(key: K, value: LayerTypes[K] | null | undefined): this {
    const stored = value === null || value === undefined ? undefined : value;
    writeLayer(this.model, key, this.box, () => stored);
    return this;
  }

  protected eachFormat<K extends FormatKey>(
    key: K,
    data: unknown,
    method: string,
    normalize: (x: LayerTypes[K]) => LayerTypes[K] = (x) => x,
  ): this {
    this.check2D(data, method);
    writeLayer(this.model, key, this.box, (r, c) => {
      const x = data[r]?.[c];
      return x === null || x === undefined ? undefined : normalize(x as LayerTypes[K]);
    });
    return this;
  }

  protected formats<K extends FormatKey>(key: K): LayerTypes[K][][] {
    return readLayer(this.model, key, this.box, formatDefault(key));
  }

  protected firstFormat<K extends FormatKey>(key: K): LayerTypes[K] {
    return layerAt(this.model, key, this.box.row, this.box.column) ?? formatDefault(key);
  }

  setBackground(color: string | null): this {
    return this.fillFormat('background', color === null ? null : cssColor(color));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this.eachFormat('background', colors, 'setBackgrounds', cssColor);
  }
  getBackground(): string {
    return this.firstFormat('background');
  }
  getBackgrounds(): string[][] {
    return this.formats('background');
  }

  setFontWeight(weight: string | null): this {
    return this.fillFormat('fontWeight', weight);
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.eachFormat('fontWeight', weights, 'setFontWeights');
  }
  getFontWeight(): string {
    return this.firstFormat('fontWeight');
  }
  getFontWeights(): string[][] {
    return this.formats('fontWeight');
  }

  setFontColor(color: string | null): this {
    return this.fillFormat('fontColor', color === null ? null : cssColor(color));
  }
  setFontColors(colors: (string | null)[][]): this {
    return this.eachFormat('fontColor', colors, 'setFontColors', cssColor);
  }
  getFontColor(): string {
    return this.firstFormat('fontColor');
  }
  getFontColors(): string[][] {
    return this.formats('fontColor');
  }

  setFontStyle(style: string | null): this {
    return this.fillFormat('fontStyle', style);
  }
  getFontStyle(): string {
    return this.firstFormat('fontStyle');
  }
  getFontStyles(): string[][] {
    return this.formats('fontStyle');
  }

  setFontSize(size: number | null): this {
    return this.fillFormat('fontSize', size);
  }
  getFontSize(): number {
    return this.firstFormat('fontSize');
  }

  setFontFamily(family: string | null): this {
    return this.fillFormat('fontFamily', family);
  }
  getFontFamily(): string {
    return this.firstFormat('fontFamily');
  }

  setFontLine(line: string | null): this {
    return this.fillFormat('fontLine', line);
  }
  getFontLine(): string {
    return this.firstFormat('fontLine');
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this.fillFormat('horizontalAlignment', alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this.eachFormat('horizontalAlignment', alignments, 'setHorizontalAlignments');
  }
  getHorizontalAlignment(): string {
    return this.firstFormat('horizontalAlignment');
  }
  getHorizontalAlignments(): string[][] {
    return this.formats('horizontalAlignment');
  }

  setVerticalAlignment(alignment: string | null): this {
    return this.fillFormat('verticalAlignment', alignment);
  }
  getVerticalAlignment(): string {
    return this.firstFormat('verticalAlignment');
  }

  setWrap(wrap: boolean): this {
    return this.fillFormat('wrap', wrap);
  }
  setWraps(wraps: boolean[][]): this {
    return this.eachFormat('wrap', wraps, 'setWraps');
  }
  getWrap(): boolean {
    return this.firstFormat('wrap');
  }
  getWraps(): boolean[][] {
    return this.formats('wrap');
  }

  setNumberFormat(format: string): this {
    return this.fillFormat('numberFormat', format);
  }
  setNumberFormats(formats: string[][]): this {
    return this.eachFormat('numberFormat', formats, 'setNumberFormats');
  }
  getNumberFormat(): string {
    return this.firstFormat('numberFormat');
  }
  getNumberFormats(): string[][] {
    return this.formats('numberFormat');
  }

  /** Clears every format, keeping values, notes and validation. */
  clearFormat(): this {
    clearCells(this.model, this.box, {
      contents: false,
      formats: true,
      notes: false,
      validations: false,
    });
    return this;
  }

  setNote(note: string | null): this {
    const text = note === null || note === '' ? undefined : String(note);
    writeLayer(this.model, 'n', this.box, () => text);
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    this.check2D(notes, 'setNotes');
    writeLayer(this.model, 'n', this.box, (r, c) => {
      const x = notes[r]?.[c];
      return x === null || x === undefined || x === '' ? undefined : String(x);
    });
    return this;
  }
  getNote(): string {
    return layerAt(this.model, 'n', this.box.row, this.box.column) ?? '';
  }
  getNotes(): string[][] {
    return readLayer(this.model, 'n', this.box, '');
  }
  clearNote(): this {
    return this.setNote(null);
  }

  /** The text shown in each cell: the value through its number format, in the spreadsheet's zone. */
  getDisplayValues(): string[][] {
    const { row, column, numRows, numColumns } = this.box;
    const tz = this.ctx.workbook.timeZone;
    const out: string[][] = [];
    for (let r = 0; r < numRows; r++) {
      const data = this.model.rows[row - 1 + r];
      const line: string[] = [];
      for (let c = column - 1; c < column - 1 + numColumns; c++) {
        line.push(data ? displayValue(data.v[c], data.numberFormat?.[c], tz) : '');
      }
      out.push(line);
    }
    return out;
  }

  getDisplayValue(): string {
    const data = this.model.rows[this.box.row - 1];
    const c = this.box.column - 1;
    return data ? displayValue(data.v[c], data.numberFormat?.[c], this.ctx.workbook.timeZone) : '';
  }
}
