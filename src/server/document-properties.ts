/**
 * The add-on's state in document properties: the stage record and the highest deal ID issued.
 * Read all at once, written only where changed, always under the document lock.
 */
import { StageRecord } from '../core/stage-record';
import { dealIdNumber, formatDealId } from '../core/transitions';

const LAST_ID_KEY = 'dealPipeline.lastDealId';

export class DocumentState {
  private constructor(
    readonly record: StageRecord,
    private lastIdNumber: number,
    private readonly storedLastId: number,
  ) {}

  /** 2 calls. */
  static read(): DocumentState {
    const properties = PropertiesService.getDocumentProperties().getProperties();
    const record = StageRecord.fromProperties(properties);
    const stored = Number(properties[LAST_ID_KEY] ?? 0);
    const last = Math.max(Number.isFinite(stored) ? stored : 0, record.highestIdNumber());
    return new DocumentState(record, last, stored);
  }

  /** IDs seen in the sheet count as issued, even if someone typed them by hand. */
  noteIdsInSight(ids: Iterable<string>): void {
    for (const id of ids) {
      const n = dealIdNumber(id) ?? 0;
      if (n > this.lastIdNumber) this.lastIdNumber = n;
    }
  }

  /** A new deal ID, never issued before (even if the deal that had the last one was deleted). */
  issueId(): string {
    this.lastIdNumber += 1;
    return formatDealId(this.lastIdNumber);
  }

  /** Writes what changed. 0 or 2 calls. */
  save(): void {
    const changed = this.record.changedProperties();
    if (this.lastIdNumber !== this.storedLastId) changed[LAST_ID_KEY] = String(this.lastIdNumber);
    if (Object.keys(changed).length > 0) PropertiesService.getDocumentProperties().setProperties(changed);
  }
}
