/**
 * The add-on's state in document properties: the stage record, the highest deal number issued,
 * the last stage table that parsed cleanly, and which sheet holds the marks log. Read all at once,
 * written only where changed, by writers under the document lock.
 */
import type { RowDecisions } from '../core/row-decisions';
import { StageRecord } from '../core/stage-record';
import type { StageTable } from '../core/types';

const LAST_ID_KEY = 'dealPipeline.lastDealId';
const LAST_VALID_TABLE_KEY = 'dealPipeline.lastValidStageTable';
const MARKS_LOG_KEY = 'dealPipeline.marksLog';
/** Written by builds before the marks log, by a Validate all deals that marked. */
const OLDER_MARKS_KEY = 'dealPipeline.markableFields';
/** The marks log's value when a mark may stand where no log says: read every note. */
export const MARKS_ANYWHERE = '*';

export class DocumentState {
  private keptTableText: string | undefined;
  private marksLogValue: string | undefined;

  private constructor(
    readonly record: StageRecord,
    private lastIdNumber: number,
    private readonly storedLastId: number,
    private readonly storedTableText: string | undefined,
    private readonly storedMarksLog: string | undefined,
    olderMarks: boolean,
  ) {
    this.keptTableText = storedTableText;
    this.marksLogValue = storedMarksLog ?? (olderMarks ? MARKS_ANYWHERE : undefined);
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
      properties[MARKS_LOG_KEY],
      properties[OLDER_MARKS_KEY] !== undefined,
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

  /** Keeps a table that parsed cleanly, for the day the sheet's table breaks. */
  keepValidTable(table: StageTable): void {
    this.keptTableText = JSON.stringify(table);
  }

  /**
   * Where the marks log is: the id of the sheet that holds it; MARKS_ANYWHERE when a mark may stand
   * where no log says (a log the add-on could not write, or marks from before there was one);
   * undefined when the add-on never marked here. A log sheet whose id this is not may be anyone's.
   */
  get marksLog(): string | undefined {
    return this.marksLogValue;
  }

  set marksLog(value: string) {
    this.marksLogValue = value;
  }

  /** Writes what changed. 0 or 2 calls. */
  save(): void {
    const changed = this.record.changedProperties();
    if (this.lastIdNumber !== this.storedLastId) changed[LAST_ID_KEY] = String(this.lastIdNumber);
    if (this.keptTableText !== undefined && this.keptTableText !== this.storedTableText) {
      changed[LAST_VALID_TABLE_KEY] = this.keptTableText;
    }
    if (this.marksLogValue !== undefined && this.marksLogValue !== this.storedMarksLog)
      changed[MARKS_LOG_KEY] = this.marksLogValue;
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
