/** Hand-built stage tables and deals for the numbers tests. */
import { dayFromParts } from '../../../src/core/dates';
import type { ClosedWindow } from '../../../src/core/numbers/win-rate';
import type { Deal, HistoryEntry, Options, Stage, StageTable } from '../../../src/core/types';

/** Every closed deal, with or without a Close Date: the window the add-on never picks itself. */
export const ALL_TIME: ClosedWindow = { from: null, to: null, label: 'all time' };

export const stage = (
  name: string,
  probability: number,
  kind: Stage['kind'] = 'open',
  forecastCategory: Stage['forecastCategory'] = 'Pipeline',
  staleAfterDays: number | null = null,
): Stage => ({
  name,
  probability,
  kind,
  forecastCategory,
  nextStages: '*',
  requiredFields: [],
  staleAfterDays,
});

/** The default table of SPEC §1. */
export const TABLE: StageTable = {
  stages: [
    stage('Lead', 0.1, 'open', 'Pipeline', 14),
    stage('Qualified', 0.25, 'open', 'Pipeline', 14),
    stage('Proposal', 0.5, 'open', 'Best Case', 21),
    stage('Negotiation', 0.75, 'open', 'Commit', 21),
    stage('Closed Won', 1, 'won', 'Closed', null),
    stage('Closed Lost', 0, 'lost', 'Omitted', null),
  ],
};

export const OPTIONS: Options = {
  currency: 'USD',
  reminderHour: 8,
  reminderLeadDays: 0,
  summaryMonths: 6,
  quarterlyTarget: null,
  fiscalYearStartMonth: 1,
  managerEmail: null,
  snapshotDay: 1,
};

export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromParts(y as number, m as number, d as number);
};

/** 2025-05-15, a Thursday in the second calendar quarter. */
export const TODAY = day('2025-05-15');

let next = 1;
export function deal(fields: Partial<Deal>): Deal {
  const id = fields.id ?? `D-${String(next++).padStart(4, '0')}`;
  return {
    row: 0,
    id,
    deal: `Deal ${id}`,
    company: 'Acme',
    contact: '',
    email: '',
    phone: '',
    owner: 'ann@example.com',
    stage: 'Lead',
    amount: null,
    probability: null,
    closeDate: null,
    followUp: null,
    nextStep: '',
    lastContact: null,
    created: null,
    stageSince: null,
    lostReason: '',
    notes: '',
    ...fields,
  };
}

/** History rows for one deal moving through `stages`, one day apart from `start` (ms). */
export function moves(id: string, start: number, ...stages: string[]): HistoryEntry[] {
  return stages.map((to, i) => ({
    timestamp: start + i * 86_400_000,
    id,
    deal: id,
    from: i === 0 ? '' : (stages[i - 1] as string),
    to,
    by: 'ann@example.com',
    via: 'sidebar',
  }));
}

export const entry = (id: string, timestamp: number, from: string, to: string): HistoryEntry => ({
  timestamp,
  id,
  deal: id,
  from,
  to,
  by: 'ann@example.com',
  via: 'edit',
});

/** A seeded generator (mulberry32), so random-looking tests give the same data every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
