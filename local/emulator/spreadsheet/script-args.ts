/**
 * Reading the emulator's own objects back when script code passes them in as arguments, and
 * naming a wrong argument's type the way Apps Script's signature errors do. A leaf: it imports
 * only types, so every script-facing class can use it without importing the Context that makes
 * them.
 */
import type { Box } from './a1';
import type { RangeRef, SheetModel } from './model';

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
