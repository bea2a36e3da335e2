/**
 * Who gets what: each owner's digest of overdue follow-ups, follow-ups due within the lead days
 * and stale deals, and the team digest for the Manager Email. Only open deals remind anyone; a
 * deal in a stage the table does not know is left out, as it is from every number.
 */
import { daysOverdue, daysStale } from '../numbers/attention';
import type { PricedDeal } from '../numbers/pipeline';
import type { Deal, Today } from '../types';
import { isEmailAddress } from '../values';

export type ReminderReason = 'overdue' | 'due' | 'stale';

/** One deal in a digest, under its most urgent reason: overdue, else due, else stale. */
export interface ReminderItem {
  readonly deal: Deal;
  readonly stage: string;
  readonly reason: ReminderReason;
  /** Overdue: days past the follow-up. Due: days until it (0 = today). Stale: days without activity. */
  readonly days: number;
  /** Days without activity when a deal listed for its follow-up is also stale, else null. */
  readonly staleDays: number | null;
}

export interface Digest {
  /** What the Reminder Log claims once a day: the lower-case address, `team:` + it for the team. */
  readonly key: string;
  readonly kind: 'owner' | 'team';
  /** The recipient, as the Owner cell or the Manager Email spells it. */
  readonly to: string;
  /** An owner's deals; for the team, every reachable owner's overdue and stale deals. */
  readonly items: readonly ReminderItem[];
  /** Team digest only: deals with something due whose owner is blank or not an address. */
  readonly unreachable: readonly ReminderItem[];
}

/** An Owner cell that is not an address: nobody can be reminded of its deals. */
export interface UnreachableOwner {
  /** The lower-case Owner text, so the log claims it once a day like an address. */
  readonly key: string;
  readonly owner: string;
  readonly items: readonly ReminderItem[];
}

export interface ReminderPlan {
  /** Owner digests by address, then the team digest when there is a Manager Email and news. */
  readonly digests: readonly Digest[];
  readonly unreachableOwners: readonly UnreachableOwner[];
}

export interface ReminderOptions {
  readonly reminderLeadDays: number;
  readonly managerEmail: string | null;
}

const TEAM_KEY_PREFIX = 'team:';

/**
 * The claim key of an Owner cell as written in Deals or in the Reminder Log: trimmed and
 * lower-case, with "Team: " (the team digest's rows) spelt one way.
 */
export function ownerKey(text: string): string {
  const key = text.trim().toLowerCase();
  const team = /^team:\s*(.*)$/.exec(key);
  return team ? `${TEAM_KEY_PREFIX}${team[1] ?? ''}` : key;
}

/** The deal's reminder today, or null when nothing about it is due. */
export function reminderFor(d: PricedDeal, today: Today, leadDays: number): ReminderItem | null {
  if (d.kind !== 'open') return null;
  const staleDays = daysStale(d, today);
  const base = { deal: d.deal, stage: d.stage.name, staleDays };
  const overdue = daysOverdue(d, today.today);
  if (overdue !== null) return { ...base, reason: 'overdue', days: overdue };
  const followUp = d.deal.followUp;
  if (followUp !== null && followUp - today.today <= leadDays) {
    return { ...base, reason: 'due', days: followUp - today.today };
  }
  return staleDays === null ? null : { ...base, reason: 'stale', days: staleDays, staleDays: null };
}

const REASON_ORDER: Readonly<Record<ReminderReason, number>> = { overdue: 0, due: 1, stale: 2 };

/** Overdue (most days first), then due (soonest first), then stale (most days first); then by ID. */
export function byUrgency(a: ReminderItem, b: ReminderItem): number {
  const reason = REASON_ORDER[a.reason] - REASON_ORDER[b.reason];
  if (reason !== 0) return reason;
  const days = a.reason === 'due' ? a.days - b.days : b.days - a.days;
  if (days !== 0) return days;
  return a.deal.id < b.deal.id ? -1 : a.deal.id > b.deal.id ? 1 : a.deal.row - b.deal.row;
}

export function planReminders(
  priced: readonly PricedDeal[],
  today: Today,
  options: ReminderOptions,
): ReminderPlan {
  const owners = new Map<string, { to: string; items: ReminderItem[] }>();
  const unreachableOwners = new Map<string, { owner: string; items: ReminderItem[] }>();
  const unreachable: ReminderItem[] = [];
  for (const d of priced) {
    const item = reminderFor(d, today, options.reminderLeadDays);
    if (!item) continue;
    const owner = d.deal.owner.trim();
    const key = ownerKey(owner);
    if (isEmailAddress(owner)) {
      const entry = owners.get(key) ?? { to: owner, items: [] };
      entry.items.push(item);
      owners.set(key, entry);
      continue;
    }
    unreachable.push(item);
    if (owner !== '') {
      const entry = unreachableOwners.get(key) ?? { owner, items: [] };
      entry.items.push(item);
      unreachableOwners.set(key, entry);
    }
  }

  const digests: Digest[] = [...owners.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { to, items }]) => ({
      key,
      kind: 'owner',
      to,
      items: items.sort(byUrgency),
      unreachable: [],
    }));
  const team = teamDigest(digests, unreachable, options.managerEmail);
  if (team) digests.push(team);
  return {
    digests,
    unreachableOwners: [...unreachableOwners.entries()].map(([key, { owner, items }]) => ({
      key,
      owner,
      items: items.sort(byUrgency),
    })),
  };
}

/** Overdue and stale deals of every owner, and what nobody is reminded of; null when none. */
function teamDigest(
  owners: readonly Digest[],
  unreachable: readonly ReminderItem[],
  managerEmail: string | null,
): Digest | null {
  if (managerEmail === null || !isEmailAddress(managerEmail.trim())) return null;
  const items = owners.flatMap((digest) =>
    digest.items
      .filter((item) => item.reason !== 'due' || item.staleDays !== null)
      .map((item): ReminderItem => (item.reason === 'due' ? asStale(item) : item)),
  );
  if (items.length === 0 && unreachable.length === 0) return null;
  const to = managerEmail.trim();
  return {
    key: ownerKey(`${TEAM_KEY_PREFIX}${to}`),
    kind: 'team',
    to,
    items: items.sort(byUrgency),
    unreachable: [...unreachable].sort(byUrgency),
  };
}

/** A follow-up that is not overdue yet counts for the team only if the deal is stale. */
function asStale(item: ReminderItem): ReminderItem {
  return { ...item, reason: 'stale', days: item.staleDays ?? 0, staleDays: null };
}
