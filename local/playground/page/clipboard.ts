/**
 * Clipboard text as a block of cells, the way Sheets reads a paste: rows by line break, cells by
 * tab, a cell in double quotes may hold tabs, line breaks and doubled quotes (what Sheets and
 * Excel put on the clipboard for such cells). Ragged rows are padded with blank cells.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const source = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' && cell === '') {
      const end = closingQuote(source, i + 1);
      if (end >= 0) {
        cell = source.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  row.push(cell);
  rows.push(row);
  const width = Math.max(...rows.map((line) => line.length));
  return rows.map((line) => [...line, ...Array<string>(width - line.length).fill('')]);
}

/** The index of the quote that closes a quoted cell opened before `from`, or -1 when it is not one. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] !== '"') continue;
    if (text[i + 1] === '"') {
      i++;
      continue;
    }
    const after = text[i + 1];
    return after === undefined || after === '\t' || after === '\n' ? i : -1;
  }
  return -1;
}

/** A block of cells as clipboard text, quoting what parseClipboard would otherwise split. */
export function clipboardText(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((line) => line.map(quote).join('\t')).join('\n');
}
