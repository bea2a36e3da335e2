/**
 * Proposing how another sheet's columns and stage names map onto Deals: headers by exact name,
 * then by the words trackers and CRM exports commonly use; stage names by name, then won and lost
 * by their usual words, then the rest to the open stage at the same point of the pipeline.
 * Nothing here reads or writes a sheet: the preview shows the proposal, and the team corrects it.
 */
import type { DealFieldKey } from '../columns';
import { DEAL_FIELDS, normalizeHeader } from '../columns';
import { findStage } from '../stages';
import type { StageTable } from '../types';

/** Where one source column goes: a Deals field, kept as a column of its own name, or nowhere. */
export type ColumnTarget = { readonly field: DealFieldKey } | { readonly keep: true } | null;

export interface ImportMapping {
  /** By source header (as written in the source's row 1). */
  readonly columns: Readonly<Record<string, ColumnTarget>>;
  /** By source stage name (trimmed, as written): the stage it becomes, or null to leave those rows out. */
  readonly stages: Readonly<Record<string, string | null>>;
  /** The source column whose values identify a deal across imports, if any (kept in Deals). */
  readonly sourceId: string | null;
}

/** Fields the add-on fills itself: an import never takes them from a source. */
const NEVER_MAPPED = new Set<DealFieldKey>(['id', 'stageSince']);

/** Words trackers and CRM exports use for each field, normalized (lower case, words only). */
const SYNONYMS: Readonly<Partial<Record<DealFieldKey, readonly string[]>>> = {
  deal: ['deal name', 'opportunity', 'opportunity name', 'name', 'title', 'product'],
  company: ['customer', 'account', 'account name', 'client', 'organization', 'organisation'],
  contact: ['contact name', 'person', 'primary contact'],
  email: ['e mail', 'contact email', 'email address'],
  phone: ['telephone', 'phone number', 'mobile'],
  owner: ['deal owner', 'sales agent', 'sales rep', 'rep', 'salesperson', 'assigned to', 'account owner'],
  stage: ['sales stage', 'deal stage', 'pipeline stage', 'opportunity stage'],
  amount: ['deal size', 'close value', 'value', 'deal value', 'revenue', 'opportunity amount'],
  probability: ['win probability', 'likelihood', 'probability of close'],
  closeDate: [
    'close date expected close date',
    'expected close date',
    'closing date',
    'close',
    'closed date',
  ],
  followUp: ['follow up date', 'next follow up', 'followup'],
  nextStep: ['next steps', 'next action'],
  lastContact: ['last contacted', 'last activity', 'last contact date'],
  created: ['engage date', 'created date', 'create date', 'date created', 'created on'],
  lostReason: ['reason lost', 'loss reason', 'closed lost reason'],
  notes: ['note', 'comments', 'comment', 'description'],
};

/** Headers that name a source's own deal identifier: kept, and matched on when importing again. */
const ID_HEADERS = new Set(['id', 'opportunity id', 'deal id', 'record id', 'external id', 'crm id']);

/** Words that say how far along a deal is, by rank (0 = just found … 3 = about to close). */
const STAGE_WORDS: readonly (readonly string[])[] = [
  ['lead', 'new', 'prospect', 'prospecting', 'identified', 'inbound', 'cold'],
  ['qualified', 'qualifying', 'engaging', 'engaged', 'contacted', 'validated', 'discovery', 'meeting'],
  ['proposal', 'quote', 'quoted', 'demo', 'evaluation', 'proposed'],
  ['negotiation', 'negotiating', 'commit', 'contract', 'verbal', 'closing'],
];
const WON_WORDS = new Set(['won', 'closed won', 'win', 'signed']);
const LOST_WORDS = new Set(['lost', 'closed lost', 'loss', 'dead']);

const words = (text: string): string =>
  normalizeHeader(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The proposed target of each source header. Each Deals field is taken by one column at most. */
export function proposeColumns(headers: readonly string[]): Record<string, ColumnTarget> {
  const taken = new Set<DealFieldKey>();
  const out: Record<string, ColumnTarget> = {};
  const fieldOf = (header: string): DealFieldKey | null => {
    const w = words(header);
    const exact = DEAL_FIELDS.find((f) => words(f.header) === w);
    if (exact) return exact.key;
    for (const [key, list] of Object.entries(SYNONYMS) as [DealFieldKey, readonly string[]][]) {
      if (list.includes(w)) return key;
    }
    return null;
  };
  for (const header of headers) {
    if (header.trim() === '' || header in out) continue;
    const field = fieldOf(header);
    if (field !== null && !NEVER_MAPPED.has(field) && !taken.has(field)) {
      taken.add(field);
      out[header] = { field };
    } else {
      out[header] = ID_HEADERS.has(words(header)) ? { keep: true } : null;
    }
  }
  return out;
}

/** The header kept as the source's own ID, if the proposal keeps one. */
export function proposeSourceId(columns: Readonly<Record<string, ColumnTarget>>): string | null {
  return (
    Object.keys(columns).find((header) => {
      const target = columns[header];
      return target !== null && target !== undefined && 'keep' in target && ID_HEADERS.has(words(header));
    }) ?? null
  );
}

/**
 * The stage each source stage name becomes: the stage of that name; the won or lost stage for
 * their usual words; else the open stage at the same rank of the pipeline (by the words above),
 * or the first open stage when nothing says how far along it is.
 */
export function proposeStages(
  sourceStages: readonly string[],
  table: StageTable,
): Record<string, string | null> {
  const open = table.stages.filter((stage) => stage.kind === 'open');
  const won = table.stages.find((stage) => stage.kind === 'won');
  const lost = table.stages.find((stage) => stage.kind === 'lost');
  const out: Record<string, string | null> = {};
  for (const source of sourceStages) {
    const name = source.trim();
    if (name === '' || name in out) continue;
    const w = words(name);
    const byName = findStage(table, name);
    if (byName) out[name] = byName.name;
    else if (WON_WORDS.has(w)) out[name] = won?.name ?? null;
    else if (LOST_WORDS.has(w)) out[name] = lost?.name ?? null;
    else {
      const rank = STAGE_WORDS.findIndex((list) => list.includes(w));
      const at = rank < 0 ? 0 : Math.round((rank * (open.length - 1)) / (STAGE_WORDS.length - 1));
      out[name] = open[at]?.name ?? null;
    }
  }
  return out;
}
