/**
 * The reminder job, in three steps so that a digest goes at most once a day per owner however
 * often, however concurrently, and however abruptly the job runs:
 *
 * 1. Claim, under the document lock: read Settings, Deals and the Reminder Log once each, decide
 *    who gets what, and append one block of rows: `sending` for each digest that fits the mail
 *    quota, `deferred` for the rest, `failed` for Owner cells that are not addresses.
 * 2. Send, without the lock (a send takes a second or more; edits should not wait for it),
 *    checking the quota before each send and stopping well before Apps Script's 6-minute limit.
 * 3. Record, under the lock: each claimed row's Status and Detail, in one write.
 *
 * A second run waits for the lock, then sees the claims; a run that stops between 1 and 3 leaves
 * `sending` rows, which settle the day for those owners (never a second digest) and say so.
 *
 * Spreadsheet calls per run, whatever the number of deals or owners: 26 when it sends (5 of them
 * Range.getValues, 2 Range.setValues), 15 when today's digests are already settled, 12 when
 * nothing is due; MailApp: 1 call, then 2 per digest (the quota, the send).
 */
import { stageLookup } from '../../core/numbers/stage-lookup';
import { priceDeals } from '../../core/numbers/pipeline';
import {
  DETAIL,
  STATUS,
  claimState,
  dealsCell,
  digestEmail,
  digestSummary,
  logRow,
  ownerCellOf,
  planReminders,
  planRun,
} from '../../core/reminders';
import type { Digest, DigestEmail, LogRecord, RunPlan } from '../../core/reminders';
import { openDealsSheet, parseRows, readAllDealRows } from '../deals-sheet';
import { LockBusyError, withDocumentLock } from '../lock';
import { readSettings } from '../settings';
import { activeSpreadsheet } from '../sheets';
import { todayIn } from '../today';
import { appendLogRows, openReminderLog, recordOutcomes } from './log-sheet';
import type { Outcome, ReminderLog } from './log-sheet';
import { sendDigestEmail } from './send';

/** Apps Script stops an execution at 6 minutes; sending stops at 4½ to leave time to record. */
export const SEND_BUDGET_MS = 270_000;

/** The job is not interactive, so it waits longer for the lock than a menu action does. */
export const JOB_LOCK_WAIT_MS = 60_000;

/** What a run did, by recipient: plain data for the menu's report and the log. */
export interface ReminderRun {
  readonly sent: string[];
  readonly deferred: string[];
  readonly failed: { readonly to: string; readonly error: string }[];
  /** Digests already settled today (sent, failed, or claimed by a run that stopped). */
  readonly alreadyDone: string[];
  /** Deals whose Owner is not an address, so nobody got their reminders. */
  readonly unreachableOwners: string[];
}

/** A claimed digest: what goes out, and its `sending` row. */
interface Send {
  readonly digest: Digest;
  readonly email: DigestEmail;
  readonly row: LogRecord;
}

interface Claim {
  readonly log: ReminderLog;
  readonly plan: RunPlan;
  /** The plan's `send`, in order; their rows are the first of the block appended at log.nextRow. */
  readonly sends: readonly Send[];
  readonly timeZone: string;
}

export function runReminders(): ReminderRun {
  const started = Date.now();
  const claim = withDocumentLock(claimDigests, JOB_LOCK_WAIT_MS);
  if (!claim) return { sent: [], deferred: [], failed: [], alreadyDone: [], unreachableOwners: [] };
  const outcomes = sendClaimed(claim.sends, started);
  recordClaimed(claim, outcomes);
  const to = (d: Digest) => (d.kind === 'team' ? `team digest to ${d.to}` : d.to);
  const withStatus = (status: Outcome['status']) =>
    claim.sends.filter((_, i) => outcomes[i]?.status === status).map((send) => to(send.digest));
  return {
    sent: withStatus(STATUS.sent),
    deferred: [...withStatus(STATUS.deferred), ...claim.plan.overQuota.map(to)],
    failed: claim.sends.flatMap(({ digest }, i) =>
      outcomes[i]?.status === STATUS.failed ? [{ to: to(digest), error: outcomes[i]?.detail ?? '' }] : [],
    ),
    alreadyDone: claim.plan.settled.map(to),
    unreachableOwners: claim.plan.unreachableOwners.map((owner) => owner.owner),
  };
}

/** Step 1, under the lock. Null when nothing is due and nothing needs logging. */
function claimDigests(): Claim | null {
  const spreadsheet = activeSpreadsheet();
  const settings = readSettings(spreadsheet);
  const today = todayIn(spreadsheet);
  const deals = openDealsSheet(spreadsheet, settings.table);
  const parsed = parseRows(deals, readAllDealRows(deals), 2, today.timeZone);
  const { priced } = priceDeals(parsed.deals, stageLookup(settings.table));
  const reminders = planReminders(priced, today, settings.options);
  if (reminders.digests.length === 0 && reminders.unreachableOwners.length === 0) return null;

  const log = openReminderLog(spreadsheet, today.timeZone);
  const quota = MailApp.getRemainingDailyQuota();
  const state = claimState(log.entries, today.today);
  const plan = planRun(reminders.digests, reminders.unreachableOwners, state, quota);
  const record = (d: Digest, status: LogRecord['status'], detail: string): LogRecord => ({
    day: today.today,
    owner: ownerCellOf(d),
    deals: dealsCell([...d.items, ...d.unreachable]),
    status,
    detail,
  });
  const records = [
    ...plan.send.map((d) => record(d, STATUS.sending, DETAIL.sending(digestSummary(d)))),
    ...plan.overQuota.map((d) => record(d, STATUS.deferred, DETAIL.overQuota(quota))),
    ...plan.unreachableOwners.map((o) => ({
      day: today.today,
      owner: o.owner,
      deals: dealsCell(o.items),
      status: STATUS.failed,
      detail: DETAIL.notAnAddress(o.owner),
    })),
  ];
  appendLogRows(
    log,
    records.map((r) => logRow(log.layout, r, today.timeZone)),
  );
  if (plan.send.length === 0) return { log, plan, sends: [], timeZone: today.timeZone };

  const url = spreadsheet.getUrl();
  const gid = deals.sheet.getSheetId();
  const context = {
    today: today.today,
    currency: settings.options.currency,
    spreadsheetName: spreadsheet.getName(),
    rowLink: (row: number) => `${url}#gid=${gid}&range=A${row}`,
  };
  const sends = plan.send.map((digest, i) => ({
    digest,
    email: digestEmail(digest, context),
    row: records[i]!,
  }));
  return { log, plan, sends, timeZone: today.timeZone };
}

/** Step 2: one send per claim, in order, until the time budget or the quota runs out. */
function sendClaimed(sends: readonly Send[], started: number): Outcome[] {
  let quotaGone = false;
  return sends.map(({ digest, email }) => {
    if (Date.now() - started > SEND_BUDGET_MS) return { status: STATUS.deferred, detail: DETAIL.timeLimit };
    if (quotaGone) return { status: STATUS.deferred, detail: DETAIL.quotaRanOut };
    const outcome = sendDigestEmail(email);
    quotaGone = outcome.status === STATUS.deferred;
    return outcome.status === STATUS.sent ? { ...outcome, detail: digestSummary(digest) } : outcome;
  });
}

/**
 * Step 3, under the lock. If the lock stays busy the claims stay `sending`: the digests are not
 * sent again today, and the rows say the result was not recorded.
 */
function recordClaimed(claim: Claim, outcomes: readonly Outcome[]): void {
  if (outcomes.length === 0) return;
  const { log, sends, timeZone } = claim;
  const finalRows = sends.map(({ row }, i) => logRow(log.layout, { ...row, ...outcomes[i]! }, timeZone));
  const keys = sends.map(({ digest }) => digest.key);
  try {
    withDocumentLock(() => recordOutcomes(log, keys, outcomes, finalRows), JOB_LOCK_WAIT_MS);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    console.error(
      'Deal Pipeline reminders: sent, but the Reminder Log stayed busy; its rows still read "sending".',
    );
  }
}
