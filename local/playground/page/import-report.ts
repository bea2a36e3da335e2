/**
 * What a one-click import says when it is done, read from the report importDeals returns
 * (imported, alreadyImported, rejected rows, the Deals rows written, how repeats are matched).
 */

interface ImportOutcome {
  imported?: number;
  alreadyImported?: number;
  rejected?: { row: number; reason: string }[];
  firstRow?: number | null;
  lastRow?: number | null;
  matchedBy?: string;
}

/** Rows left out that the report lists one by one; the rest are counted. */
const LISTED = 5;

const count = (n: number) => n.toLocaleString('en-US');

export function importReportLines(file: string, result: unknown): string[] {
  const report = (typeof result === 'object' && result !== null ? result : {}) as ImportOutcome;
  const imported = report.imported ?? 0;
  const rows =
    report.firstRow && report.lastRow
      ? ` into Deals rows ${count(report.firstRow)}–${count(report.lastRow)}`
      : '';
  const lines = [`${count(imported)} ${imported === 1 ? 'deal' : 'deals'} imported from ${file}${rows}.`];
  if (report.alreadyImported) {
    lines.push(
      `${count(report.alreadyImported)} already imported before, left as they are (matched by ${report.matchedBy ?? 'key'}).`,
    );
  }
  const rejected = report.rejected ?? [];
  if (rejected.length > 0) {
    lines.push(`${count(rejected.length)} ${rejected.length === 1 ? 'row' : 'rows'} left out:`);
    for (const { row, reason } of rejected.slice(0, LISTED)) lines.push(`Row ${row}: ${reason}`);
    if (rejected.length > LISTED) lines.push(`… and ${count(rejected.length - LISTED)} more.`);
  }
  lines.push('Refresh summary (Extensions › Deal Pipeline) to see them in the numbers.');
  return lines;
}
