/**
 * The reminder job, in three steps so that a digest goes at most once a day per owner however
 * often, however concurrently, and however abruptly the job runs:
 *
 * 1. Claim, under the reminder lock (lock.ts: the one lock every context the job runs in can
 *    take, so "Send reminders now" and the trigger exclude each other): read Settings, Deals and the Reminder Log once each, decide
 *    who gets what, and write one row per digest: `sending` for each digest that fits the mail
 *    quota, `deferred` for the rest, `failed` for Owner cells that are not addresses. An owner
 *    keeps one row a day: a digest deferred earlier today takes its row over, the rest are
 *    appended in one block.
 * 2. Send, without the lock (a send takes a second or more; edits should not wait for it),
 *    checking the quota before each send and stopping well before Apps Script's 6-minute limit.
 * 3. Record, under the lock: each claimed row's Status and Detail, in one write.
 *
 * A second run waits for the lock, then sees the claims; a run that stops between 1 and 3 leaves
 * `sending` rows, which settle the day for those owners (never a second digest) and say so.
 * A Reminder Log that cannot be read sends nothing at all (see claimDigests).
 *
 * Spreadsheet calls per run are the same whatever the number of deals or owners
 * (test/bundle/reminders.test.ts pins them): when it sends, 7 Range.getValues (Settings, the log,
 * and Deals as three runs of the columns reminders use) and 2 Range.setValues; fewer when digests
 * are deferred, settled, or not due. MailApp: 1 call, then 2 per digest (the quota, the send).
 * The weekly forecast snapshot's check adds 7 spreadsheet calls (5 while Forecast History is
 * empty), and the run that takes the snapshot 4 more.
 */
import type { DealFieldKey } from '../../core/columns';
import { parseDealRows } from '../../core/deal-row';
import { priceDeals } from '../../core/numbers/pipeline';
import { stageLookup } from '../../core/numbers/stage-lookup';
import type { Digest, DigestEmail, LogRecord, RunPlan } from '../../core/reminders';
import {
  claimState,
  dealsCell,
  DETAIL,
  digestEmail,
  digestSummary,
  LOG_TROUBLE,
  logRow,
  ownerCellOf,
  placeRecords,
  planReminders,
  planRun,
  STATUS,
} from '../../core/reminders';
import type { Today } from '../../core/types';
import { openDealsSheet, readDealFields } from '../deals-sheet';
import { takeWeeklySnapshot } from '../forecast-history';
import { LockBusyError, withReminderLock } from '../lock';
import { readSettings } from '../settings';
import type { Spreadsheet } from '../sheets';
import { todayIn } from '../today';
import type { Outcome, ReminderLog } from './log-sheet';
import { openReminderLog, recordOutcomes, writeLogRecords } from './log-sheet';
import { sendDigestEmail } from './send';

/**
 * The Deals columns reminders and the weekly forecast snapshot use: 12 of 18, not the contact's
 * details, Created, Lost Reason or Notes (each cell read costs time: 3 s at 50,000 deals).
 */
const REMINDER_FIELDS: readonly DealFieldKey[] = [
  'id',
  'deal',
  'company',
  'owner',
  'stage',
  'amount',
  'probability',
  'closeDate',
  'followUp',
  'nextStep',
  'lastContact',
  'stageSince',
];

/** Apps Script stops an execution at 6 minutes; sending stops at 4½ to leave time to record. */
const SEND_BUDGET_MS = 270_000;

/** What a run did, by recipient: plain data for the menu's report and the log. */
export interface ReminderRun {
  readonly sent: string[];
  readonly deferred: string[];
  readonly failed: { readonly to: string; readonly error: string }[];
  /** Digests already settled today (sent, failed, or claimed by a run that stopped). */
  readonly alreadyDone: string[];
  /** Deals whose Owner is not an address, so nobody got their reminders. */
  readonly unreachableOwners: string[];
  /** Why the run sent nothing because of the Reminder Log, and how to put it right; else null. */
  readonly logProblem: string | null;
}

/** A claimed digest: what goes out, and its `sending` record and sheet row. */
interface Send {
  readonly digest: Digest;
  readonly email: DigestEmail;
  readonly record: LogRecord;
  readonly row: number;
}

interface Claim {
  readonly log: ReminderLog;
  readonly plan: RunPlan;
  /** The plan's `send`, in order. */
  readonly sends: readonly Send[];
  readonly today: Today;
}

/** A run that sends nothing because of the Reminder Log: why. */
interface LogTrouble {
  readonly logProblem: string;
}

export function runReminders(spreadsheet: Spreadsheet): ReminderRun {
  const started = Date.now();
  const claim = withReminderLock(() => claimDigests(spreadsheet));
  const none = { sent: [], deferred: [], failed: [], alreadyDone: [], unreachableOwners: [] };
  if (!claim) return { ...none, logProblem: null };
  if ('logProblem' in claim) {
    console.error(`Deal Pipeline reminders: ${claim.logProblem}`);
    return { ...none, logProblem: claim.logProblem };
  }
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
    logProblem: null,
  };
}

/**
 * Step 1, under the lock. Null when nothing is due and nothing needs logging.
 *
 * The Reminder Log is the only record of who got today's digest, so a log the run cannot trust
 * sends nothing:
 * - Row 1 cannot be read as its header (a header renamed, deleted or repeated): nothing is sent
 *   or written, and the run says which header to put right. Taking a new, empty Owner column
 *   (as set-up once did) would hide every row already there and send each digest again.
 * - The sheet is missing or empty (deleted, renamed, cleared): it is set up afresh, and every
 *   digest due today is logged `failed`, not sent, which settles the day. Whether today's
 *   digests had already gone cannot be known, and a second digest is the one thing the log
 *   promises never to send; a digest held back costs one day, since tomorrow's run lists the
 *   same deals again, and from then on the new log works as usual.
 */
function claimDigests(spreadsheet: Spreadsheet): Claim | LogTrouble | null {
  const settings = readSettings(spreadsheet);
  const today = todayIn(spreadsheet);
  const deals = openDealsSheet(spreadsheet, settings.table, ['owner', 'followUp']);
  const read = readDealFields(deals, 2, deals.lastRow - 1, REMINDER_FIELDS);
  const parsed = parseDealRows(read.rows, 2, read.layout, today.timeZone);
  // Under the same lock as the claims, from the deals just read; a failure is logged, not thrown.
  takeWeeklySnapshot({ spreadsheet, settings, deals: parsed.deals, today });
  const { priced } = priceDeals(parsed.deals, stageLookup(settings.table));
  const reminders = planReminders(priced, today, settings.options);
  if (reminders.digests.length === 0 && reminders.unreachableOwners.length === 0) return null;

  const opened = openReminderLog(spreadsheet, today.timeZone);
  if ('problem' in opened) return { logProblem: LOG_TROUBLE.unreadable(opened.problem, opened.holdsRows) };
  const { log, started } = opened;
  const quota = started ? 0 : MailApp.getRemainingDailyQuota();
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
    ...plan.overQuota.map((d) =>
      started
        ? record(d, STATUS.failed, DETAIL.logStarted)
        : record(d, STATUS.deferred, DETAIL.overQuota(quota)),
    ),
    ...plan.unreachableOwners.map((o) => ({
      day: today.today,
      owner: o.owner,
      deals: dealsCell(o.items),
      status: STATUS.failed,
      detail: DETAIL.notAnAddress(o.owner),
    })),
  ];
  const rows = placeRecords(records, state.deferredToday, log.nextRow);
  writeLogRecords(log, records, rows, today.timeZone);
  if (started) return { logProblem: LOG_TROUBLE.started };
  if (plan.send.length === 0) return { log, plan, sends: [], today };

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
    record: records[i]!,
    row: rows[i]!,
  }));
  return { log, plan, sends, today };
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
  const { log, sends, today } = claim;
  const finalRows = sends.map(({ record }, i) =>
    logRow(log.layout, { ...record, ...outcomes[i]! }, today.timeZone),
  );
  const claims = sends.map(({ digest, row }) => ({ row, key: digest.key }));
  try {
    withReminderLock(() => recordOutcomes(log, claims, outcomes, finalRows, today.today, today.timeZone));
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    console.error(
      'Deal Pipeline reminders: sent, but the Reminder Log stayed busy; its rows still read "sending".',
    );
  }
}
