/**
 * The forecast range: P10 / P50 / P90 of the total the open deals will bring in, when each deal
 * is won, for its full Amount, with its probability p, independently of the others:
 * total = Σ Amount × Bernoulli(p). "P10 = 120 000" means a 10 % chance of closing less.
 *
 * Deterministic: the same deals, in any order, give the same numbers (no sampling).
 *
 * How it is computed, and how close it is:
 * 1. Deals with p = 1 add their Amount for sure; deals with p = 0 or Amount ≤ 0 add nothing.
 * 2. Up to ALL_EXACT_LIMIT deals (or, above that, the EXACT_DEALS with the largest third
 *    moment) are convolved on a grid of amounts. When every Amount is a whole number of a round
 *    unit (a cent, a dollar, a thousand...) that fits the work budget, the grid is that unit and
 *    this step is exact. Otherwise each Amount is rounded to the grid; the rounding's
 *    mean is added back, and what is left of it is, by Hoeffding's inequality, within
 *    amountError except with probability 1e-9 (or, when smaller, within Σ |rounding| always).
 *    Cells at the edges holding under 1e-16 are dropped as the grid grows, and their total goes
 *    into probabilityError.
 * 3. The remaining deals (only beyond ALL_EXACT_LIMIT, so thousands of them) are taken as one
 *    normal total with the same mean and variance. By the Berry–Esseen theorem for independent,
 *    non-identical terms (constant 0.56, Shevtsova 2010) its distribution function is off by at
 *    most 0.56 × Σ E|X − EX|³ ÷ σ³, which goes into probabilityError with the 1.2e-7 of Φ.
 * Together: each reported Pα lies between the true quantile at level α − probabilityError minus
 * amountError and the true quantile at level α + probabilityError plus amountError. Both bounds
 * are returned so the Summary can show them.
 */
import { NORMAL_CDF_ERROR, normalCdf } from './normal';

export interface ForecastRange {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  /** The expected total, Σ Amount × p: the weighted value of the same deals. */
  readonly mean: number;
  /** The total if only the sure deals (p = 1) close, and if every deal with p > 0 closes. */
  readonly least: number;
  readonly most: number;
  readonly exactDeals: number;
  readonly approximatedDeals: number;
  readonly amountError: number;
  readonly probabilityError: number;
}

/** Up to this many uncertain deals, all are convolved on the grid; beyond, the grid would be too coarse. */
const ALL_EXACT_LIMIT = 10_000;
/** Beyond it, this many (the most lopsided ones) are, and the rest taken as normal. */
const EXACT_DEALS = 2_000;
/** Grid cell updates the convolution may cost (about 0.1 s); caps how fine the grid is. */
const GRID_WORK = 4e7;
/** Nor finer than needed: rounding within about σ ÷ 300 of the total (σ ÷ (1000 √n) per deal). */
const STEPS_PER_SIGMA = 1000;
/** Nor more cells than this (32 MB). */
const MAX_CELLS = 1 << 22;
/** Grid cells a sum of many deals covers, per standard deviation, before its edges drop below 1e-16. */
const CELLS_PER_SIGMA = 12;
const NEGLIGIBLE_CELL = 1e-16;
/** The chance Hoeffding's bound on the rounding may be exceeded. */
const ROUNDING_RISK = 1e-9;
/** Points of the exact part kept when it is combined with the normal part. */
const MAX_ATOMS = 2048;
/** Cumulative probabilities within this of a level count as reaching it (floating-point noise). */
const LEVEL_TOLERANCE = 1e-12;
const BERRY_ESSEEN = 0.56;
const LEVELS = [0.1, 0.5, 0.9] as const;

interface Bet {
  readonly amount: number;
  readonly p: number;
  readonly variance: number;
  /** E|X − EX|³, what the normal approximation's error grows with. */
  readonly third: number;
}

export function forecastRange(amounts: readonly number[], probabilities: readonly number[]): ForecastRange {
  if (amounts.length !== probabilities.length) {
    throw new Error('forecastRange: amounts and probabilities must have the same length');
  }
  const sure: number[] = [];
  const bets: Bet[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i] as number;
    const p = probabilities[i] as number;
    if (!(amount > 0) || !(p > 0) || !Number.isFinite(amount)) continue;
    if (p >= 1) {
      sure.push(amount);
      continue;
    }
    const q = 1 - p;
    bets.push({ amount, p, variance: amount * amount * p * q, third: amount ** 3 * p * q * (p * p + q * q) });
  }
  // A total order on the deals, so every sum below runs in the same order whatever the input order.
  sure.sort((a, b) => a - b);
  bets.sort((x, y) => y.third - x.third || y.amount - x.amount || y.p - x.p);
  const least = sum(sure);
  let mean = least;
  let most = least;
  for (const b of bets) {
    mean += b.amount * b.p;
    most += b.amount;
  }
  const exact = bets.length <= ALL_EXACT_LIMIT ? bets : bets.slice(0, EXACT_DEALS);
  const rest = bets.length <= ALL_EXACT_LIMIT ? [] : bets.slice(EXACT_DEALS);
  const grid = convolve(exact);
  const quantiles = rest.length === 0 ? gridQuantiles(grid) : mixedQuantiles(grid, rest);
  const cap = most - least;
  const at = (i: number): number => least + Math.min(cap, Math.max(0, quantiles.values[i] as number));
  return {
    p10: at(0),
    p50: at(1),
    p90: at(2),
    mean,
    least,
    most,
    exactDeals: exact.length,
    approximatedDeals: rest.length,
    amountError: quantiles.amountError,
    probabilityError: quantiles.probabilityError,
  };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

interface Grid {
  /** dist[j] = P(grid total = j × step), zero outside [lo, hi]. */
  readonly dist: Float64Array;
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
  /** Mean of the rounding, added back to every total read off the grid. */
  readonly shift: number;
  readonly amountError: number;
  readonly probabilityError: number;
}

/**
 * The grid step. When every amount is a whole number of a round unit (a cent, a dollar, a
 * thousand...) and a grid of the largest such unit fits the work budget, that unit: the
 * convolution is then exact. Otherwise as fine as the budget allows, but no finer than needed.
 */
function gridStep(bets: readonly Bet[]): { readonly step: number; readonly exact: boolean } {
  const total = sum(bets.map((b) => b.amount));
  const sigma = Math.sqrt(sum(bets.map((b) => b.variance)));
  const finest = Math.max(
    (bets.length * Math.min(total, CELLS_PER_SIGMA * sigma)) / GRID_WORK,
    total / MAX_CELLS,
  );
  const unit = roundUnit(bets);
  if (unit !== null && unit >= finest) return { step: unit, exact: true };
  return { step: Math.max(finest, sigma / (STEPS_PER_SIGMA * Math.sqrt(bets.length))), exact: false };
}

const isWholeMultiple = (amount: number, unit: number): boolean => {
  const n = amount / unit;
  return Math.abs(n - Math.round(n)) <= 1e-9 * Math.max(1, n);
};

/** The largest power of ten, from a cent up, that every amount is a whole number of; null if none. */
function roundUnit(bets: readonly Bet[]): number | null {
  let found: number | null = null;
  for (let power = -2; power <= 15; power++) {
    const unit = 10 ** power;
    if (!bets.every((b) => isWholeMultiple(b.amount, unit))) break;
    found = unit;
  }
  return found;
}

function convolve(bets: readonly Bet[]): Grid {
  if (bets.length === 0) {
    return { dist: Float64Array.of(1), lo: 0, hi: 0, step: 1, shift: 0, amountError: 0, probabilityError: 0 };
  }
  const { step, exact } = gridStep(bets);
  const cells = bets.map((b) => Math.round(b.amount / step));
  let shift = 0;
  let absolute = 0;
  let squares = 0;
  bets.forEach((b, i) => {
    // On an exact grid what is left is floating-point noise in amount ÷ step, not rounding.
    const e = exact ? 0 : b.amount - (cells[i] as number) * step;
    shift += e * b.p;
    absolute += Math.abs(e);
    squares += e * e;
  });
  const hoeffding = Math.sqrt((squares * Math.log(2 / ROUNDING_RISK)) / 2);
  const dist = new Float64Array(sum(cells) + 1);
  dist[0] = 1;
  let lo = 0;
  let hi = 0;
  let dropped = 0;
  // Smallest deals first keeps the occupied part of the grid narrow for longest.
  const order = cells.map((_, i) => i).sort((a, b) => (cells[a] as number) - (cells[b] as number) || a - b);
  for (const i of order) {
    const k = cells[i] as number;
    if (k === 0) continue;
    const p = (bets[i] as Bet).p;
    const q = 1 - p;
    // In place, from the top down, so each cell is read before it is written.
    for (let j = hi; j >= lo; j--) {
      const w = dist[j] as number;
      dist[j + k] = (dist[j + k] as number) + w * p;
      dist[j] = w * q;
    }
    hi += k;
    while (lo < hi && (dist[lo] as number) < NEGLIGIBLE_CELL) {
      dropped += dist[lo] as number;
      dist[lo++] = 0;
    }
    while (hi > lo && (dist[hi] as number) < NEGLIGIBLE_CELL) {
      dropped += dist[hi] as number;
      dist[hi--] = 0;
    }
  }
  const useHoeffding = hoeffding < absolute;
  return {
    dist,
    lo,
    hi,
    step,
    shift,
    amountError: useHoeffding ? hoeffding : absolute,
    probabilityError: dropped + (useHoeffding ? ROUNDING_RISK : 0),
  };
}

interface Quantiles {
  readonly values: readonly number[];
  readonly amountError: number;
  readonly probabilityError: number;
}

/** Smallest total whose cumulative probability reaches each level. */
function gridQuantiles(grid: Grid): Quantiles {
  const values: number[] = [];
  let cumulative = 0;
  let level = 0;
  for (let j = grid.lo; j <= grid.hi && level < LEVELS.length; j++) {
    cumulative += grid.dist[j] as number;
    while (level < LEVELS.length && cumulative >= (LEVELS[level] as number) - LEVEL_TOLERANCE) {
      values.push(j * grid.step + grid.shift);
      level++;
    }
  }
  while (values.length < LEVELS.length) values.push(grid.hi * grid.step + grid.shift);
  return { values, amountError: grid.amountError, probabilityError: grid.probabilityError };
}

/** The grid's points (merged into at most MAX_ATOMS bins) convolved with a normal rest. */
function mixedQuantiles(grid: Grid, rest: readonly Bet[]): Quantiles {
  let mu = 0;
  let variance = 0;
  let third = 0;
  for (const b of rest) {
    mu += b.amount * b.p;
    variance += b.variance;
    third += b.third;
  }
  const sigma = Math.sqrt(variance);
  const berryEsseen = Math.min(1, (BERRY_ESSEEN * third) / (sigma * sigma * sigma));

  const { dist, lo, hi, step } = grid;
  const points = hi - lo + 1;
  const bins = Math.min(MAX_ATOMS, points);
  const width = ((hi - lo) * step) / bins;
  const weights = new Float64Array(bins);
  for (let j = lo; j <= hi; j++) {
    const bin = width > 0 ? Math.min(bins - 1, Math.floor(((j - lo) * step) / width)) : 0;
    weights[bin] = (weights[bin] as number) + (dist[j] as number);
  }
  const merged = bins < points;
  // Each point moves to its bin's centre: at most half a bin.
  const binning = merged ? width / 2 : 0;
  const base = lo * step + grid.shift + mu;
  const offsets = Float64Array.from(
    { length: bins },
    (_, b) => base + (merged ? (b + 0.5) * width : b * step),
  );
  const cdf = (x: number): number => {
    let total = 0;
    for (let b = 0; b < bins; b++) {
      const w = weights[b] as number;
      if (w !== 0) total += w * normalCdf((x - (offsets[b] as number)) / sigma);
    }
    return total;
  };
  const start = base - 10 * sigma;
  const end = base + (hi - lo) * step + 10 * sigma;
  const values = LEVELS.map((level) => {
    let below = start;
    let above = end;
    for (let i = 0; i < 200 && above - below > 1e-9 * (Math.abs(start) + Math.abs(end) + 1); i++) {
      const mid = (below + above) / 2;
      if (cdf(mid) >= level) above = mid;
      else below = mid;
    }
    return above;
  });
  const bisection = 1e-9 * (Math.abs(start) + Math.abs(end) + 1);
  return {
    values,
    amountError: grid.amountError + binning + bisection,
    probabilityError: grid.probabilityError + berryEsseen + NORMAL_CDF_ERROR,
  };
}
