/**
 * Timings of the pipeline numbers on synthetic data, generated deterministically (same seed, same
 * data). Run with `npx tsx local/bench/numbers.bench.ts`. Targets (issue 3): Summary numbers for
 * 50 000 deals + 200 000 History rows < 1 s; weightedSum on 50 000 rows < 50 ms; forecastRange on
 * 10 000 deals < 1 s.
 */
import { performance } from 'node:perf_hooks';
import { dayFromParts } from '../../src/core/dates';
import { forecastRange, summaryNumbers, weightedSum } from '../../src/core/numbers';
import type { Deal, HistoryEntry, Options, Stage, StageTable } from '../../src/core/types';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stage = (
  name: string,
  probability: number,
  kind: Stage['kind'],
  forecastCategory: Stage['forecastCategory'],
  staleAfterDays: number | null,
): Stage => ({
  name,
  probability,
  kind,
  forecastCategory,
  nextStages: '*',
  requiredFields: [],
  staleAfterDays,
});

const table: StageTable = {
  stages: [
    stage('Lead', 0.1, 'open', 'Pipeline', 14),
    stage('Qualified', 0.25, 'open', 'Pipeline', 14),
    stage('Proposal', 0.5, 'open', 'Best Case', 21),
    stage('Negotiation', 0.75, 'open', 'Commit', 21),
    stage('Closed Won', 1, 'won', 'Closed', null),
    stage('Closed Lost', 0, 'lost', 'Omitted', null),
  ],
};

const options: Options = {
  currency: 'USD',
  reminderHour: 8,
  reminderLeadDays: 0,
  summaryMonths: 6,
  quarterlyTarget: 2_000_000,
  fiscalYearStartMonth: 1,
  managerEmail: null,
};

const DAY = 86_400_000;
const today = dayFromParts(2025, 5, 15);

function syntheticData(dealCount: number, historyRows: number): { deals: Deal[]; history: HistoryEntry[] } {
  const random = mulberry32(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const owners = Array.from({ length: 12 }, (_, i) => `rep${i}@example.com`);
  const deals: Deal[] = [];
  const history: HistoryEntry[] = [];
  for (let i = 0; i < dealCount; i++) {
    const id = `D-${String(i + 1).padStart(5, '0')}`;
    const created = today - Math.floor(random() * 700);
    // A walk of exactly historyRows ÷ dealCount entries: forward mostly, sometimes back or lost,
    // and a lost (or won) deal sometimes reopened, so re-entries are exercised too.
    const steps = Math.round(historyRows / dealCount);
    let index = 0;
    let at = created * DAY + 9 * 3_600_000;
    history.push({ timestamp: at, id, deal: `Deal ${i}`, from: '', to: 'Lead', by: 'x', via: 'sidebar' });
    for (let s = 1; s < steps; s++) {
      const from = index;
      const r = random();
      if (from >= 4) index = from === 4 ? 3 : 0;
      else
        index =
          r < 0.15 ? 5 : r < 0.25 ? Math.max(0, from - 1) : Math.min(4, from + 1 + Math.floor(random() * 2));
      at += Math.floor(random() * 20 * DAY);
      history.push({
        timestamp: at,
        id,
        deal: `Deal ${i}`,
        from: table.stages[from]!.name,
        to: table.stages[index]!.name,
        by: 'x',
        via: 'edit',
      });
    }
    const closeOffset = Math.floor(random() * 400) - 200;
    deals.push({
      row: i + 2,
      id,
      deal: `Deal ${i}`,
      company: 'Acme',
      contact: '',
      email: '',
      phone: '',
      owner: pick(owners),
      stage: table.stages[index]!.name,
      amount: Math.round(random() * 100_000) / 1,
      probability: random() < 0.2 ? Math.round(random() * 100) / 100 : null,
      closeDate: random() < 0.1 ? null : today + closeOffset,
      followUp: random() < 0.3 ? today - Math.floor(random() * 30) : null,
      nextStep: '',
      lastContact: random() < 0.5 ? today - Math.floor(random() * 60) : null,
      created,
      stageSince: at,
      lostReason: '',
      notes: '',
    });
  }
  return { deals, history };
}

function time<T>(label: string, runs: number, f: () => T): T {
  let result = f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = f();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms, worst ${times[runs - 1]!.toFixed(1)} ms`,
  );
  return result;
}

const { deals, history } = syntheticData(50_000, 200_000);
console.log(`${deals.length} deals, ${history.length} History rows`);
const summary = time('summaryNumbers (50k deals, 200k History)', 5, () =>
  summaryNumbers(deals, history, table, options, { today, timeZone: 'America/New_York' }),
);
console.log(
  `  open pipeline ${summary.kpis.openPipeline.toFixed(0)}, P10/P50/P90 ${summary.pipelineRange.p10.toFixed(0)} / ` +
    `${summary.pipelineRange.p50.toFixed(0)} / ${summary.pipelineRange.p90.toFixed(0)}`,
);

const random = mulberry32(7);
const amounts = Array.from({ length: 50_000 }, () => Math.round(random() * 100_000));
const probabilities = Array.from({ length: 50_000 }, () => random());
time('weightedSum (50k rows)', 21, () => weightedSum(amounts, probabilities));

const range = time('forecastRange (10k deals)', 5, () =>
  forecastRange(amounts.slice(0, 10_000), probabilities.slice(0, 10_000)),
);
console.log(
  `  P10/P50/P90 ${range.p10.toFixed(0)} / ${range.p50.toFixed(0)} / ${range.p90.toFixed(0)}, ` +
    `± ${range.amountError.toFixed(2)} and ${(range.probabilityError * 100).toFixed(3)} percentage points`,
);
