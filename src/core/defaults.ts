/**
 * The default Settings, as the rows "Set up sheets" writes. The parsed default stage table is
 * these rows run through the same parser as a user's Settings sheet, so the two cannot drift.
 */
import { OPTION_TABLE_HEADERS, STAGE_TABLE_HEADERS } from './columns';

export type SettingsCell = string | number;

export const DEFAULT_STAGE_ROWS: readonly (readonly SettingsCell[])[] = [
  STAGE_TABLE_HEADERS,
  ['Lead', 0.1, 'open', 'Pipeline', 'Qualified, Closed Lost', 'Deal, Company, Owner', 14],
  ['Qualified', 0.25, 'open', 'Pipeline', 'Proposal, Lead, Closed Lost', 'Deal, Company, Owner, Email', 14],
  [
    'Proposal',
    0.5,
    'open',
    'Best Case',
    'Negotiation, Qualified, Closed Lost',
    'Deal, Company, Owner, Email, Amount, Close Date',
    21,
  ],
  [
    'Negotiation',
    0.75,
    'open',
    'Commit',
    'Closed Won, Proposal, Closed Lost',
    'Deal, Company, Owner, Email, Amount, Close Date',
    21,
  ],
  ['Closed Won', 1, 'won', 'Closed', '', 'Deal, Company, Owner, Amount, Close Date', ''],
  ['Closed Lost', 0, 'lost', 'Omitted', 'Lead', 'Deal, Company, Owner, Lost Reason', ''],
];

export const DEFAULT_OPTION_ROWS: readonly (readonly SettingsCell[])[] = [
  OPTION_TABLE_HEADERS,
  ['Currency', 'USD'],
  ['Reminder Hour', 8],
  ['Reminder Lead Days', 0],
  ['Summary Months', 6],
  ['Quarterly Target', ''],
  ['Fiscal Year Start Month', 1],
  ['Manager Email', ''],
  ['Snapshot Day', 'Monday'],
];
