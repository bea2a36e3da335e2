/**
 * Correcting an import's mapping in the sidebar, and wording its report. The server judges every
 * mapping again (src/core/import/request.ts); here a change keeps the mapping one the server
 * accepts: a Deals field is filled from one column, and the column that identifies a deal is one
 * that is kept.
 */
import type { ImportReport, MappingRequest, TargetText } from '../core/import/request';
import { wordFor } from '../core/wording';

/** Rejected rows the report lists one by one; the rest are counted. */
export const REJECTED_LISTED = 50;

interface TargetChange {
  mapping: MappingRequest;
  /** The column that went to the same Deals field before and is now not imported, if any. */
  displaced: string | null;
}

/** The mapping with `source` going to `target`. */
export function withTarget(mapping: MappingRequest, source: string, target: TargetText): TargetChange {
  const columns = { ...mapping.columns, [source]: target };
  const isField = target !== '' && target !== 'keep';
  const displaced = isField
    ? (Object.keys(columns).find((other) => other !== source && columns[other] === target) ?? null)
    : null;
  if (displaced !== null) columns[displaced] = '';
  const sourceId = columns[mapping.sourceId] === 'keep' ? mapping.sourceId : '';
  return { mapping: { ...mapping, columns, sourceId }, displaced };
}

/** The columns kept under their own name: those that may identify a deal. */
export function keptColumns(mapping: MappingRequest): string[] {
  return Object.keys(mapping.columns).filter((source) => mapping.columns[source] === 'keep');
}

/** The column whose values are the deals' stages, or null when none is. */
export function stageColumn(mapping: MappingRequest): string | null {
  return Object.keys(mapping.columns).find((source) => mapping.columns[source] === 'stage') ?? null;
}

/** `n` and its word, thousands separated as a sales team reads them: "1,000 deals". */
export function countShown(n: number, singular: string): string {
  return `${n.toLocaleString('en-US')} ${wordFor(n, singular)}`;
}

/** The report in one sentence, for the live region: what was imported, skipped and left out. */
export function reportSummary(report: ImportReport): string {
  const { imported, firstRow, lastRow } = report;
  const where =
    firstRow === null || lastRow === null
      ? ''
      : firstRow === lastRow
        ? ` into row ${firstRow} of Deals`
        : ` into rows ${firstRow}–${lastRow} of Deals`;
  return [
    imported > 0 ? `Imported ${countShown(imported, 'deal')}${where}.` : 'No new deals imported.',
    report.alreadyImported > 0
      ? `${countShown(report.alreadyImported, 'deal')} already imported: skipped.`
      : '',
    report.rejected.length > 0 ? `${countShown(report.rejected.length, 'row')} left out.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
