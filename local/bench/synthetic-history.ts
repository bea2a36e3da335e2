/**
 * A History sheet for a synthetic Deals sheet, as a team that used the add-on for a while would
 * have it: each deal entered as a Lead when it was created, then moved stage by stage to where it
 * stands now (a lost deal from somewhere along the way), the last move at its Stage Since. About
 * 2.7 rows a deal; set-up adds one more when it adopts the deals.
 */
import type { DealFieldKey } from '../../src/core/columns';
import { HISTORY_HEADERS } from '../../src/core/columns';
import { DEAL_FIELDS } from '../../src/core/columns';
import { mulberry32 } from './synthetic';

const PATH = ['Lead', 'Qualified', 'Proposal', 'Negotiation'] as const;
const HOUR = 3_600_000;

/** The stages a deal went through to reach `stage`, creation first. */
function pathTo(stage: string, random: () => number): string[] {
  const open = PATH.indexOf(stage as (typeof PATH)[number]);
  if (open >= 0) return PATH.slice(0, open + 1);
  if (stage === 'Closed Won') return [...PATH, stage];
  if (stage === 'Closed Lost') return [...PATH.slice(0, 1 + Math.floor(random() * PATH.length)), stage];
  return ['Lead'];
}

/** History rows, header first, for `dealRows` (a Deals sheet's values, header first). */
export function syntheticHistoryRows(dealRows: readonly (readonly unknown[])[]): unknown[][] {
  const random = mulberry32(11);
  const header = dealRows[0] ?? [];
  const at = (key: DealFieldKey) => header.indexOf(DEAL_FIELDS.find((field) => field.key === key)!.header);
  const [id, deal, owner, stage, created, stageSince] = (
    ['id', 'deal', 'owner', 'stage', 'created', 'stageSince'] as const
  ).map(at) as [number, number, number, number, number, number];
  const rows: unknown[][] = [[...HISTORY_HEADERS]];
  for (const cells of dealRows.slice(1)) {
    const path = pathTo(String(cells[stage]), random);
    const start = (cells[created] as Date).getTime() + 9 * HOUR;
    const end = Math.max(start, (cells[stageSince] as Date).getTime());
    path.forEach((to, step) => {
      const when = path.length === 1 ? start : start + ((end - start) * step) / (path.length - 1);
      const from = step === 0 ? '' : path[step - 1];
      rows.push([new Date(when), cells[id], cells[deal], from, to, cells[owner], 'sidebar', '']);
    });
  }
  return rows;
}
