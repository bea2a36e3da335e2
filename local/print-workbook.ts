/**
 * Prints an emulated workbook as text tables (display values, as Sheets would show them) and
 * the add-on menu, for `npm start` and for anyone debugging a bundle test.
 */
import type { Emulator } from './emulator';
import type { MenuTree } from './emulator/services';

const MAX_CELL = 28;

function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '  (empty)';
  const width = Math.max(...rows.map((row) => row.length));
  const clip = (text: string) => (text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);
  const cells = rows.map((row) => Array.from({ length: width }, (_, i) => clip(row[i] ?? '')));
  const widths = Array.from({ length: width }, (_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) =>
    `  | ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `  |${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

export function formatMenu(menu: MenuTree | undefined): string {
  if (!menu) return '  (no menu)';
  return [
    `  Extensions › ${menu.caption}`,
    ...menu.items.map((item) =>
      'separator' in item
        ? '    ────────'
        : 'submenu' in item
          ? `    ${item.submenu.caption} ›`
          : `    ${item.caption}`,
    ),
  ].join('\n');
}

export function printWorkbook(emulator: Emulator): string {
  const parts: string[] = [];
  for (const name of emulator.workbook.sheetNames()) {
    const sheet = emulator.spreadsheet.scriptSheet(name);
    const rows = sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getDisplayValues();
    parts.push(`${name} (${Math.max(rows.length - 1, 0)} rows below the header)`, formatTable(rows), '');
  }
  return parts.join('\n');
}
