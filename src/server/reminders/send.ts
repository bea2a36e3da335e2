/**
 * Sending one digest with MailApp (the script.send_mail scope; never GmailApp, which would need
 * access to the whole mailbox). Nothing here throws: every send ends as sent, deferred or failed.
 */
import type { DigestEmail } from '../../core/reminders';
import { DETAIL, STATUS } from '../../core/reminders';
import type { Outcome } from './log-sheet';

/** What MailApp says when the day's quota is gone ("Service invoked too many times for one day: email."). */
const QUOTA_ERROR = /too many times|quota/i;

/** Checks the quota, then sends. 2 MailApp calls. */
export function sendDigestEmail(email: DigestEmail): Outcome {
  if (MailApp.getRemainingDailyQuota() < 1) return { status: STATUS.deferred, detail: DETAIL.quotaRanOut };
  try {
    MailApp.sendEmail({
      to: email.to,
      subject: email.subject,
      body: email.body,
      htmlBody: email.htmlBody,
      name: 'Deal Pipeline',
    });
    return { status: STATUS.sent, detail: '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (QUOTA_ERROR.test(message)) return { status: STATUS.deferred, detail: DETAIL.quotaRanOut };
    return { status: STATUS.failed, detail: message };
  }
}
