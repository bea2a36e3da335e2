/**
 * Finding a deal's stage for the numbers, with its position in the table ("further along" means
 * a larger index). Built on stages.ts, so names match exactly as everywhere else: trimmed and
 * case-insensitive, so "closed won" still counts as won.
 */
import { stageIndex } from '../stages';
import type { Stage, StageTable } from '../types';

export interface StageInfo {
  readonly stage: Stage;
  /** 0-based position in the table. */
  readonly index: number;
}

export interface StageLookup {
  readonly table: StageTable;
  /** The stage of that name, or undefined for a name the table does not know. */
  find(name: string): StageInfo | undefined;
}

export function stageLookup(table: StageTable): StageLookup {
  const infos = table.stages.map((stage, index) => ({ stage, index }));
  return {
    table,
    find: (name) => {
      const index = stageIndex(table, name);
      return index < 0 ? undefined : infos[index];
    },
  };
}
