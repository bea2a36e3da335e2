/**
 * The rules a deal must keep, checked on typed deals. Every problem names the deal, the field and
 * what is allowed, so one toast or one cell note is enough to fix it. Close dates that have passed
 * and likely duplicates are warnings: they are often right, and a salesperson decides.
 */
import type { DealFieldKey } from './columns';
import { DEAL_FIELDS } from './columns';
import { isoOfDay } from './dates';
import type { DealProblem } from './problems';
import { dealLabel } from './problems';
import { findStage, isBlankField, missingFields, stageNames } from './stages';
import type { CalendarDay, Deal, Stage, StageTable } from './types';
import { isEmailAddress, percentShown } from './values';
import { wordFor } from './wording';

const HEADER_OF = Object.fromEntries(DEAL_FIELDS.map((field) => [field.key, field.header])) as Record<
  DealFieldKey,
  string
>;
const FIELD_ORDER = new Map<DealFieldKey, number>(DEAL_FIELDS.map((field, i) => [field.key, i]));
const DATE_FIELDS = ['closeDate', 'followUp', 'lastContact', 'created'] as const;

type Severity = DealProblem['severity'];

function report(
  out: DealProblem[],
  deal: Deal,
  field: DealFieldKey,
  what: string,
  severity: Severity = 'error',
): void {
  out.push({ row: deal.row, field, message: `${dealLabel(deal)}: ${what}`, severity });
}

/** Whether a deal lacks anything its stage requires: asked first, so a clean deal allocates nothing. */
function lacksRequired(deal: Deal, stage: Stage): boolean {
  const fields = stage.requiredFields;
  for (let i = 0; i < fields.length; i++) if (isBlankField(deal, fields[i] as DealFieldKey)) return true;
  return stage.kind === 'lost' && deal.lostReason === '';
}

function checkStage(deal: Deal, stage: Stage | undefined, table: StageTable, out: DealProblem[]): void {
  if (!stage) {
    const what = deal.stage === '' ? 'Stage is missing' : `Stage "${deal.stage}" is not a stage in Settings`;
    report(out, deal, 'stage', `${what}; choose one of ${stageNames(table).join(', ')}.`);
  } else if (lacksRequired(deal, stage)) {
    for (const field of missingFields(deal, stage)) {
      report(out, deal, field, `${HEADER_OF[field]} is required in stage ${stage.name}.`);
    }
  }
}

function checkProbability(deal: Deal, stage: Stage | undefined, out: DealProblem[]): void {
  const p = deal.probability;
  if (p === null) return;
  if (!(p >= 0 && p <= 1)) {
    report(
      out,
      deal,
      'probability',
      `Probability must be a percentage from 0 % to 100 %, not ${percentShown(p)}.`,
    );
  } else if (p !== 1 && stage?.kind === 'won') {
    const what = `Probability is ${percentShown(p)} but the deal is won (${stage.name} counts 100 %); set 100 % or clear it.`;
    report(out, deal, 'probability', what);
  } else if (p !== 0 && stage?.kind === 'lost') {
    const what = `Probability is ${percentShown(p)} but the deal is lost (${stage.name} counts 0 %); set 0 % or clear it.`;
    report(out, deal, 'probability', what);
  }
}

function checkValues(deal: Deal, out: DealProblem[]): void {
  if (deal.email !== '' && !isEmailAddress(deal.email)) {
    report(
      out,
      deal,
      'email',
      `Email must be an email address such as ana@example.com, not "${deal.email}".`,
    );
  }
  if (deal.owner !== '' && !isEmailAddress(deal.owner)) {
    const what = `Owner must be the salesperson's email address (reminders go there), not "${deal.owner}".`;
    report(out, deal, 'owner', what);
  }
  if (deal.amount !== null && !(deal.amount >= 0 && Number.isFinite(deal.amount))) {
    report(out, deal, 'amount', `Amount must be a number ≥ 0, not ${deal.amount}.`);
  }
  // Deals from the sidebar or an import were not read from cells: their dates are checked here.
  for (let i = 0; i < DATE_FIELDS.length; i++) {
    const field = DATE_FIELDS[i] as (typeof DATE_FIELDS)[number];
    const day = deal[field];
    if (day !== null && !Number.isInteger(day)) {
      report(out, deal, field, `${HEADER_OF[field]} must be a date such as 2025-03-31.`);
    }
  }
  if (deal.stageSince !== null && !Number.isFinite(deal.stageSince)) {
    report(out, deal, 'stageSince', 'Stage Since must be a date and time.');
  }
}

function checkDeal(deal: Deal, table: StageTable, today: CalendarDay, out: DealProblem[]): void {
  const stage = deal.stage === '' ? undefined : findStage(table, deal.stage);
  checkStage(deal, stage, table, out);
  checkValues(deal, out);
  checkProbability(deal, stage, out);
  if (stage?.kind === 'open' && deal.closeDate !== null && deal.closeDate < today) {
    const what = `Close Date ${isoOfDay(deal.closeDate)} has passed while the deal is open; move the date or close the deal.`;
    report(out, deal, 'closeDate', what, 'warning');
  }
}

/** Every problem of one deal on its own (duplicates need the other deals: see validateDeals). */
export function validateDeal(deal: Deal, table: StageTable, today: CalendarDay): DealProblem[] {
  const problems: DealProblem[] = [];
  checkDeal(deal, table, today, problems);
  return problems;
}

/** Deals that share a key, in groups of two or more; most deals share nothing, so they cost no array. */
function groupBy(deals: readonly Deal[], keyOf: (deal: Deal) => string | null): Deal[][] {
  const first = new Map<string, Deal>();
  const groups = new Map<string, Deal[]>();
  for (const deal of deals) {
    const key = keyOf(deal);
    if (key === null) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, deal);
    else {
      const group = groups.get(key);
      if (group) group.push(deal);
      else groups.set(key, [earlier, deal]);
    }
  }
  return [...groups.values()];
}

function otherRows(deal: Deal, group: readonly Deal[]): string {
  const rows = group.filter((other) => other !== deal).map((other) => other.row);
  return `${wordFor(rows.length, 'row')} ${rows.join(', ')}`;
}

function checkDuplicates(deals: readonly Deal[], table: StageTable, out: DealProblem[]): void {
  // Every copy is flagged, not just the later ones: which row is "the copy" is not ours to guess.
  for (const group of groupBy(deals, (deal) => (deal.id === '' ? null : deal.id))) {
    const sorted = [...group].sort((a, b) => a.row - b.row);
    for (const deal of sorted) {
      out.push({
        row: deal.row,
        field: 'id',
        message: `${dealLabel(deal)}: ID ${deal.id} is also used by ${otherRows(deal, sorted)}; IDs must be unique. Clear the ID of the copy and a new one will be assigned.`,
        severity: 'error',
      });
    }
  }
  // Grouped by Email first (one string per open deal), then split by Company within each group.
  const openEmail = (deal: Deal): string | null =>
    deal.company === '' || deal.email === '' || findStage(table, deal.stage)?.kind !== 'open'
      ? null
      : deal.email.toLowerCase();
  for (const sameEmail of groupBy(deals, openEmail)) {
    for (const group of groupBy(sameEmail, (deal) => deal.company.toLowerCase())) {
      const sorted = [...group].sort((a, b) => a.row - b.row);
      for (const deal of sorted) {
        out.push({
          row: deal.row,
          field: 'company',
          message: `${dealLabel(deal)}: looks like a duplicate of ${otherRows(deal, sorted)} (same Company and Email, both open).`,
          severity: 'warning',
        });
      }
    }
  }
}

function compareProblems(a: DealProblem, b: DealProblem): number {
  return (
    a.row - b.row ||
    (FIELD_ORDER.get(a.field) ?? 0) - (FIELD_ORDER.get(b.field) ?? 0) ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Every problem of every deal, sorted by row and column whatever the order of `deals`: each
 * deal's own, duplicate IDs (errors), and likely duplicates among open deals (warnings). Pass the
 * cell problems from parsing as `cellProblems`: they are included, and a cell that could not be
 * read is not reported a second time as missing.
 */
export function validateDeals(
  deals: readonly Deal[],
  table: StageTable,
  today: CalendarDay,
  cellProblems: readonly DealProblem[] = [],
): DealProblem[] {
  const found: DealProblem[] = [];
  for (const deal of deals) checkDeal(deal, table, today, found);
  checkDuplicates(deals, table, found);
  const unreadable = new Set(cellProblems.map((problem) => `${problem.row}:${problem.field}`));
  const problems =
    unreadable.size === 0
      ? found
      : found.filter((problem) => !unreadable.has(`${problem.row}:${problem.field}`));
  return [...cellProblems, ...problems].sort(compareProblems);
}
