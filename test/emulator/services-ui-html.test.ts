import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CallCounter } from '../../local/emulator/calls.js';
import { Clock } from '../../local/emulator/clock.js';
import { createServices } from '../../local/emulator/services/index.js';

function make(templateScope?: () => object) {
  const distDir = mkdtempSync(join(tmpdir(), 'services-html-'));
  writeFileSync(join(distDir, 'Sidebar.html'), '<h1>Deals</h1>');
  writeFileSync(join(distDir, 'Page.html'), '<p><?= title ?></p>');
  const calls = new CallCounter();
  const clock = new Clock(Date.parse('2025-05-06T16:00:00Z'));
  const services = createServices({ calls, clock, distDir, timeZone: () => 'UTC', templateScope });
  return { calls, clock, ...services };
}

describe('Ui', () => {
  it('records the add-on menu as a tree', () => {
    const { ui, host } = make();
    const sub = ui.createMenu('More').addItem('Remove reminders', 'removeReminderTrigger');
    ui.createAddonMenu().addItem('Open sidebar', 'showSidebar').addSeparator().addSubMenu(sub).addToUi();
    expect(host.ui.addonMenu).toEqual({
      caption: 'Deal Pipeline',
      addon: true,
      items: [
        { caption: 'Open sidebar', functionName: 'showSidebar' },
        { separator: true },
        {
          submenu: {
            caption: 'More',
            addon: false,
            items: [{ caption: 'Remove reminders', functionName: 'removeReminderTrigger' }],
          },
        },
      ],
    });
  });

  it('alert returns queued answers, then the first button of the set', () => {
    const { ui, host } = make();
    host.ui.queueAlert('NO');
    expect(ui.alert('Sure?', 'Delete it?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('Done')).toBe(ui.Button.OK);
    expect(ui.alert('Again?', ui.ButtonSet.YES_NO_CANCEL)).toBe('YES');
    expect(host.ui.alerts.map((a) => [a.title, a.prompt, a.button])).toEqual([
      ['Sure?', 'Delete it?', 'NO'],
      ['', 'Done', 'OK'],
      ['', 'Again?', 'YES'],
    ]);
  });

  it('prompt returns the queued text and button', () => {
    const { ui, host } = make();
    host.ui.queuePrompt({ button: 'CANCEL', text: 'typed' });
    const r = ui.prompt('Import', 'Paste CSV', ui.ButtonSet.OK_CANCEL);
    expect([r.getResponseText(), r.getSelectedButton()]).toEqual(['typed', 'CANCEL']);
  });

  it('showSidebar records the HTML and title without counting reads of the output', () => {
    const { ui, host, globals, calls } = make();
    const out = globals.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Deal Pipeline');
    ui.showSidebar(out);
    ui.showModalDialog(
      globals.HtmlService.createHtmlOutput('<p>x</p>').setWidth(400).setHeight(200),
      'Import',
    );
    expect(host.ui.sidebar).toMatchObject({
      kind: 'sidebar',
      title: 'Deal Pipeline',
      html: '<h1>Deals</h1>',
    });
    expect(host.ui.dialogs[1]).toMatchObject({ kind: 'modal', title: 'Import', width: 400, height: 200 });
    expect(calls.count('HtmlOutput.getContent')).toBe(0);
    expect(calls.count('Ui.showSidebar')).toBe(1);
  });

  it('showSidebar refuses a plain string', () => {
    const { ui } = make();
    expect(() => ui.showSidebar('<p>x</p>')).toThrow(/don't match the method signature for Ui.showSidebar/);
  });
});

describe('HtmlService', () => {
  it("a missing file throws Apps Script's message", () => {
    const { globals } = make();
    expect(() => globals.HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'No HTML file named Nope was found.',
    );
  });

  it('a template escapes <?= ?> output and not <?!= ?>', () => {
    const { globals } = make();
    const t = globals.HtmlService.createTemplate(
      '<p><?= name ?></p><div><?!= raw ?></div>',
    ) as unknown as Record<string, unknown> & {
      evaluate(): { getContent(): string };
    };
    t.name = `<b>"Tom" & 'Jerry'</b>`;
    t.raw = '<i>ok</i>';
    expect(t.evaluate().getContent()).toBe(
      '<p>&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;</p><div><i>ok</i></div>',
    );
  });

  it('template scriptlets can loop and call script globals', () => {
    const { globals } = make(() => ({ include: (n: string) => `[${n}]` }));
    const t = globals.HtmlService.createTemplate(
      '<? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= include("css") ?>',
    ) as unknown as { items: string[]; evaluate(): { getContent(): string } };
    t.items = ['a', 'b<'];
    expect(t.evaluate().getContent()).toBe('<li>a</li><li>b&lt;</li>[css]');
  });

  it('createTemplateFromFile reads the file', () => {
    const { globals } = make();
    const t = globals.HtmlService.createTemplateFromFile('Page') as unknown as {
      title: string;
      evaluate(): { getContent(): string };
    };
    t.title = 'Hi';
    expect(t.evaluate().getContent()).toBe('<p>Hi</p>');
  });

  it('HtmlOutput append, appendUntrusted, title and size', () => {
    const { globals } = make();
    const out = globals.HtmlService.createHtmlOutput('<p>')
      .append('a')
      .appendUntrusted('<script>')
      .setTitle('T')
      .setWidth(300)
      .setSandboxMode(globals.HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(globals.HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect([out.getContent(), out.getTitle(), out.getWidth(), out.getHeight()]).toEqual([
      '<p>a&lt;script&gt;',
      'T',
      300,
      null,
    ]);
  });
});
