/**
 * A digest as an email, word for word: the subject's counts, each section's title and lines, the
 * team digest's owner column, the cut after 50 deals, and the HTML table. Digests are built by
 * hand here (planReminders is tested in reminders.test.ts), so every branch of the wording shows.
 */
import { describe, expect, it } from 'vitest';

import { dayFromParts } from '../../src/core/dates';
import type { Digest, ReminderItem } from '../../src/core/reminders';
import { digestEmail, digestSummary } from '../../src/core/reminders';
import type { Deal } from '../../src/core/types';
import { aDeal } from './deal-helpers';

const today = dayFromParts(2025, 7, 1);
const context = {
  today,
  currency: 'USD',
  spreadsheetName: 'Team pipeline',
  rowLink: (row: number) => `https://sheet.example/#row=${row}`,
};

function item(
  reason: ReminderItem['reason'],
  days: number,
  deal: Partial<Deal> = {},
  staleDays: number | null = null,
): ReminderItem {
  return { deal: aDeal(deal), stage: deal.stage ?? 'Proposal', reason, days, staleDays };
}

function digest(
  items: ReminderItem[],
  kind: Digest['kind'] = 'owner',
  unreachable: ReminderItem[] = [],
): Digest {
  return { key: `${kind}:x`, kind, to: 'sam@seller.example', items, unreachable };
}

describe('digestSummary', () => {
  it('counts an owner’s follow-ups due, saying how many are overdue only when some are', () => {
    expect(digestSummary(digest([item('due', 0), item('due', 2)]))).toBe('2 follow-ups due');
    expect(digestSummary(digest([item('overdue', 3), item('due', 0)]))).toBe('2 follow-ups due (1 overdue)');
    expect(digestSummary(digest([item('stale', 20)]))).toBe('1 stale deal');
    expect(digestSummary(digest([]))).toBe('');
  });

  it('counts only overdue follow-ups for the team, and the deals nobody is reminded of', () => {
    const team = digest([item('overdue', 3), item('due', 0), item('stale', 30)], 'team', [
      item('overdue', 1),
    ]);
    expect(digestSummary(team)).toBe('1 overdue follow-up, 1 stale deal, 1 deal nobody is reminded of');
    expect(digestSummary(digest([item('due', 0)], 'team'))).toBe('');
  });
});

describe('digestEmail, plain text', () => {
  it('lists each section with its count, the deal, the status in words and the row link', () => {
    const email = digestEmail(
      digest([
        item('overdue', 7, { row: 5, followUp: dayFromParts(2025, 6, 24) }),
        item('due', 0, { row: 6, company: '', deal: '', id: 'D-0006', nextStep: '' }),
        item('due', 1, { row: 7 }, 21),
        item('due', 3, { row: 8, amount: null, followUp: null }),
        item('stale', 20, { row: 9, stage: 'Lead' }),
      ]),
      context,
    );
    expect(email.to).toBe('sam@seller.example');
    expect(email.subject).toBe('Deal Pipeline: 4 follow-ups due (1 overdue), 1 stale deal');
    expect(email.body.split('\n')).toEqual([
      'Reminders from Team pipeline, 2025-07-01',
      '',
      'Overdue follow-ups (1)',
      '• Acme — Acme renewal (Proposal, $12,000.00)',
      '  Follow-up 2025-06-24: 7 days overdue. Next step: Send quote',
      '  https://sheet.example/#row=5',
      '',
      'Follow-ups due in the next 3 days (3)',
      '• — — D-0006 (Proposal, $12,000.00)',
      '  Follow-up 2025-07-01: due today.',
      '  https://sheet.example/#row=6',
      '• Acme — Acme renewal (Proposal, $12,000.00)',
      '  Follow-up 2025-07-01: due tomorrow; no activity for 21 days. Next step: Send quote',
      '  https://sheet.example/#row=7',
      '• Acme — Acme renewal (Proposal, —)',
      '  Follow-up —: due in 3 days. Next step: Send quote',
      '  https://sheet.example/#row=8',
      '',
      'Stale deals (1)',
      '• Acme — Acme renewal (Lead, $12,000.00)',
      '  Follow-up 2025-07-01: no activity for 20 days. Next step: Send quote',
      '  https://sheet.example/#row=9',
      '',
      'You get this because you are the Owner of these deals. Deal Pipeline sends at most one a day.',
    ]);
  });

  it('titles follow-ups due today alone as due today, and leaves out empty sections', () => {
    const email = digestEmail(digest([item('due', 0)]), context);
    const lines = email.body.split('\n');
    expect(lines[2]).toBe('Follow-ups due today (1)');
    expect(lines.filter((line) => line.endsWith(')') && !line.startsWith('•'))).toEqual([
      'Follow-ups due today (1)',
    ]);
  });

  it('names each owner in the team digest, and the deals nobody is reminded of', () => {
    const email = digestEmail(
      digest([item('overdue', 2, { owner: 'ann@seller.example' })], 'team', [
        item('overdue', 1, { owner: ' ' }),
      ]),
      context,
    );
    expect(email.subject).toBe(
      'Deal Pipeline team digest: 1 overdue follow-up, 1 deal nobody is reminded of',
    );
    expect(email.body).toContain('• Acme — Acme renewal (Proposal, $12,000.00) · ann@seller.example\n');
    expect(email.body).toContain(
      'Nobody is reminded of these: no Owner, or an Owner that is not an email address (1)\n• Acme — Acme renewal (Proposal, $12,000.00) · (no owner)\n',
    );
    expect(
      email.body.endsWith(
        'You get this team digest because you are the Manager Email in Settings. Deal Pipeline sends at most one a day.',
      ),
    ).toBe(true);
  });

  it('lists 50 deals a section and counts the rest', () => {
    const many = Array.from({ length: 53 }, (_, i) => item('overdue', 1, { row: i + 2 }));
    const email = digestEmail(digest(many), context);
    expect(email.body.match(/^• /gm)).toHaveLength(50);
    expect(email.body).toContain('  https://sheet.example/#row=51\n…and 3 more deals in the Deals sheet.\n');
    expect(email.htmlBody.match(/<tr><td/g)).toHaveLength(50);
    expect(email.htmlBody).toContain('<p>…and 3 more deals in the Deals sheet.</p>');
    expect(digestEmail(digest(many.slice(0, 50)), context).htmlBody).not.toContain('more deal');
  });
});

describe('digestEmail, HTML', () => {
  it('writes one table a section, escaping every piece of user text', () => {
    const email = digestEmail(
      digest([item('due', 2, { row: 4, company: '<b>Acme</b>', nextStep: 'Call & "close"' })], 'team'),
      { ...context, spreadsheetName: 'Q3 <pipeline>' },
    );
    expect(email.htmlBody).toContain(
      '<p style="color: #5f6368">Reminders from Q3 &lt;pipeline&gt;, 2025-07-01</p>',
    );
    expect(email.htmlBody).toContain('>Follow-ups due in the next 2 days (1)</h3>');
    const header = email.htmlBody.split('\n').find((line) => line.startsWith('<tr><th'))!;
    expect([...header.matchAll(/>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual([
      'Company',
      'Deal',
      'Owner',
      'Stage',
      'Amount',
      'Follow-up',
      'Next step',
      'Status',
      '',
    ]);
    const row = email.htmlBody.split('\n').find((line) => line.startsWith('<tr><td'))!;
    expect([...row.matchAll(/>([^<]*)<\/td>/g)].map((m) => m[1])).toEqual([
      '&lt;b&gt;Acme&lt;/b&gt;',
      'Acme renewal',
      'sam@seller.example',
      'Proposal',
      '$12,000.00',
      '2025-07-01',
      'Call &amp; &quot;close&quot;',
      'due in 2 days',
      // The last cell holds the link alone.
      '',
    ]);
    expect(row).toContain('<a href="https://sheet.example/#row=4">Open row 4</a>');
    expect(email.htmlBody).toContain('because you are the Manager Email in Settings.');
  });

  it('leaves the Owner column out of an owner’s digest', () => {
    const email = digestEmail(digest([item('stale', 15)]), context);
    expect(email.htmlBody).not.toContain('>Owner</th>');
    expect(email.htmlBody).toContain('>Stale deals (1)</h3>');
  });
});
