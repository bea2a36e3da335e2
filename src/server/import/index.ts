/**
 * "Import deals": another sheet of the spreadsheet (a CSV brought in with File › Import, a CRM
 * export) appended to Deals in one batch. previewImport proposes a mapping and writes nothing;
 * importDeals appends the deals the mapping accepts, each with its ID, Created, Stage Since, its
 * stage in the record and a History row (Via `import`), and lists every row it leaves out. A deal
 * imported before is told by the source's own ID when a column is kept for it, else by an Import
 * Key of its content; it is never imported twice, and so an import never changes an existing
 * deal's Close Date or Amount: it records none of those changes, only what each new deal starts
 * with (what a later paste is compared with). A fixed number of spreadsheet calls whatever the
 * number of rows.
 */
import type { DealFieldKey } from '../../core/columns';
import { SHEET } from '../../core/columns';
import { dayOfDate, isDate, startOfDay } from '../../core/dates';
import { dealFingerprint } from '../../core/deal-identity';
import { isBlankRow } from '../../core/deal-row';
import type { ImportMapping } from '../../core/import/mapping';
import { proposeColumns, proposeSourceId, proposeStages } from '../../core/import/mapping';
import type { ImportPreview, ImportReport } from '../../core/import/request';
import { IMPORT_FIELDS, judgeMapping, targetText, toRequest } from '../../core/import/request';
import type { ImportedDeal } from '../../core/import/rows';
import { planImport } from '../../core/import/rows';
import { formatDealId } from '../../core/transitions';
import type { StageTable } from '../../core/types';
import { readText } from '../../core/values';
import type { DealsSheet } from '../deals-sheet';
import { openDealsSheet } from '../deals-sheet';
import { DocumentState } from '../document-properties';
import { UserError } from '../errors';
import { appendHistory, currentUser } from '../history';
import { withDocumentLock } from '../lock';
import { readSettings } from '../settings';
import type { Cell, Sheet, Spreadsheet } from '../sheets';
import { activeSpreadsheet, readAllValues, writeBlock, writeCells } from '../sheets';
import { todayIn } from '../today';

/** The Deals column that holds the key of a deal imported from a source without IDs. */
const IMPORT_KEY_HEADER = 'Import Key';

const SAMPLES = 3;

/** The source sheet and its values. 2–3 calls. */
function readSource(spreadsheet: Spreadsheet, sheetName: unknown): { name: string; values: Cell[][] } {
  if (typeof sheetName !== 'string' || sheetName.trim() === '') {
    throw new UserError('Choose the sheet to import from.');
  }
  const own = Object.values(SHEET) as string[];
  if (own.includes(sheetName)) {
    throw new UserError(
      `"${sheetName}" is one of Deal Pipeline's own sheets: choose the sheet that holds your deals.`,
    );
  }
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet) throw new UserError(`There is no sheet named "${sheetName}" in this spreadsheet.`);
  const values = readAllValues(sheet);
  if ((values[0] ?? []).every((cell) => String(cell).trim() === '')) {
    throw new UserError(`"${sheetName}" has no header row: its row 1 must name the columns.`);
  }
  return { name: sheetName, values };
}

function headersOf(values: readonly (readonly Cell[])[]): string[] {
  return (values[0] ?? []).map((cell) => String(cell));
}

function proposal(values: readonly (readonly Cell[])[], table: StageTable, timeZone: string): ImportMapping {
  const headers = headersOf(values);
  const columns = proposeColumns(headers);
  const stageHeader = headers.find((h) => {
    const target = columns[h];
    return target !== null && target !== undefined && 'field' in target && target.field === 'stage';
  });
  const at = stageHeader === undefined ? -1 : headers.indexOf(stageHeader);
  const names = at < 0 ? [] : values.slice(1).map((row) => readText(row[at], timeZone));
  return { columns, stages: proposeStages(names, table), sourceId: proposeSourceId(columns) };
}

/** The sheets a team may import from: every sheet but the add-on's own. 2 calls. */
export function importSheetNames(): string[] {
  const own = new Set<string>(Object.values(SHEET));
  return activeSpreadsheet()
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((name) => !own.has(name));
}

/** Proposes the mapping, with counts and samples. Writes nothing. */
export function previewImport(sheetName: unknown): ImportPreview {
  const spreadsheet = activeSpreadsheet();
  const settings = readSettings(spreadsheet);
  const { timeZone } = todayIn(spreadsheet);
  const { name, values } = readSource(spreadsheet, sheetName);
  const mapping = proposal(values, settings.table, timeZone);
  const headers = headersOf(values);
  const body = values.slice(1).filter((row) => !isBlankRow(row));
  const stageAt = headers.findIndex((h) => {
    const target = mapping.columns[h];
    return target !== null && target !== undefined && 'field' in target && target.field === 'stage';
  });
  const counts = new Map<string, number>();
  for (const row of body) {
    const stage = stageAt < 0 ? '' : readText(row[stageAt], timeZone);
    if (stage !== '') counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return {
    sheet: name,
    rows: body.length,
    columns: headers.flatMap((source, c) =>
      source.trim() === '' || !(source in mapping.columns)
        ? []
        : [
            {
              source,
              target: targetText(mapping.columns[source]!),
              samples: body
                .map((row) => readText(row[c], timeZone))
                .filter((text) => text !== '')
                .slice(0, SAMPLES),
            },
          ],
    ),
    stages: [...counts].map(([source, count]) => ({ source, count, stage: mapping.stages[source] ?? '' })),
    mapping: toRequest(mapping),
    fields: IMPORT_FIELDS.map((field) => ({ key: field.key, header: field.header })),
  };
}

/** Appends the source's deals with the mapping given, or the proposal when none is. */
export function importDeals(sheetName: unknown, mappingRequest?: unknown): ImportReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const state = DocumentState.read();
    const settings = readSettings(spreadsheet, state);
    const when = todayIn(spreadsheet);
    const { values } = readSource(spreadsheet, sheetName);
    let mapping = proposal(values, settings.table, when.timeZone);
    if (mappingRequest !== undefined && mappingRequest !== null) {
      const judged = judgeMapping(mappingRequest, headersOf(values), settings.table);
      if (!judged.ok) throw new UserError(judged.message);
      mapping = judged.mapping;
    }
    const deals = openDealsSheet(spreadsheet, settings.table);
    const kept = Object.keys(mapping.columns).filter((h) => {
      const target = mapping.columns[h];
      return target !== null && target !== undefined && 'keep' in target;
    });
    const keyHeader = mapping.sourceId ?? IMPORT_KEY_HEADER;
    const { header, added } = ensureDealsColumns(deals, [...kept, keyHeader]);
    const keyColumn = header.indexOf(keyHeader);
    const existing = new Set(readColumn(deals.sheet, keyColumn, deals.lastRow).map((cell) => readText(cell)));
    existing.delete('');
    const plan = planImport({ values, mapping, timeZone: when.timeZone, existingKeys: existing });

    const first = deals.lastRow + 1;
    const rows = plan.deals.map((deal, i) =>
      dealRow(deal, header, deals, formatDealId(state.lastIssued + i + 1), keyColumn, when),
    );
    if (rows.length > 0) {
      ensureRows(deals.sheet, first + rows.length - 1);
      writeCells(deals.sheet.getRange(first, 1, rows.length, header.length), rows);
      recordImported(spreadsheet, state, plan.deals, deals, when);
    }
    return {
      imported: rows.length,
      alreadyImported: plan.alreadyImported,
      rejected: plan.rejected,
      firstRow: rows.length > 0 ? first : null,
      lastRow: rows.length > 0 ? first + rows.length - 1 : null,
      columnsAdded: added,
      matchedBy:
        mapping.sourceId === null
          ? `the ${IMPORT_KEY_HEADER} column (each row's content)`
          : `the "${keyHeader}" column`,
    };
  });
}

/** One Deals row for an imported deal, in the sheet's column order. */
function dealRow(
  deal: ImportedDeal,
  header: readonly string[],
  deals: DealsSheet,
  id: string,
  keyColumn: number,
  when: ReturnType<typeof todayIn>,
): Cell[] {
  const row: Cell[] = header.map(() => '');
  const put = (field: DealFieldKey, value: Cell) => {
    const at = deals.layout.columns[field];
    if (at >= 0) row[at] = value;
  };
  for (const [field, value] of Object.entries(deal.cells) as [DealFieldKey, Cell][]) put(field, value);
  put('id', id);
  put('created', deal.cells.created ?? startOfDay(when.today, when.timeZone));
  put('stageSince', when.now);
  for (const [source, value] of Object.entries(deal.kept)) row[header.indexOf(source)] = value;
  row[keyColumn] = deal.key;
  return row;
}

/** The stage record (with each deal's Close Date and Amount), the counter and History for the imported deals. */
function recordImported(
  spreadsheet: Spreadsheet,
  state: DocumentState,
  imported: readonly ImportedDeal[],
  deals: DealsSheet,
  { now, timeZone }: ReturnType<typeof todayIn>,
): void {
  const ids = imported.map((_, i) => formatDealId(state.lastIssued + i + 1));
  const has = (field: DealFieldKey) => deals.layout.columns[field] >= 0;
  state.apply({
    recorded: imported.map((deal, i) => ({
      id: ids[i]!,
      stage: String(deal.cells.stage),
      fingerprint: dealFingerprint({ deal: text(deal.cells.deal), company: text(deal.cells.company) }),
    })),
    gone: [],
    lastIssued: state.lastIssued + imported.length,
    fields: imported.map(({ cells }, i) => {
      const { closeDate, amount } = cells;
      return {
        id: ids[i]!,
        closeDate: !has('closeDate') ? undefined : isDate(closeDate) ? dayOfDate(closeDate, timeZone) : null,
        amount: !has('amount') ? undefined : typeof amount === 'number' ? amount : null,
      };
    }),
  });
  state.save();
  const by = currentUser();
  appendHistory(
    spreadsheet,
    imported.map((deal, i) => ({
      timestamp: now,
      id: ids[i]!,
      deal: text(deal.cells.deal),
      from: '',
      to: String(deal.cells.stage),
      by,
      via: 'import' as const,
    })),
  );
}

const text = (cell: unknown): string => (typeof cell === 'string' ? cell : '');

/** Adds the headers Deals lacks at the end of row 1. 0 calls when all are there, else 1–3. */
function ensureDealsColumns(
  deals: DealsSheet,
  wanted: readonly string[],
): { header: string[]; added: string[] } {
  const header = [...deals.header];
  const lower = new Set(header.map((h) => h.trim().toLowerCase()));
  const added = [...new Set(wanted)].filter((h) => !lower.has(h.trim().toLowerCase()));
  if (added.length > 0) writeBlock(deals.sheet, 1, header.length + 1, [added]);
  header.push(...added);
  const at = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
  // Kept columns are found again by name, whatever their case in Deals.
  return { header: header.map((h, i) => wanted.find((w) => at(w) === i) ?? h), added };
}

/** One column's cells below the header. 1 call; none for an empty sheet. */
function readColumn(sheet: Sheet, column: number, lastRow: number): Cell[] {
  if (lastRow < 2 || column < 0) return [];
  return sheet
    .getRange(2, column + 1, lastRow - 1, 1)
    .getValues()
    .map((line) => line[0] as Cell);
}

/** Makes room for rows up to `last`. 1–2 calls. */
function ensureRows(sheet: Sheet, last: number): void {
  const max = sheet.getMaxRows();
  if (last > max) sheet.insertRowsAfter(max, last - max);
}
