/**
 * The workbook a new playground starts with: a team of four who installed Deal Pipeline about ten
 * weeks ago and have worked their deals through the sidebar since, so Deals, History, the Summary
 * and the follow-ups look like a real team's. Generated, not stored: the same team every time
 * (a seeded random sequence), dated back from the playground's today. Every step goes through the
 * bundle as the owner who took it, on the day they took it.
 */
import type { Emulator } from '../emulator';
import type { Bundle } from '../emulator/load-bundle';

const DAY = 86_400_000;

const TEAM = [
  'ana@pipeline.example',
  'ben@pipeline.example',
  'cara@pipeline.example',
  'dev@pipeline.example',
] as const;

/** Who sits at the keyboard: the team lead, who sells too, so the sidebar's My day has deals. */
export const PLAYGROUND_USER = TEAM[0];
const MANAGER = 'maria@pipeline.example';

const COMPANIES = [
  ['Northwind Traders', 'Nancy Davolio'],
  ['Contoso Retail', 'Dan Park'],
  ['Fabrikam Logistics', 'Lee Chen'],
  ['Tailspin Toys', 'Maria Gomez'],
  ['Adventure Works', 'Sam Ortiz'],
  ['Wide World Importers', 'Ivy Novak'],
  ['Litware', 'Omar Haddad'],
  ['Proseware', 'Priya Raman'],
  ['Woodgrove Bank', 'Tom Becker'],
  ['Alpine Ski House', 'Eva Lindqvist'],
  ['Coho Winery', 'Luis Moreno'],
  ['Fourth Coffee', 'Hana Sato'],
  ['Lucerne Publishing', 'Jonas Weber'],
  ['Margie’s Travel', 'Margie Shoop'],
  ['Trey Research', 'Kofi Mensah'],
  ['VanArsdel', 'Ruth Alvarez'],
  ['Wingtip Toys', 'Chris Doyle'],
  ['Blue Yonder Airlines', 'Amira Nasser'],
  ['City Power & Light', 'Greg Olsen'],
  ['Humongous Insurance', 'Mei Lin'],
] as const;

const DEALS = [
  'Warehouse scanners',
  'POS refresh',
  'Fleet tablets',
  'Kiosk pilot',
  'Office laptops',
  'Label printers',
  'Conference AV',
  'Help desk licences',
  'Field service app',
  'Network upgrade',
  'Badge readers',
  'Data centre racks',
  'Call centre headsets',
  'Rugged handhelds',
  'Digital signage',
  'Backup service',
] as const;

const LOST_REASONS = ['Price', 'Went with a competitor', 'No budget this year', 'No decision'];
const NEXT_STEPS: Readonly<Record<string, string>> = {
  Lead: 'Intro call',
  Qualified: 'Discovery workshop',
  Proposal: 'Walk through the proposal',
  Negotiation: 'Agree terms with procurement',
};
const OPEN_PATH = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won'] as const;
/** How far each deal gets (an index into OPEN_PATH), and whether it is then lost: 40 deals. */
const OUTCOMES = [
  0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4,
]
  .map((stage) => ({ stage, lost: false }))
  .concat([1, 2, 2, 3, 1, 2, 3, 0].map((stage) => ({ stage, lost: true })));

/** mulberry32: a small seeded generator, so every new playground gets the same team. */
function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One step a deal takes, on the day it took it: added, moved to a stage, or worked. */
interface Step {
  at: number;
  deal: number;
  kind: 'add' | 'move' | 'work';
  stage: string;
  fields: Record<string, string | number>;
}

/** yyyy-mm-dd of a clock time, in the spreadsheet's time zone. */
function dayText(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(ms));
}

function plan(now: number, timeZone: string): { steps: Step[]; owners: string[] } {
  const random = seededRandom(20_261_127);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  // Close dates pushed later, for the Summary's slippage lists, draw from their own sequence so
  // that the rest of the team's story stays as it was.
  const slipRandom = seededRandom(20_261_130);
  const day = (ms: number) => dayText(ms, timeZone);
  const steps: Step[] = [];
  const owners: string[] = [];
  OUTCOMES.forEach((outcome, deal) => {
    const [company, contact] = COMPANIES[deal % COMPANIES.length]!;
    const owner = TEAM[between(0, TEAM.length - 1)]!;
    owners.push(owner);
    // Minutes apart within a day, so History reads in the order things happened.
    let at = now - between(8, 120) * DAY - (OUTCOMES.length - deal) * 7 * 60_000;
    const closeAt = at + between(30, 120) * DAY;
    const first = contact.split(' ')[0]!.toLowerCase();
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    steps.push({
      at,
      deal,
      kind: 'add',
      stage: 'Lead',
      fields: {
        deal: DEALS[(deal * 7) % DEALS.length]!,
        company,
        contact,
        email: `${first}@${domain}`,
        phone: `+1 206 555 0${String(100 + deal).padStart(3, '0')}`,
        owner,
        amount: between(12, 360) * 250,
        closeDate: day(closeAt),
        followUp: day(at + between(2, 7) * DAY),
        nextStep: NEXT_STEPS.Lead!,
      },
    });
    for (let k = 1; k <= outcome.stage; k++) {
      const next = at + between(3, 12) * DAY;
      if (next >= now) return;
      at = next;
      const stage = OPEN_PATH[k]!;
      const fields: Record<string, string | number> =
        stage === 'Closed Won'
          ? { closeDate: day(at), followUp: '', lastContact: day(at) }
          : { followUp: day(at + between(3, 21) * DAY), lastContact: day(at), nextStep: NEXT_STEPS[stage]! };
      steps.push({ at, deal, kind: 'move', stage, fields });
    }
    if (!outcome.lost) {
      // Most open deals were worked this week; the rest make the stale and overdue lists.
      const touched = now - between(0, 6) * DAY - (OUTCOMES.length - deal) * 60_000;
      if (outcome.stage < 4 && touched > at && random() < 0.8) {
        const followUp = day(touched + between(-2, 12) * DAY);
        const fields: Record<string, string> = { followUp, lastContact: day(touched) };
        // About a third of the deals worked this week had their close date pushed.
        if (slipRandom() < 0.35) fields.closeDate = day(closeAt + (7 + Math.floor(slipRandom() * 35)) * DAY);
        steps.push({ at: touched, deal, kind: 'work', stage: OPEN_PATH[outcome.stage]!, fields });
      }
    } else {
      const next = at + between(4, 14) * DAY;
      if (next >= now) return;
      steps.push({
        at: next,
        deal,
        kind: 'move',
        stage: 'Closed Lost',
        fields: {
          lostReason: LOST_REASONS[between(0, LOST_REASONS.length - 1)]!,
          closeDate: day(next),
          followUp: '',
          lastContact: day(next),
        },
      });
    }
  });
  return { steps: steps.sort((a, b) => a.at - b.at), owners };
}

/**
 * Fills a new, empty workbook: Set up sheets, then every deal added and moved on its day by its
 * owner through the sidebar's functions, the manager's address in Settings, the Summary
 * refreshed, the daily reminders turned on, and Deals the sheet open. Leaves the clock at `now`.
 */
export function seedTeamPipeline(emulator: Emulator, addon: Bundle, now: number): void {
  const { clock, host, workbook } = emulator;
  const { steps, owners } = plan(now, workbook.timeZone);
  clock.set(steps[0]!.at - DAY);
  host.session.setUser(PLAYGROUND_USER);
  addon.run('onOpen', { authMode: 'FULL' });
  addon.run('setUpSheets');
  setManagerEmail(emulator, addon);
  const ids: string[] = [];
  // The weekly forecast snapshot, on Mondays as the reminder job takes it, so that the Summary's
  // forecast accuracy has weeks to look back on.
  let snapshotAt = nextMonday(steps[0]!.at, workbook.timeZone);
  for (const step of steps) {
    for (; snapshotAt <= step.at; snapshotAt += 7 * DAY) {
      clock.set(snapshotAt);
      host.session.setUser(PLAYGROUND_USER);
      addon.run('takeForecastSnapshot');
    }
    clock.set(step.at);
    host.session.setUser(owners[step.deal]!);
    if (step.kind === 'add') {
      const saved = addon.run('addDeal', { ...step.fields, stage: step.stage }) as { id: string };
      ids[step.deal] = saved.id;
    } else if (step.kind === 'work') addon.run('updateDeal', ids[step.deal], step.fields);
    else addon.run('moveDeal', ids[step.deal], step.stage, step.fields);
  }
  clock.set(now);
  host.session.setUser(PLAYGROUND_USER);
  addon.run('refreshSummary');
  addon.run('installReminderTrigger');
  workbook.activeSheetId = workbook.sheet('Deals').id;
}

/** 9:00 on the first Monday after `ms`, in the spreadsheet's time zone. */
function nextMonday(ms: number, timeZone: string): number {
  let at = ms + DAY;
  while (new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(new Date(at)) !== 'Mon')
    at += DAY;
  const hour = Number(
    new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(at)),
  );
  return at + (9 - hour) * 3_600_000;
}

/** Types the manager's address into Settings' Manager Email, as a person would. */
function setManagerEmail(emulator: Emulator, addon: Bundle): void {
  const rows = emulator.workbook.values('Settings');
  const labelColumn = rows[0]?.indexOf('Option') ?? -1;
  const row = rows.findIndex((line) => line[labelColumn] === 'Manager Email');
  if (labelColumn < 0 || row < 0) throw new Error('Set up sheets wrote no Manager Email option in Settings.');
  const valueColumn = String.fromCharCode(65 + labelColumn + 1);
  addon.edit('Settings', `${valueColumn}${row + 1}`, [[MANAGER]]);
}
