/**
 * A digest as an email: a one-line subject of counts, a plain-text body and an HTML body. Every
 * piece of user text (deal, company, stage, next step, owner, the spreadsheet's name) goes
 * through escapeHtml on its way into the HTML; the subject carries no user text at all.
 */
import { isoOfDay } from '../dates';
import { escapeHtml } from '../html';
import type { CalendarDay } from '../types';
import { countOf } from '../wording';
import type { Digest, ReminderItem } from './digests';
import { moneyText, oneLine } from './text';

export interface DigestContext {
  readonly today: CalendarDay;
  readonly currency: string;
  readonly spreadsheetName: string;
  /** The address that opens the deal's row in the Deals sheet. */
  readonly rowLink: (row: number) => string;
}

export interface DigestEmail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

/**
 * Deals listed one by one in a section; the rest are counted. Gmail clips HTML mail past about
 * 100 KB, and a digest of hundreds of rows is not read anyway: the sheet holds the rest.
 */
const LISTED_PER_SECTION = 50;

interface Section {
  readonly title: string;
  readonly items: readonly ReminderItem[];
}

/** "3 follow-ups due (1 overdue), 1 stale deal": what the subject and the log's Detail say. */
export function digestSummary(digest: Digest): string {
  const count = (reason: ReminderItem['reason']) => digest.items.filter((i) => i.reason === reason).length;
  const [overdue, due, stale] = [count('overdue'), count('due'), count('stale')];
  const parts: string[] = [];
  if (digest.kind === 'owner') {
    if (overdue + due > 0) {
      parts.push(countOf(overdue + due, 'follow-up') + ' due' + (overdue > 0 ? ` (${overdue} overdue)` : ''));
    }
  } else if (overdue > 0) parts.push(countOf(overdue, 'overdue follow-up'));
  if (stale > 0) parts.push(countOf(stale, 'stale deal'));
  if (digest.unreachable.length > 0)
    parts.push(`${countOf(digest.unreachable.length, 'deal')} nobody is reminded of`);
  return parts.join(', ');
}

export function digestEmail(digest: Digest, context: DigestContext): DigestEmail {
  const team = digest.kind === 'team';
  const sections: Section[] = [
    { title: 'Overdue follow-ups', items: of(digest, 'overdue') },
    { title: dueTitle(digest), items: of(digest, 'due') },
    { title: 'Stale deals', items: of(digest, 'stale') },
    {
      title: 'Nobody is reminded of these: no Owner, or an Owner that is not an email address',
      items: digest.unreachable,
    },
  ].filter((section) => section.items.length > 0);
  const heading = `Reminders from ${oneLine(context.spreadsheetName)}, ${isoOfDay(context.today)}`;
  const why = team
    ? 'You get this team digest because you are the Manager Email in Settings.'
    : 'You get this because you are the Owner of these deals.';
  const footer = `${why} Deal Pipeline sends at most one a day.`;
  return {
    to: digest.to,
    subject: oneLine(`Deal Pipeline${team ? ' team digest' : ''}: ${digestSummary(digest)}`),
    body: [heading, '', ...sections.flatMap((s) => textSection(s, team, context)), footer].join('\n'),
    htmlBody: [
      '<div style="font-family: Arial, sans-serif; font-size: 14px; color: #202124">',
      `<p style="color: #5f6368">${escapeHtml(heading)}</p>`,
      ...sections.map((s) => htmlSection(s, team, context)),
      `<p style="color: #5f6368; font-size: 12px">${escapeHtml(footer)}</p>`,
      '</div>',
    ].join('\n'),
  };
}

function of(digest: Digest, reason: ReminderItem['reason']): ReminderItem[] {
  return digest.items.filter((item) => item.reason === reason);
}

function dueTitle(digest: Digest): string {
  const last = Math.max(0, ...digest.items.filter((i) => i.reason === 'due').map((i) => i.days));
  return last === 0 ? 'Follow-ups due today' : `Follow-ups due in the next ${countOf(last, 'day')}`;
}

/** "7 days overdue", "due today", "due in 2 days", "no activity for 20 days", joined. */
function statusText(item: ReminderItem): string {
  const days = (n: number) => countOf(n, 'day');
  let status: string;
  if (item.reason === 'overdue') status = `${days(item.days)} overdue`;
  else if (item.reason === 'due') {
    status = item.days === 0 ? 'due today' : item.days === 1 ? 'due tomorrow' : `due in ${days(item.days)}`;
  } else status = `no activity for ${days(item.days)}`;
  return item.staleDays === null ? status : `${status}; no activity for ${days(item.staleDays)}`;
}

function ownerText(item: ReminderItem): string {
  return item.deal.owner.trim() === '' ? '(no owner)' : item.deal.owner;
}

function followUpText(item: ReminderItem): string {
  return item.deal.followUp === null ? '—' : isoOfDay(item.deal.followUp);
}

function textSection(section: Section, team: boolean, context: DigestContext): string[] {
  const lines = [`${section.title} (${section.items.length})`];
  for (const item of section.items.slice(0, LISTED_PER_SECTION)) {
    const { deal } = item;
    const who = team ? ` · ${ownerText(item)}` : '';
    lines.push(
      `• ${deal.company || '—'} — ${deal.deal || deal.id} (${item.stage}, ${moneyText(deal.amount, context.currency)})${who}`,
      `  Follow-up ${followUpText(item)}: ${statusText(item)}.${deal.nextStep ? ` Next step: ${deal.nextStep}` : ''}`,
      `  ${context.rowLink(deal.row)}`,
    );
  }
  const more = section.items.length - LISTED_PER_SECTION;
  if (more > 0) lines.push(`…and ${countOf(more, 'more deal')} in the Deals sheet.`);
  lines.push('');
  return lines;
}

const CELL = 'style="padding: 4px 8px; border-bottom: 1px solid #e0e0e0; text-align: left"';

function htmlSection(section: Section, team: boolean, context: DigestContext): string {
  const headers = [
    'Company',
    'Deal',
    ...(team ? ['Owner'] : []),
    'Stage',
    'Amount',
    'Follow-up',
    'Next step',
    'Status',
    '',
  ];
  const rows = section.items.slice(0, LISTED_PER_SECTION).map((item) => {
    const { deal } = item;
    const cells = [
      deal.company,
      deal.deal || deal.id,
      ...(team ? [ownerText(item)] : []),
      item.stage,
      moneyText(deal.amount, context.currency),
      followUpText(item),
      deal.nextStep,
      statusText(item),
    ].map((text) => `<td ${CELL}>${escapeHtml(text)}</td>`);
    const link = `<a href="${escapeHtml(context.rowLink(deal.row))}">Open row ${deal.row}</a>`;
    return `<tr>${cells.join('')}<td ${CELL}>${link}</td></tr>`;
  });
  return [
    `<h3 style="font-size: 15px; margin: 18px 0 6px">${escapeHtml(section.title)} (${section.items.length})</h3>`,
    '<table style="border-collapse: collapse; font-size: 13px">',
    `<tr>${headers.map((h) => `<th ${CELL}>${escapeHtml(h)}</th>`).join('')}</tr>`,
    ...rows,
    '</table>',
    ...(section.items.length > LISTED_PER_SECTION
      ? [`<p>…and ${countOf(section.items.length - LISTED_PER_SECTION, 'more deal')} in the Deals sheet.</p>`]
      : []),
  ].join('\n');
}
