/**
 * The import API's plain objects (google.script.run carries no Dates), and the judging of a
 * mapping a person sent back: any top-level function can be called from a browser console with
 * any arguments, so every target and stage is checked against what exists.
 */
import type { DealFieldKey } from '../columns';
import { DEAL_FIELDS } from '../columns';
import { findStage } from '../stages';
import type { StageTable } from '../types';
import type { ColumnTarget, ImportMapping } from './mapping';

/** A column's target as the sidebar shows it: a Deals field key, 'keep', or '' for none. */
export type TargetText = DealFieldKey | 'keep' | '';

export interface MappingRequest {
  /** By source header. */
  columns: Record<string, TargetText>;
  /** By source stage name: a stage of the table, or '' to leave those rows out. */
  stages: Record<string, string>;
  /** The kept column that identifies a deal across imports, or '' for none. */
  sourceId: string;
}

export interface ImportPreview {
  sheet: string;
  /** Rows with anything in them, below the header. */
  rows: number;
  columns: { source: string; target: TargetText; samples: string[] }[];
  stages: { source: string; count: number; stage: string }[];
  /** The proposal, in the form importDeals takes. */
  mapping: MappingRequest;
  /** Fields a column may go to, for the sidebar's choices. */
  fields: { key: DealFieldKey; header: string }[];
}

export interface ImportReport {
  imported: number;
  alreadyImported: number;
  rejected: { row: number; reason: string }[];
  /** Sheet rows of Deals the new deals went to, or null when none. */
  firstRow: number | null;
  lastRow: number | null;
  /** Deals columns the import added (kept source columns, Import Key). */
  columnsAdded: string[];
  /** How a deal imported before is told (which column the keys are in). */
  matchedBy: string;
}

/** Fields a source column may fill: every Deals field but those the add-on fills itself. */
export const IMPORT_FIELDS = DEAL_FIELDS.filter((field) => field.key !== 'id' && field.key !== 'stageSince');

export function toRequest(mapping: ImportMapping): MappingRequest {
  const columns: Record<string, TargetText> = {};
  for (const [source, target] of Object.entries(mapping.columns)) columns[source] = targetText(target);
  const stages: Record<string, string> = {};
  for (const [source, stage] of Object.entries(mapping.stages)) stages[source] = stage ?? '';
  return { columns, stages, sourceId: mapping.sourceId ?? '' };
}

export function targetText(target: ColumnTarget): TargetText {
  if (target === null) return '';
  return 'keep' in target ? 'keep' : target.field;
}

/** The mapping a request describes, or the first thing wrong with it, naming it. */
export function judgeMapping(
  request: unknown,
  headers: readonly string[],
  table: StageTable,
): { ok: true; mapping: ImportMapping } | { ok: false; message: string } {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return { ok: false, message: 'The mapping must be an object with columns, stages and sourceId.' };
  }
  const { columns, stages, sourceId } = request as Partial<Record<keyof MappingRequest, unknown>>;
  if (!isRecord(columns) || !isRecord(stages)) {
    return { ok: false, message: 'The mapping needs columns and stages, each by source name.' };
  }
  const out: Record<string, ColumnTarget> = {};
  const used = new Set<string>();
  const fields = new Set<string>(IMPORT_FIELDS.map((field) => field.key));
  for (const [source, target] of Object.entries(columns)) {
    if (!headers.includes(source))
      return { ok: false, message: `Column "${source}" is not in the source sheet.` };
    if (target === '' || target === null) out[source] = null;
    else if (target === 'keep') out[source] = { keep: true };
    else if (typeof target === 'string' && fields.has(target)) {
      if (used.has(target))
        return { ok: false, message: `Two columns go to ${headerOf(target)}: choose one.` };
      used.add(target);
      out[source] = { field: target as DealFieldKey };
    } else {
      return { ok: false, message: `Column "${source}": ${JSON.stringify(target)} is not a Deals field.` };
    }
  }
  if (!used.has('stage')) return { ok: false, message: 'Choose the column that holds the Stage.' };
  const stageOf: Record<string, string | null> = {};
  for (const [source, stage] of Object.entries(stages)) {
    if (stage === '' || stage === null) stageOf[source] = null;
    else if (typeof stage === 'string' && findStage(table, stage))
      stageOf[source] = findStage(table, stage)!.name;
    else
      return {
        ok: false,
        message: `Stage "${source}": ${JSON.stringify(stage)} is not a stage in Settings.`,
      };
  }
  const id = sourceId === undefined || sourceId === null || sourceId === '' ? null : sourceId;
  if (
    id !== null &&
    (typeof id !== 'string' || !(out[id] !== null && out[id] !== undefined && 'keep' in out[id]))
  ) {
    return { ok: false, message: `sourceId ${JSON.stringify(id)} must be a column that is kept.` };
  }
  return { ok: true, mapping: { columns: out, stages: stageOf, sourceId: id } };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function headerOf(key: string): string {
  return DEAL_FIELDS.find((field) => field.key === key)?.header ?? key;
}
