/**
 * The History edit mark: a document property onEdit changes whenever someone edits a History
 * cell. History is append-only, so the Summary keeps a digest of it and reads only the rows
 * appended since (summary/history-digest.ts); an edit of an older row is the one change it could
 * not see otherwise. A new mark each time, written without the lock: a refresh that runs
 * meanwhile records the mark it read first, so the next one still sees that it changed.
 */
import type { DocumentProperties } from './document-properties';
import { documentProperties } from './document-properties';

const EDIT_MARK_KEY = 'dealPipeline.historyEditMark';

/** 1 call. */
export function historyEditMark(properties: DocumentProperties): string {
  return properties.getProperty(EDIT_MARK_KEY) ?? '';
}

/** 2 calls. */
export function markHistoryEdited(): void {
  const mark = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}`;
  documentProperties()?.setProperty(EDIT_MARK_KEY, mark);
}
