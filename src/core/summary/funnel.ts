/**
 * The funnel by stage: open stages first (the pipeline, which the chart shows), then won and lost
 * stages, each in table order; then the bottleneck, stated.
 */
import type { Funnel, FunnelStage } from '../numbers';
import type { GridBuilder, GridRect } from './grid';
import { UNKNOWN } from './grid';

const FUNNEL_HEADERS = [
  'Stage',
  'Deals',
  'Amount',
  'Weighted',
  'Entered',
  'Conversion to next stage',
  'Average days in stage',
] as const;

const BOTTLENECK_CONVERSION = 'Bottleneck: lowest conversion';
const BOTTLENECK_STAY = 'Bottleneck: longest stay (days)';

/** Where the open stages went, for the pipeline chart. */
export interface FunnelPlacement {
  /** The header and the open stages' rows: Stage in column 1, Amount and Weighted in 3–4. */
  readonly openRows: GridRect;
}

export function addFunnel(grid: GridBuilder, funnel: Funnel): FunnelPlacement {
  const c = grid.cells;
  const line = (s: FunnelStage): number =>
    grid.row(
      s.stage,
      c.count(s.deals),
      c.money(s.amount),
      c.money(s.weighted),
      c.count(s.entered),
      c.percent(s.conversion),
      c.days(s.averageDays),
    );
  grid.boldRow('Funnel by stage');
  const headerRow = grid.boldRow(...FUNNEL_HEADERS);
  const open = funnel.stages.filter((s) => s.kind === 'open');
  open.forEach(line);
  funnel.stages.filter((s) => s.kind !== 'open').forEach(line);

  const { lowestConversion, longestStay, minSample } = funnel.bottleneck;
  const tooLittle = `not enough History: needs ${minSample} deals through a stage`;
  grid.row(
    BOTTLENECK_CONVERSION,
    lowestConversion ? lowestConversion.stage : UNKNOWN,
    lowestConversion ? c.percent(lowestConversion.conversion) : tooLittle,
  );
  grid.row(
    BOTTLENECK_STAY,
    longestStay ? longestStay.stage : UNKNOWN,
    longestStay ? c.days(longestStay.days) : tooLittle,
  );
  grid.row(
    'Deals: in the stage now. Entered and conversion (the share that later reached a stage further along, or won) come from History; days count finished stays only.',
  );
  return { openRows: { row: headerRow, column: 1, numRows: open.length + 1, numColumns: 4 } };
}
