/** Deals and Deals rows for the core's unit tests. */
import { readFileSync } from 'node:fs';

import type { DealFieldKey } from '../../src/core/columns';
import { DEAL_FIELDS } from '../../src/core/columns';
import { dayFromParts, startOfDay } from '../../src/core/dates';
import { dealSheetLayout, type DealValues, parseDealRows } from '../../src/core/deal-row';
import type { Deal, StageTable } from '../../src/core/types';

export const DEALS_HEADER: string[] = DEAL_FIELDS.map((field) => field.header);

/** A whole Deals sheet's values, header row first, read as the shell reads them. */
export function parseDeals(values: DealValues, timeZone: string, table?: StageTable) {
  const layout = dealSheetLayout(values[0] ?? [], table);
  return { layout, ...parseDealRows(values.slice(1), 2, layout, timeZone) };
}

/** A complete, valid deal in Proposal; override what the test is about. */
export function aDeal(overrides: Partial<Deal> = {}): Deal {
  return {
    row: 2,
    id: 'D-0042',
    deal: 'Acme renewal',
    company: 'Acme',
    contact: 'Ana Lopez',
    email: 'ana@acme.example',
    phone: '+1 555 0100',
    owner: 'sam@seller.example',
    stage: 'Proposal',
    amount: 12_000,
    probability: null,
    closeDate: dayFromParts(2025, 9, 30),
    followUp: dayFromParts(2025, 7, 1),
    nextStep: 'Send quote',
    lastContact: dayFromParts(2025, 6, 10),
    created: dayFromParts(2025, 5, 2),
    stageSince: Date.UTC(2025, 5, 1, 9),
    lostReason: '',
    notes: '',
    ...overrides,
  };
}

/** A Deals row in the default column order, from cells given by field. */
export function aRow(
  cells: Partial<Record<DealFieldKey, unknown>>,
  header: readonly string[] = DEALS_HEADER,
): unknown[] {
  return header.map((name) => {
    const field = DEAL_FIELDS.find((f) => f.header.toLowerCase() === name.trim().toLowerCase());
    return field ? (cells[field.key] ?? '') : '';
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "07-Apr-2015" as a date cell holds it: local midnight in `timeZone`. */
function snapshotDate(text: string, timeZone: string): Date | string {
  const [day, month, year] = text.split('-');
  const m = MONTHS.indexOf(month ?? '');
  return m < 0 ? text : startOfDay(dayFromParts(Number(year), m + 1, Number(day)), timeZone);
}

/**
 * The 2015 pipeline snapshot slice (test/fixtures/core-pipeline-snapshot-2015.csv) as a team's
 * Deals sheet: our columns plus their own (Country, Weighted Forecast, Sales Channel), its
 * trailing blank export rows kept.
 */
export function snapshotSheet(timeZone: string): unknown[][] {
  const text = readFileSync(new URL('../fixtures/core-pipeline-snapshot-2015.csv', import.meta.url), 'utf8');
  const [, ...lines] = text.trimEnd().split('\n');
  const header = [
    ...['ID', 'Deal', 'Owner', 'Company', 'Country', 'Stage', 'Amount', 'Probability', 'Weighted Forecast'],
    ...['Sales Channel', 'Close Date', 'Next Step', 'Lost Reason', 'Follow-up', 'Created', 'Stage Since'],
  ];
  const rows = lines.map((line, i) => {
    const c = line.split(',');
    if (c.every((cell) => cell === '')) return header.map(() => '');
    const owner = c[1] ? `${c[1].toLowerCase()}@example.com` : '';
    const id = `D-${String(i + 1).padStart(4, '0')}`;
    const closeDate = snapshotDate(c[9] ?? '', timeZone);
    const reported = snapshotDate(c[0] ?? '', timeZone);
    const row: unknown[] = [
      id,
      `${c[2]} deal`,
      owner,
      c[2],
      c[3],
      c[4],
      Number(c[5]),
      c[6],
      Number(c[7]),
      c[8],
    ];
    row.push(closeDate, c[10], '', '', reported, '');
    return row;
  });
  return [header, ...rows];
}

/** The snapshot team's own stages, as they would type them into Settings. */
export const SNAPSHOT_STAGE_ROWS: (string | number)[][] = [
  ['Stage', 'Probability', 'Kind', 'Forecast Category', 'Next Stages', 'Required Fields', 'Stale After Days'],
  ['Identified', '10%', 'open', 'Pipeline', 'Validated, Lost', 'Deal, Owner', 30],
  ['Validated', '25%', 'open', 'Pipeline', 'Qualified, Lost', 'Deal, Owner', 30],
  ['Qualified', '50%', 'open', 'Best Case', 'Proposal, Lost', 'Deal, Owner, Amount', 30],
  ['Proposal', '75%', 'open', 'Commit', 'Won, Lost', 'Deal, Owner, Amount, Close Date', 30],
  ['Won', '100%', 'won', 'Closed', '', 'Deal, Owner, Amount, Close Date', ''],
  ['Lost', '0%', 'lost', 'Omitted', '', 'Deal, Owner, Lost Reason', ''],
];
