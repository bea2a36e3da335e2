/**
 * The deal as it will be once it enters a stage. Entering a won or lost stage with no Close Date
 * closes it today, as a Stage edit in the sheet does (stage-edits.ts), so the sidebar never asks
 * for a Close Date there.
 */
import type { CalendarDay, Deal, Stage } from '../types';

export function asEntering(deal: Deal, target: Stage, today: CalendarDay): Deal {
  const closesToday = target.kind !== 'open' && deal.closeDate === null;
  return { ...deal, stage: target.name, closeDate: closesToday ? today : deal.closeDate };
}
