/**
 * What crosses google.script.run between the sidebar and the server: plain objects only, dates as
 * `yyyy-mm-dd` strings (google.script.run cannot carry a Date), numbers as numbers. The server's
 * sidebar functions (src/server/index.ts) take and return exactly these; the sidebar imports them
 * as types.
 */
import type { StageTable } from '../types';

/** A calendar day as `yyyy-mm-dd`, or '' for none. */
export type DayText = string;

/** What a person types into the New deal form, or changes with Update or Move. */
export interface DealForm {
  deal?: string;
  company?: string;
  contact?: string;
  email?: string;
  phone?: string;
  owner?: string;
  stage?: string;
  /** A number ≥ 0, or '' / null for blank; text such as "12,000" is read as typed. */
  amount?: number | string | null;
  /** 0–1, or text such as "65%"; '' / null for the stage's probability. */
  probability?: number | string | null;
  closeDate?: DayText;
  followUp?: DayText;
  nextStep?: string;
  lastContact?: DayText;
  lostReason?: string;
  notes?: string;
}

/** A deal as the sidebar lists it. */
export interface DealSummary {
  id: string;
  row: number;
  deal: string;
  company: string;
  owner: string;
  stage: string;
  amount: number | null;
  closeDate: DayText;
  followUp: DayText;
  nextStep: string;
  /** Days overdue (My day) or days without activity (stale); 0 otherwise. */
  days: number;
  /** The stages this deal may move to now, in table order. */
  moves: string[];
  /**
   * For each stage in `moves`, the fields (DealForm keys) the deal lacks to enter it: what the
   * Move form asks for in the same step. Always present in what the server returns.
   */
  needs?: Record<string, string[]>;
}

export interface StageInfo {
  name: string;
  kind: 'open' | 'won' | 'lost';
  /** 0–1. */
  probability: number;
  /** Field keys (src/core/columns.ts DEAL_FIELDS keys) the stage requires. */
  required: string[];
}

export interface SidebarData {
  /** The current user's email, '' when Apps Script does not say. */
  user: string;
  /** Distinct owners in Deals, sorted, for suggestions. */
  owners: string[];
  /** The stage table in pipeline order (the last valid one while Settings is broken). */
  stages: StageInfo[];
  /** Today in the spreadsheet's time zone. */
  today: DayText;
  currency: string;
  /** The current user's follow-ups and stale deals. */
  myDay: { overdue: DealSummary[]; dueToday: DealSummary[]; stale: DealSummary[] };
  glance: {
    openPipeline: number;
    weightedPipeline: number;
    dealsOpen: number;
    wonThisQuarter: number;
    /** 0–1, null when no deal closed in the window. */
    winRate: number | null;
  };
  /** Said when Settings is broken and the last valid table applies; else null. */
  settingsNotice: string | null;
  /**
   * The whole stage table in force, for checkDealForm (src/core/sidebar/form.ts) in the browser.
   * Always present in what the server returns.
   */
  table?: StageTable;
}

export interface SavedDeal {
  id: string;
  row: number;
}
