/**
 * Questions about the stage table: which stage a deal is in, how likely it is to close, where it
 * may move next. Stage names compare trimmed and case-insensitive, like headers, because users
 * type them into cells by hand.
 */
import type { DealFieldKey } from './columns';
import type { Deal, Stage, StageTable } from './types';

interface TableIndex {
  /** By exact name first (the common case needs no string work), then by normalized name. */
  readonly byName: Map<string, number>;
}

// Tables are immutable values, so each one's lookups are built once and kept beside it.
const indexes = new WeakMap<StageTable, TableIndex>();

export function normalizeStageName(name: string): string {
  return name.trim().toLowerCase();
}

function indexOf(table: StageTable): TableIndex {
  let index = indexes.get(table);
  if (!index) {
    const byName = new Map<string, number>();
    table.stages.forEach((stage, i) => {
      const normalized = normalizeStageName(stage.name);
      if (!byName.has(normalized)) byName.set(normalized, i);
      if (!byName.has(stage.name)) byName.set(stage.name, i);
    });
    index = { byName };
    indexes.set(table, index);
  }
  return index;
}

/** Position of a stage in pipeline order (further along = higher), or -1 for no such stage. */
export function stageIndex(table: StageTable, name: string): number {
  const { byName } = indexOf(table);
  return byName.get(name) ?? byName.get(normalizeStageName(name)) ?? -1;
}

/** The stage a name refers to, however the user cased or spaced it. */
export function findStage(table: StageTable, name: string): Stage | undefined {
  const i = stageIndex(table, name);
  return i < 0 ? undefined : table.stages[i];
}

export function stageNames(table: StageTable): string[] {
  return table.stages.map((stage) => stage.name);
}

/** Where a new deal may start: any open stage. */
export function openStageNames(table: StageTable): string[] {
  return table.stages.filter((stage) => stage.kind === 'open').map((stage) => stage.name);
}

/** p of a deal in a known stage: won 1, lost 0, else its own Probability or the stage's. */
export function probabilityInStage(stage: Stage, probability: number | null): number {
  if (stage.kind === 'won') return 1;
  if (stage.kind === 'lost') return 0;
  return probability ?? stage.probability;
}

/**
 * The stages a deal in `from` may move to, in the order Settings lists them (teams put the usual
 * next step first); `*` means every other stage, in pipeline order.
 */
export function allowedNextStages(table: StageTable, from: string): string[] {
  const stage = findStage(table, from);
  if (!stage) return [];
  if (stage.nextStages === '*') return table.stages.filter((s) => s !== stage).map((s) => s.name);
  const names: string[] = [];
  for (const name of stage.nextStages) {
    const next = findStage(table, name);
    if (next && next !== stage && !names.includes(next.name)) names.push(next.name);
  }
  return names;
}

/** Whether a field of a deal holds nothing: '' for text, null for numbers and dates. */
export function isBlankField(deal: Deal, field: DealFieldKey): boolean {
  const value = deal[field];
  return value === '' || value === null;
}

/**
 * What a deal still lacks to be in `stage`: the stage's Required Fields, plus Lost Reason for any
 * lost stage (SPEC §1: it is required to enter one, whatever the table lists).
 */
export function missingFields(deal: Deal, stage: Stage): DealFieldKey[] {
  const missing = stage.requiredFields.filter((field) => isBlankField(deal, field));
  if (stage.kind === 'lost' && deal.lostReason === '' && !missing.includes('lostReason')) {
    missing.push('lostReason');
  }
  return missing;
}
