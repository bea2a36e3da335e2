/**
 * Per-cell baseline of the reminder job and of a custom function: one walk of Deals a cell at a
 * time, one email per owner, an appendRow per log line; a forecast formula that looks up each
 * row's stage by reading Settings again.
 */
import type { Gas } from './gas';
import { cell, COL, DAY_MS, isDate } from './gas';

export function reminders(gas: Gas): void {
  const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
  const deals = spreadsheet.getSheetByName('Deals')!;
  const log = spreadsheet.getSheetByName('Reminder Log')!;
  const due = new Map<string, string[]>();
  const today = Date.now();
  const last = deals.getLastRow();
  for (let row = 2; row <= last; row++) {
    const followUp = cell(deals, row, COL.followUp);
    if (!isDate(followUp) || followUp.getTime() > today + DAY_MS) continue;
    const stage = String(cell(deals, row, COL.stage));
    if (stage.startsWith('Closed')) continue;
    const owner = String(cell(deals, row, COL.owner));
    const line = `${String(cell(deals, row, COL.id))} ${String(cell(deals, row, COL.deal))}`;
    due.set(owner, [...(due.get(owner) ?? []), line]);
  }
  for (const [owner, lines] of due) {
    if (owner === '') continue;
    gas.MailApp.sendEmail(owner, `Follow-ups due: ${lines.length}`, lines.join('\n'));
    log.appendRow([new Date(), owner, lines.length, 'sent', '']);
  }
}

/**
 * =FORECAST_WEIGHTED(amounts, stages) as such scripts write it: the stage's probability looked
 * up in Settings for every row (one getValues of the whole sheet each time).
 */
export function forecastWeighted(gas: Gas, amounts: unknown[][], stages: unknown[][]): number {
  const settings = gas.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings')!;
  let total = 0;
  amounts.forEach(([amount], i) => {
    const table = settings.getDataRange().getValues();
    const stage = table.find((row) => row[0] === stages[i]?.[0]);
    total += (Number(amount) || 0) * (Number(stage?.[1]) || 0);
  });
  return total;
}
