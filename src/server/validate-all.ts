/**
 * "Validate all deals": reads Deals once, adopts rows the add-on has not seen (IDs, Created,
 * their stage in the record), validates every row with the engine, marks bad cells and clears
 * marks that no longer apply (writing only the rows whose marks change), and reports. It changes
 * no value a user typed.
 */
import type { DealFieldKey } from '../core/columns';
import { DEAL_FIELDS, dealField } from '../core/columns';
import { escapeHtml } from '../core/html';
import { entriesOf, loggedCells } from '../core/marks-log';
import type { DealProblem } from '../core/problems';
import type { StageTable } from '../core/types';
import { validateDeals } from '../core/validation';
import { countOf } from '../core/wording';
import { decideAdoption } from './adopt';
import { DocumentState } from './document-properties';
import { withDocumentLock } from './lock';
import { readMarks } from './marks';
import { readMarksLog, writeMarksLog } from './marks-log';
import { readSettings } from './settings';
import { activeSpreadsheet } from './sheets';
import { runMenuAction } from './ui';

/** How many problems the dialog lists one by one. */
const LISTED = 20;

/**
 * Text columns no check looks at unless a stage requires them: left unread, a sixth fewer cells
 * on a sheet of 50,000 deals. A mark there, from a stage table that required one, is still found
 * and cleared: the marks log names it.
 */
const UNCHECKED: readonly DealFieldKey[] = ['contact', 'phone', 'nextStep', 'notes'];

function checkedFields(table: StageTable): DealFieldKey[] {
  return DEAL_FIELDS.map((field) => field.key).filter(
    (key) => !UNCHECKED.includes(key) || table.stages.some((stage) => stage.requiredFields.includes(key)),
  );
}

export interface ValidationReport {
  deals: number;
  withErrors: number;
  withWarnings: number;
  idsAssigned: number;
  /** Deals whose stage the record had not seen and now has. */
  adopted: number;
  /** Rows whose ID was put back or replaced (a copy, or text the add-on did not issue), and why. */
  ids: string[];
  /** The first problems, in sheet order. */
  problems: { row: number; id: string; field: string; severity: 'error' | 'warning'; message: string }[];
  /**
   * Problems of the Settings sheet, which stage table is in use when it is not the sheet's, and
   * Deals columns that are missing (their field reads blank).
   */
  settings: string[];
}

/**
 * The whole check: one read of Deals' values, the marks log, then the notes and backgrounds of
 * the cells with a problem or a logged mark (every note when the log cannot say); then the
 * writes: the log, the adoption, and the marks only where they change.
 */
function validateAll(): ValidationReport {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const state = DocumentState.read();
    const settings = readSettings(spreadsheet, state);
    const { deals, block, adoption, idsRead, when, apply } = decideAdoption(
      spreadsheet,
      settings,
      state,
      checkedFields(settings.table),
    );
    const problems = validateDeals(adoption.deals, settings.table, when.today, adoption.problems);
    const idOfRow = new Map(adoption.deals.map((deal) => [deal.row, deal.id]));
    // Every read before the first write: the writes then wait for no read, and commit once.
    const logRead = readMarksLog(spreadsheet, state);
    const around = logRead.log.anywhere
      ? undefined
      : loggedCells(
          logRead.log,
          idsRead.map((id, r) => [id, idOfRow.get(r + 2) ?? id]),
          deals.layout.columns,
        );
    const marks = readMarks(deals, 2, block.rows.length, problems, around);
    writeMarksLog(spreadsheet, logRead, entriesOf(problems, idOfRow, deals.layout.columns), state);
    apply();
    marks.write();

    const rowsWith = (severity: DealProblem['severity']) =>
      new Set(problems.filter((p) => p.severity === severity).map((p) => p.row)).size;
    return {
      deals: adoption.deals.length,
      withErrors: rowsWith('error'),
      withWarnings: rowsWith('warning'),
      idsAssigned: adoption.idsIssued,
      adopted: adoption.history.length,
      ids: adoption.notices,
      problems: problems.slice(0, LISTED).map((p) => ({
        row: p.row,
        id: idOfRow.get(p.row) ?? '',
        field: dealField(p.field).header,
        severity: p.severity,
        message: p.message,
      })),
      settings: [
        ...(settings.notice ? [settings.notice] : []),
        ...settings.problems.map((problem) => problem.message),
        ...deals.layout.problems.filter((p) => p.severity === 'error').map((p) => p.message),
      ],
    };
  });
}

export function validateAllFromMenu(): ValidationReport | undefined {
  return runMenuAction(() => {
    const report = validateAll();
    const html = HtmlService.createHtmlOutput(reportHtml(report)).setWidth(520).setHeight(420);
    SpreadsheetApp.getUi().showModalDialog(html, 'Deal Pipeline: validation');
    return report;
  });
}

function reportHtml(report: ValidationReport): string {
  const lines = [
    `<p><b>${countOf(report.deals, 'deal')} checked.</b> ${countOf(report.withErrors, 'deal')} with errors, ` +
      `${countOf(report.withWarnings, 'deal')} with warnings.</p>`,
  ];
  if (report.idsAssigned > 0) lines.push(`<p>${countOf(report.idsAssigned, 'new deal')} got an ID.</p>`);
  if (report.ids.length > 0) {
    lines.push('<p><b>IDs</b></p><ul>', ...report.ids.map((s) => `<li>${escapeHtml(s)}</li>`), '</ul>');
  }
  if (report.settings.length > 0) {
    lines.push(
      '<p><b>Settings and columns</b></p><ul>',
      ...report.settings.map((s) => `<li>${escapeHtml(s)}</li>`),
      '</ul>',
    );
  }
  if (report.problems.length > 0) {
    lines.push(
      `<p><b>First problems</b> (each bad cell carries a note in Deals):</p><ul>`,
      ...report.problems.map(
        (p) =>
          `<li>${p.severity === 'error' ? '⛔' : '⚠️'} <b>${escapeHtml(p.id || `Row ${p.row}`)}</b> · ${escapeHtml(p.field)}: ${escapeHtml(p.message)}</li>`,
      ),
      '</ul>',
    );
  } else if (report.deals > 0) {
    lines.push('<p>Every deal is in order.</p>');
  }
  return `<div style="font-family: Arial, sans-serif; font-size: 13px">${lines.join('\n')}</div>`;
}
