/**
 * The add-on's state in document properties: the stage record, the highest deal number issued,
 * the last stage table that parsed cleanly, and the fields whose cells may carry a mark. Read all
 * at once, written only where changed, by writers under the document lock.
 */
import type { DealFieldKey } from '../core/columns';
import { DEAL_FIELDS } from '../core/columns';
import type { RowDecisions } from '../core/row-decisions';
import { StageRecord } from '../core/stage-record';
import { DEFAULT_STAGE_TABLE } from '../core/stage-table';
import type { StageTable } from '../core/types';
import { markableFields } from '../core/validation';

const LAST_ID_KEY = 'dealPipeline.lastDealId';
const LAST_VALID_TABLE_KEY = 'dealPipeline.lastValidStageTable';
const MARKABLE_KEY = 'dealPipeline.markableFields';

export class DocumentState {
  private keptTableText: string | undefined;
  private markable: Set<DealFieldKey> | undefined;

  private constructor(
    readonly record: StageRecord,
    private lastIdNumber: number,
    private readonly storedLastId: number,
    private readonly storedTableText: string | undefined,
    private readonly storedMarkable: string | undefined,
  ) {
    this.keptTableText = storedTableText;
    this.markable = parseFields(storedMarkable);
  }

  /** 2 calls. */
  static read(): DocumentState {
    const properties = PropertiesService.getDocumentProperties().getProperties();
    const record = StageRecord.fromProperties(properties);
    const stored = Number(properties[LAST_ID_KEY] ?? 0);
    const last = Math.max(Number.isFinite(stored) ? stored : 0, record.highestIdNumber());
    return new DocumentState(
      record,
      last,
      stored,
      properties[LAST_VALID_TABLE_KEY],
      properties[MARKABLE_KEY],
    );
  }

  /** The highest deal number issued so far. */
  get lastIssued(): number {
    return this.lastIdNumber;
  }

  /** Takes what a decision about rows says the record and the counter now hold. */
  apply(decisions: Pick<RowDecisions, 'recorded' | 'gone' | 'lastIssued' | 'fields'>): void {
    for (const { id, stage, fingerprint } of decisions.recorded) {
      if (stage === undefined) this.record.setFingerprint(id, fingerprint);
      else this.record.record(id, stage, fingerprint);
    }
    for (const id of decisions.gone) this.record.forgetFingerprint(id);
    for (const seen of decisions.fields) this.record.fields.see(seen);
    this.lastIdNumber = Math.max(this.lastIdNumber, decisions.lastIssued);
  }

  /** The stage table that applies while the Settings table is broken, if one was ever kept. */
  get lastValidTable(): StageTable | undefined {
    return parseTable(this.keptTableText);
  }

  /**
   * Keeps a table that parsed cleanly, for the day the sheet's table breaks. A table that replaces
   * another leaves the fields the old one could mark (its required fields) among the markable.
   */
  keepValidTable(table: StageTable): void {
    const text = JSON.stringify(table);
    if (text !== this.keptTableText && this.markable) {
      for (const field of markableFields(this.lastValidTable ?? DEFAULT_STAGE_TABLE))
        this.markable.add(field);
      for (const field of markableFields(table)) this.markable.add(field);
    }
    this.keptTableText = text;
  }

  /**
   * The fields whose cells may carry a mark of the add-on's, in sheet order; undefined until a
   * Validate all deals that read every column has recorded them (recordMarkable). Marks are only
   * ever made where some table in use could flag a problem (markableFields), so the columns of
   * other fields hold none: Validate all deals need not read their notes.
   */
  get markableFields(): DealFieldKey[] | undefined {
    const markable = this.markable;
    return markable && DEAL_FIELDS.map((field) => field.key).filter((key) => markable.has(key));
  }

  /** After every mark is right: the fields that may hold one from now on. */
  recordMarkable(fields: readonly DealFieldKey[]): void {
    this.markable = new Set(fields);
  }

  /** Writes what changed. 0 or 2 calls. */
  save(): void {
    const changed = this.record.changedProperties();
    if (this.lastIdNumber !== this.storedLastId) changed[LAST_ID_KEY] = String(this.lastIdNumber);
    if (this.keptTableText !== undefined && this.keptTableText !== this.storedTableText) {
      changed[LAST_VALID_TABLE_KEY] = this.keptTableText;
    }
    const markable = this.markableFields?.join(',');
    if (markable !== undefined && markable !== this.storedMarkable) changed[MARKABLE_KEY] = markable;
    if (Object.keys(changed).length > 0) PropertiesService.getDocumentProperties().setProperties(changed);
  }
}

/**
 * The kept table alone, for readers that hold no state (custom functions, the reminder job). 2
 * calls. An add-on's clock trigger has no document properties (null): no table is kept there.
 */
export function readLastValidTable(): StageTable | undefined {
  return parseTable(documentProperties()?.getProperty(LAST_VALID_TABLE_KEY) ?? undefined);
}

export type DocumentProperties = GoogleAppsScript.Properties.Properties;

/** The document's properties; null where Apps Script gives none (an add-on's clock trigger). 1 call. */
export function documentProperties(): DocumentProperties | null {
  return PropertiesService.getDocumentProperties();
}

function parseTable(text: string | undefined): StageTable | undefined {
  if (!text) return undefined;
  try {
    const table = JSON.parse(text) as StageTable;
    return Array.isArray(table.stages) && table.stages.length > 0 ? table : undefined;
  } catch {
    return undefined;
  }
}

function parseFields(text: string | undefined): Set<DealFieldKey> | undefined {
  if (text === undefined) return undefined;
  const known = new Set<string>(DEAL_FIELDS.map((field) => field.key));
  return new Set(text.split(',').filter((key): key is DealFieldKey => known.has(key)));
}
