/**
 * Synthetic pipelines for the benchmarks, generated deterministically: the same seed gives the
 * same data, so two runs time the same work. `syntheticDealRows` gives a Deals sheet's values,
 * header row first, as `getValues()` hands them over (numbers, Dates, strings), with the mistakes
 * a team makes.
 */
import type { DealFieldKey } from '../../src/core/columns';
import { DEAL_FIELDS } from '../../src/core/columns';
import { dayFromParts, startOfDay } from '../../src/core/dates';
import { formatDealId } from '../../src/core/transitions';
import type { CalendarDay } from '../../src/core/types';

/** The spreadsheet's time zone in every benchmark. */
export const TIME_ZONE = 'America/Los_Angeles';

/** "Today" in every benchmark: a fixed day, so the numbers do not drift with the calendar. */
export const TODAY: CalendarDay = dayFromParts(2025, 5, 15);

const HOUR = 3_600_000;

/** Salespeople in the Deals sheets the benchmarks build: the reminder job sends each a digest. */
const OWNERS = 20;

/** A small, fast, seedable generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `items`, drawn with `random` (from mulberry32). */
export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Stage names by share of deals; two names that are no stage, as teams type them. */
const STAGE_MIX: readonly (readonly [string, number])[] = [
  ['Lead', 0.25],
  ['Qualified', 0.2],
  ['Proposal', 0.15],
  ['Negotiation', 0.1],
  ['Closed Won', 0.14],
  ['Closed Lost', 0.15],
  ['Prospect', 0.005],
  ['', 0.005],
];

const PRODUCTS = ['Scanners', 'POS refresh', 'Analytics seats', 'Support renewal', 'Fleet tablets'];
const NEXT_STEPS = ['Send pricing', 'Book demo', 'Call back', 'Legal review', ''];
const LOST_REASONS = ['Price', 'Timing', 'Competitor', 'No budget'];

/**
 * A Deals sheet of `count` deals, header row first, every column of DEAL_FIELDS in order, IDs in
 * Deal Pipeline's own form (a pipeline brought over with its IDs, Created and Stage Since). About
 * one row in twenty has an error a team really makes: text in Amount or Close Date, a
 * probability of 150, an unknown or blank stage, a missing Email or Lost Reason that the stage
 * requires, a copied ID; a few deals are entered twice (same Company and Email, a warning).
 * Open deals' close dates are mostly ahead; about one in twelve has passed (a warning too).
 */
export function syntheticDealRows(count: number, timeZone = TIME_ZONE): unknown[][] {
  const random = mulberry32(7);
  const chance = (p: number): boolean => random() < p;
  const dateCells = new Map<CalendarDay, Date>();
  const date = (day: CalendarDay): Date => {
    let cell = dateCells.get(day);
    if (!cell) dateCells.set(day, (cell = startOfDay(day, timeZone)));
    return new Date(cell.getTime());
  };
  const stageOf = (): string => {
    let r = random();
    for (const [name, share] of STAGE_MIX) if ((r -= share) < 0) return name;
    return 'Lead';
  };

  const rows: unknown[][] = [DEAL_FIELDS.map((field) => field.header)];
  let previous: Record<DealFieldKey, unknown> | undefined;
  for (let i = 0; i < count; i++) {
    const company = `Company ${Math.floor(random() * count * 0.4)}`;
    const stageName = stageOf();
    const closed = stageName.startsWith('Closed');
    const created = TODAY - Math.floor(random() * 700);
    const closeDay = closed
      ? Math.min(TODAY, created + Math.floor(random() * 120))
      : TODAY + Math.floor(random() * 200) - (chance(0.05) ? 230 : 5);
    const stageSince = new Date(
      date(Math.min(TODAY, created + Math.floor(random() * 90))).getTime() + 9 * HOUR,
    );
    const cells: Record<DealFieldKey, unknown> = {
      id: formatDealId(i + 1),
      deal: `${pick(random, PRODUCTS)} ${i}`,
      company,
      contact: `Contact ${i}`,
      email: chance(0.02) ? '' : `buyer${i}@${company.replace(' ', '').toLowerCase()}.example`,
      phone: `+1 206 555 ${String(i % 10_000).padStart(4, '0')}`,
      owner: `rep${Math.floor(random() * OWNERS)}@example.com`,
      stage: stageName,
      amount: chance(0.005)
        ? 'TBD'
        : stageName === 'Lead' && chance(0.3)
          ? ''
          : Math.round(random() * 200) * 500,
      probability: chance(0.003) ? 150 : !closed && chance(0.1) ? Math.round(random() * 100) / 100 : '',
      closeDate: chance(0.003) ? 'next week' : stageName === 'Lead' && chance(0.3) ? '' : date(closeDay),
      followUp: !closed && chance(0.4) ? date(TODAY + Math.floor(random() * 30) - 10) : '',
      nextStep: closed ? '' : pick(random, NEXT_STEPS),
      lastContact: chance(0.6) ? date(TODAY - Math.floor(random() * 60)) : '',
      created: date(created),
      stageSince,
      lostReason: stageName === 'Closed Lost' && chance(0.9) ? pick(random, LOST_REASONS) : '',
      notes: chance(0.05) ? 'Met at the trade show' : '',
    };
    if (previous && chance(0.002)) cells.id = previous.id;
    if (previous && chance(0.003)) {
      cells.company = previous.company;
      cells.email = previous.email;
    }
    rows.push(DEAL_FIELDS.map((field) => cells[field.key]));
    previous = cells;
  }
  return rows;
}
