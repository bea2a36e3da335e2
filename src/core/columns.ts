/**
 * The one place that spells sheet names and column headers. Everything else refers to fields
 * by key and finds columns by header text (trimmed, case-insensitive), never by position.
 */

export const SHEET = {
  deals: 'Deals',
  settings: 'Settings',
  history: 'History',
  summary: 'Summary',
  reminderLog: 'Reminder Log',
  forecastHistory: 'Forecast History',
  /** Hidden: what Refresh summary keeps of History between runs (server/summary/history-digest.ts). */
  historyDigest: 'History Digest',
  /** Hidden: which cells of Deals carry a mark (server/marks-log.ts). */
  marksLog: 'Marks Log',
} as const;

export type SheetName = (typeof SHEET)[keyof typeof SHEET];

/** What a Deals cell holds: decides its number format, its parsing and its validation. */
export type FieldType =
  'id' | 'text' | 'email' | 'phone' | 'stage' | 'money' | 'percent' | 'date' | 'datetime';

export interface DealField {
  readonly key: DealFieldKey;
  readonly header: string;
  readonly type: FieldType;
  /** "addon" columns are written by the add-on; every other column belongs to the user. */
  readonly filledBy: 'user' | 'addon';
}

export const DEAL_FIELDS = [
  { key: 'id', header: 'ID', type: 'id', filledBy: 'addon' },
  { key: 'deal', header: 'Deal', type: 'text', filledBy: 'user' },
  { key: 'company', header: 'Company', type: 'text', filledBy: 'user' },
  { key: 'contact', header: 'Contact', type: 'text', filledBy: 'user' },
  { key: 'email', header: 'Email', type: 'email', filledBy: 'user' },
  { key: 'phone', header: 'Phone', type: 'phone', filledBy: 'user' },
  { key: 'owner', header: 'Owner', type: 'email', filledBy: 'user' },
  { key: 'stage', header: 'Stage', type: 'stage', filledBy: 'user' },
  { key: 'amount', header: 'Amount', type: 'money', filledBy: 'user' },
  { key: 'probability', header: 'Probability', type: 'percent', filledBy: 'user' },
  { key: 'closeDate', header: 'Close Date', type: 'date', filledBy: 'user' },
  { key: 'followUp', header: 'Follow-up', type: 'date', filledBy: 'user' },
  { key: 'nextStep', header: 'Next Step', type: 'text', filledBy: 'user' },
  { key: 'lastContact', header: 'Last Contact', type: 'date', filledBy: 'user' },
  { key: 'created', header: 'Created', type: 'date', filledBy: 'addon' },
  { key: 'stageSince', header: 'Stage Since', type: 'datetime', filledBy: 'addon' },
  { key: 'lostReason', header: 'Lost Reason', type: 'text', filledBy: 'user' },
  { key: 'notes', header: 'Notes', type: 'text', filledBy: 'user' },
] as const satisfies readonly {
  key: string;
  header: string;
  type: FieldType;
  filledBy: 'user' | 'addon';
}[];

export type DealFieldKey = (typeof DEAL_FIELDS)[number]['key'];

/** Field last, so that History written before it reads the same: a blank Field is a stage change. */
export const HISTORY_HEADERS = ['Timestamp', 'ID', 'Deal', 'From', 'To', 'By', 'Via', 'Field'] as const;

export const REMINDER_LOG_HEADERS = ['Date', 'Owner', 'Deals', 'Status', 'Detail'] as const;

/** The forecast's columns, month by month: the Summary's forecast table and each snapshot row. */
export const FORECAST_BUCKET_HEADERS = [
  'Closed Won',
  'Commit',
  'Best Case',
  'Pipeline',
  'Weighted Forecast',
] as const;

export const FORECAST_HISTORY_HEADERS = ['Taken', 'Month', 'Owner', ...FORECAST_BUCKET_HEADERS] as const;

export const STAGE_TABLE_HEADERS = [
  'Stage',
  'Probability',
  'Kind',
  'Forecast Category',
  'Next Stages',
  'Required Fields',
  'Stale After Days',
] as const;

export const OPTION_TABLE_HEADERS = ['Option', 'Value'] as const;

/** The options table starts in column I of Settings (1-based column 9), beside the stages. */
export const OPTION_TABLE_COLUMN = 9;

/** How headers compare: trimmed and case-insensitive. */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .trim()
    .toLowerCase();
}

/**
 * Where a header row has each name: its 0-based column (headers compared as normalizeHeader
 * does; the first of equal headers wins), or −1 when it has none.
 */
export function headerColumns(headerRow: readonly unknown[]): (name: string) => number {
  const index = new Map<string, number>();
  headerRow.forEach((header, column) => {
    const name = normalizeHeader(header);
    if (name !== '' && !index.has(name)) index.set(name, column);
  });
  return (name) => index.get(normalizeHeader(name)) ?? -1;
}

/**
 * Of `names`, those the header has (`at`, from headerColumns), in the sheet's order, and their
 * 0-based columns: what to read of a wide sheet when only these columns are needed.
 */
export function presentColumns(
  at: (name: string) => number,
  names: readonly string[],
): { names: string[]; columns: number[] } {
  const present = names.filter((name) => at(name) >= 0).sort((a, b) => at(a) - at(b));
  return { names: present, columns: present.map(at) };
}

/** The field whose header a user typed, or undefined for a column of the user's own. */
export function fieldOfHeader(header: unknown): DealField | undefined {
  const name = normalizeHeader(header);
  return DEAL_FIELDS.find((field) => normalizeHeader(field.header) === name);
}

export function dealField(key: DealFieldKey): DealField {
  const field = DEAL_FIELDS.find((f) => f.key === key);
  if (!field) throw new Error(`Unknown deal field: ${key}`);
  return field;
}
