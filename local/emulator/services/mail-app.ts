/**
 * MailApp: sends into an outbox the host can read.
 *
 * Quota: every recipient (to + cc + bcc) uses one unit of the daily quota (100 for consumer
 * accounts, settable). The day is the calendar day in America/Los_Angeles by the emulator clock:
 * Google's daily quotas reset at midnight Pacific time. A send that needs more units than remain
 * throws "Service invoked too many times for one day: email." and sends nothing.
 *
 * Validation before quota: no recipient → "Failed to send email: no recipient"; an address that is
 * not name@domain.tld (optionally "Name <name@domain.tld>") → "Invalid email: <address>".
 * Subjects with line breaks: Apps Script's behaviour is not documented; the emulator sends them and
 * flags the message (`subjectHasLineBreak`) so tests can assert the add-on never produces one.
 * The host can make the next send to an address fail (fault injection), consuming no quota, and
 * can hook every send (`onSend`) to play the time a real send takes or what runs meanwhile.
 */
import { ianaZone, wallTime } from '../time-zones.js';
import type { ServiceContext } from './internal.js';
import { Blob } from './utilities.js';

export const MAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';
const NO_RECIPIENT_MESSAGE = 'Failed to send email: no recipient';
const PACIFIC = ianaZone('America/Los_Angeles');

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
  from: string;
  attachments: string[];
  sentAt: number;
  subjectHasLineBreak: boolean;
}

export class MailHost {
  readonly outbox: SentMail[] = [];
  /** Daily quota in recipients. */
  quota: number;
  private usedDay = '';
  private usedCount = 0;
  private readonly faults = new Map<string, string>();
  /**
   * Runs at the start of every sendEmail call, before any check, with the addresses as given: a
   * real send takes a second or more, so a test can advance the clock here, or run another
   * execution "at the same time".
   */
  onSend: ((addresses: readonly string[]) => void) | null = null;

  constructor(
    quota: number,
    private readonly now: () => number,
  ) {
    this.quota = quota;
  }

  /** The quota day (yyyy-mm-dd in Pacific time) of clock time `ms`. */
  static quotaDay(ms: number): string {
    const w = wallTime(ms, PACIFIC);
    return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  }

  used(): number {
    return this.usedDay === MailHost.quotaDay(this.now()) ? this.usedCount : 0;
  }

  remaining(): number {
    return Math.max(0, this.quota - this.used());
  }

  consume(n: number): void {
    const day = MailHost.quotaDay(this.now());
    if (day !== this.usedDay) {
      this.usedDay = day;
      this.usedCount = 0;
    }
    this.usedCount += n;
  }

  /** Sets today's remaining quota (e.g. 0 to exhaust it). */
  setRemaining(n: number): void {
    this.usedDay = MailHost.quotaDay(this.now());
    this.usedCount = Math.max(0, this.quota - n);
  }

  /** The next send that includes `address` throws `message` (default "Invalid email: <address>"). */
  failNextSendTo(address: string, message?: string): void {
    this.faults.set(address.toLowerCase(), message ?? `Invalid email: ${address}`);
  }

  takeFault(addresses: readonly string[]): string | undefined {
    for (const a of addresses) {
      const m = this.faults.get(a.toLowerCase());
      if (m !== undefined) {
        this.faults.delete(a.toLowerCase());
        return m;
      }
    }
    return undefined;
  }

  clearOutbox(): void {
    this.outbox.length = 0;
  }
}

interface MailOptions {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  replyTo?: unknown;
  noReply?: unknown;
  attachments?: unknown;
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

function addressList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return String(value)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function bareAddress(a: string): string {
  const m = /<([^<>]*)>\s*$/.exec(a);
  return (m?.[1] ?? a).trim();
}

function optString(v: unknown): string | null {
  return v === undefined || v === null ? null : String(v);
}

export class MailApp {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly host: MailHost,
  ) {}

  getRemainingDailyQuota(): number {
    return this.host.remaining();
  }

  sendEmail(...args: unknown[]): void {
    let m: MailOptions;
    const [a, b, c, d] = args;
    if (args.length === 1 && a !== null && typeof a === 'object') m = a;
    else if (args.length === 4 && typeof d === 'string') m = { to: a, replyTo: b, subject: c, body: d };
    else m = { ...((d ?? {}) as MailOptions), to: a, subject: b, body: c };
    this.#send(m);
  }

  #send(m: MailOptions): void {
    const to = addressList(m.to);
    const cc = addressList(m.cc);
    const bcc = addressList(m.bcc);
    const all = [...to, ...cc, ...bcc];
    this.host.onSend?.(all);
    if (all.length === 0) throw this.ctx.error(NO_RECIPIENT_MESSAGE);
    const bare = all.map(bareAddress);
    for (let i = 0; i < all.length; i++) {
      if (!ADDRESS.test(bare[i] ?? '')) throw this.ctx.error(`Invalid email: ${all[i] ?? ''}`);
    }
    const replyTo = optString(m.replyTo);
    if (replyTo !== null && replyTo !== '' && !ADDRESS.test(bareAddress(replyTo))) {
      throw this.ctx.error(`Invalid email: ${replyTo}`);
    }
    const fault = this.host.takeFault(bare);
    if (fault !== undefined) throw this.ctx.error(fault);
    if (all.length > this.host.remaining()) throw this.ctx.error(MAIL_QUOTA_MESSAGE);
    this.host.consume(all.length);
    const subject = m.subject === undefined || m.subject === null ? '' : String(m.subject);
    const attachments = Array.isArray(m.attachments)
      ? m.attachments.map((x: unknown) => this.ctx.tracker.raw(x, Blob)?.getName() ?? 'attachment')
      : [];
    this.host.outbox.push({
      to: to.join(','),
      cc: cc.join(','),
      bcc: bcc.join(','),
      subject,
      body: m.body === undefined || m.body === null ? '' : String(m.body),
      htmlBody: optString(m.htmlBody),
      name: optString(m.name),
      replyTo,
      noReply: m.noReply === true,
      from: this.ctx.session.effectiveUser,
      attachments,
      sentAt: this.ctx.clock.now(),
      subjectHasLineBreak: /[\r\n]/.test(subject),
    });
  }
}
