/**
 * What crosses between the playground's server and its page: plain JSON, the page's only view of
 * the emulated spreadsheet. Shared by both sides.
 */

/** The message a sidebar or dialog frame posts to the page when a google.script.run call ends. */
export const CALL_ENDED = 'deal-pipeline:call-ended';

/** A cell's look, stored once per sheet and referred to by index. */
export interface CellStyle {
  background?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  underline?: boolean;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

export interface CellView {
  /** What Sheets shows in the cell. */
  text: string;
  /** What the editor opens with, when it is not `text` (a formula, a number under a format). */
  input?: string;
  note?: string;
  /** Index into SheetView.styles. */
  style?: number;
  /** Index into SheetView.choices: the cell's dropdown. */
  choices?: number;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** An embedded chart as its builder recorded it, with the data of its ranges. */
export interface ChartView {
  id: number;
  type: string;
  title: string;
  /** The cell its top-left corner sits on, and the offset from it in pixels. */
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  categories: string[];
  series: ChartSeries[];
}

/** Cells protected with a warning: Sheets asks before an edit lands there. */
export interface WarningView {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  description: string;
}

export interface SheetView {
  name: string;
  /** The last row with content. */
  lastRow: number;
  /** Rows in `cells`: content, then blank rows to type new ones into. */
  shownRows: number;
  /** Columns in `cells`. */
  shownColumns: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel width of each shown column. */
  widths: number[];
  styles: CellStyle[];
  choices: string[][];
  /** Row by row; null for a blank cell with nothing on it. */
  cells: (CellView | null)[][];
  charts: ChartView[];
  warnings: WarningView[];
}

export type MenuItemView =
  { caption: string; functionName: string } | { separator: true } | { submenu: MenuView };

export interface MenuView {
  caption: string;
  items: MenuItemView[];
}

/** Toasts, alerts and dialogs carry their position in the whole list, so a page shows each once. */
export interface ToastView {
  index: number;
  title: string;
  message: string;
  timeoutSeconds: number;
}

export interface AlertView {
  index: number;
  title: string;
  prompt: string;
  buttons: string[];
}

export interface DialogView {
  index: number;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number | null;
  height: number | null;
}

export interface MailView {
  index: number;
  to: string;
  cc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  sent: string;
}

export interface TriggerView {
  id: string;
  handler: string;
  owner: string;
  /** "Every day at 08:37", in the spreadsheet's time zone. */
  schedule: string;
  /** When it fires next, or '' when it never will. */
  next: string;
}

export interface StateView {
  version: number;
  title: string;
  timeZone: string;
  user: string;
  /** The playground's clock, as the spreadsheet's time zone reads it. */
  now: string;
  sheets: string[];
  activeSheet: string;
  menu: MenuView | null;
  toastCount: number;
  toasts: ToastView[];
  alertCount: number;
  alerts: AlertView[];
  dialogCount: number;
  dialogs: DialogView[];
  outbox: MailView[];
  triggers: TriggerView[];
  referenceFiles: string[];
}

/** What every change answers: the new state, and the error a script let escape, if any. */
export interface ChangeResponse {
  state: StateView;
  scriptError?: string;
  result?: unknown;
}
